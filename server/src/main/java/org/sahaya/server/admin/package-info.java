/**
 * Administration of a city (issue 15): the records an operator puts in, through the API (admin role)
 * and {@code sahaya import}, both over one {@link org.sahaya.server.admin.RecordKind} per kind of record.
 * Sub-packages: {@code people} (subscribers, contacts, devices, consents), {@code city} (DC-09 accounts,
 * fleets, units, hospitals, service areas), {@code privacy} (export, erasure, retention) and
 * {@code bundle} (the import file).
 */
package org.sahaya.server.admin;
