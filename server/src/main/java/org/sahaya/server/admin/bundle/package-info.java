/**
 * {@code sahaya import}: a whole city loaded from one file (docs/import.md) through the same
 * {@link org.sahaya.server.admin.RecordKind}s as the administration API, all of it or nothing.
 *
 * <p>{@link org.sahaya.server.admin.bundle.BundleReader} streams a JSON bundle (or
 * {@link org.sahaya.server.admin.bundle.CsvReader} one CSV section) into checked records, each with its line;
 * {@link org.sahaya.server.admin.bundle.Importer} writes them in one transaction in
 * {@link org.sahaya.server.admin.bundle.CityKinds}' order and makes them live; the command line
 * ({@link org.sahaya.server.admin.bundle.ImportCommand}) and {@code POST /api/v1/imports}
 * ({@link org.sahaya.server.admin.bundle.ImportRoutes}) are its two doors.
 */
package org.sahaya.server.admin.bundle;
