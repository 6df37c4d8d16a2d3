package org.sahaya.server.device;

import java.io.Serializable;

/**
 * What the grid holds per device: when it was last heard, how, and its last reported battery.
 *
 * @param atMillis       our clock, epoch milliseconds
 * @param gateway        {@code http}, {@code mqtt} or {@code dc09}
 * @param batteryPercent last reported charge, null when the device never said
 */
record Seen(long atMillis, String gateway, Integer batteryPercent) implements Serializable {

    /** The later of two sightings; a sighting without a battery reading keeps the earlier reading. */
    Seen laterOf(Seen other) {
        if (other == null) {
            return this;
        }
        Seen later = atMillis >= other.atMillis ? this : other;
        Seen earlier = later == this ? other : this;
        return later.batteryPercent != null ? later : new Seen(later.atMillis, later.gateway, earlier.batteryPercent);
    }
}
