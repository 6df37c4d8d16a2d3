package org.sahaya.server.demo;

import java.time.Instant;
import java.util.List;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.demo.DemoFamilies.Household;

/**
 * The demo city of Bengaluru (or of any other {@link DemoPlaces}): hospitals with beds, ambulances at their stations, elders with
 * wearables, and their families abroad. The same seed always gives the same city, down to every
 * phone number, so demos, tests and load runs can name things ({@code demo-0001}, {@code KA-01},
 * {@code H-01}) and find them again.
 *
 * <p>All data is synthetic: names are random combinations of common given and family names, and
 * phone numbers come from fictional ranges or obviously patterned blocks.
 */
public final class DemoCity {

    /** The seed of the city that {@code ./sahaya demo} starts with. */
    public static final long DEFAULT_SEED = 20_260_101L;

    /** How many elders the city has ({@code S-0001} .. {@code S-0500}). */
    public static final int SUBSCRIBERS = 500;

    /** The instant every generated record is stamped with, so two runs compare equal. */
    public static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

    private DemoCity() {
    }

    /** @return the demo Bengaluru for {@code seed}; equal seeds give equal cities */
    public static DemoCityData generate(long seed) {
        return generate(seed, DemoPlaces.bengaluru());
    }

    /**
     * The same kind of city elsewhere: its hospitals, stations and homes from {@code places}.
     *
     * @return the city of {@code places} for {@code seed}; equal arguments give equal cities
     */
    public static DemoCityData generate(long seed, DemoPlaces places) {
        List<Hospital> hospitals = DemoHospitals.generate(places, SeededDraws.forPart(seed, "hospitals"));
        List<Unit> units = DemoFleet.generate(places, SeededDraws.forPart(seed, "fleet"));
        List<Household> households =
                DemoFamilies.generate(SUBSCRIBERS, places, hospitals, SeededDraws.forPart(seed, "families"));
        List<Subscriber> subscribers = households.stream().map(Household::subscriber).toList();
        return new DemoCityData(hospitals, units, subscribers, DemoDevices.forSubscribers(subscribers),
                DemoContacts.generate(households, SeededDraws.forPart(seed, "contacts")));
    }
}
