package org.sahaya.server.device;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The devices heard since their last sighting was stored: noted for every message, on an event loop,
 * then stored and forgotten by {@link DeviceHealth}'s sweep. {@link GridSightings} keeps them in the
 * grid, where a cluster shares them.
 */
interface Sightings {

    /**
     * Notes a sighting without blocking; one arriving out of order (several gateways or members) never
     * moves the last-heard time backwards.
     *
     * @return completes once noted on the device's owner
     */
    CompletionStage<Void> note(String deviceId, Seen seen);

    /** The sightings not stored yet, in no order; new ones may arrive while this is read. */
    Iterable<Map.Entry<String, Seen>> pending();

    /** Forgets a sighting once stored, unless a newer one arrived meanwhile. */
    void forget(String deviceId, Seen stored);
}
