/**
 * The demo city: a deterministic Bengaluru with hospitals, ambulances, elders wearing devices
 * and their families abroad, for {@code ./sahaya demo}, the tests and the load test.
 *
 * <p>Entry points: {@link org.sahaya.server.demo.DemoCity#generate(long)} builds the city in
 * memory (pure, no I/O); {@link org.sahaya.server.demo.DemoSeeder#seedIfEmpty} writes it to a
 * database that has no subscribers yet.
 *
 * <p>Never: seed a database that already has subscribers, use real people's names or numbers, or
 * let anything but the seed decide what is generated (no clock, no hash ordering).
 */
package org.sahaya.server.demo;
