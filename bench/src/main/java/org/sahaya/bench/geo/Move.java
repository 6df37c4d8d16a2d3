package org.sahaya.bench.geo;

/**
 * One position report: unit {@code unit} of the fleet is now at lat/lon with this availability.
 * {@code wasAvailable} lets key-per-status backends (Redis) remove the unit from its old set.
 */
record Move(int unit, String id, double lat, double lon, String capability, boolean available, boolean wasAvailable) {
}
