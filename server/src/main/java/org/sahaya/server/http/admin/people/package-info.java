/**
 * The administration API of subscribers, contacts, devices and consents (admin only): thin handlers
 * over the record kinds of {@code admin.people}, JDBC on virtual threads, refusals as problems naming
 * the field.
 */
package org.sahaya.server.http.admin.people;
