/**
 * Service-level reports (issue 18): how fast each incident got an ambulance that accepted and a family
 * member who was told, against the partner contracts' targets (5 minutes, 2 minutes, 95% of incidents),
 * per fleet, hospital, corporate client or month, with every breach and its cause.
 *
 * <p>{@link org.sahaya.server.report.sla.SlaReader} reads the facts of each incident from the database
 * (JDBC, blocking), {@link org.sahaya.server.report.sla.SlaCalculator} turns them into a
 * {@link org.sahaya.server.report.sla.SlaReport} (pure: data in, data out), which the API answers as JSON
 * or CSV ({@link org.sahaya.server.report.sla.SlaCsv}) and {@code sahaya report sla} writes as one HTML
 * page per partner ({@link org.sahaya.server.report.sla.SlaPages}).
 */
package org.sahaya.server.report.sla;
