/**
 * The people Sahaya protects, as an operator puts them in (issue 15): subscribers with their home,
 * sealed medical profile and consents, their family contacts and their devices. Each is a
 * {@link org.sahaya.server.admin.RecordKind}, the one code behind the administration API
 * ({@code http.admin.people}) and {@code sahaya import}; {@link org.sahaya.server.admin.people.Consents}
 * is the reader other features ask whether a purpose is consented to.
 */
package org.sahaya.server.admin.people;
