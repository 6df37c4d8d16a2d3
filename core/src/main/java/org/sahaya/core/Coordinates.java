package org.sahaya.core;

import java.io.Serializable;

/**
 * A WGS84 latitude/longitude pair in degrees: the plain data form of a place, shared by every
 * module. Geometry (distances, cells, areas) lives in the {@code geo} library, which has its own
 * point type; this record only carries values across module boundaries.
 */
public record Coordinates(double lat, double lon) implements Serializable {

    public Coordinates {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], was " + lon);
        }
    }
}
