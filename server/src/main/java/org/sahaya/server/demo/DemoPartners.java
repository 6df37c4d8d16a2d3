package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.access.partners.PartnerKind;

/**
 * The demo city's partners: three ambulance fleets (synthetic names) that share the units between
 * them, and every demo hospital. Unit {@code AMB-n} belongs to fleet {@code FLEET-((n-1) mod 3 + 1)},
 * so each fleet has units all over the city, as Bengaluru's private operators do, and anyone (the
 * load tool too) can tell a unit's fleet from its id alone. On a demo node each partner answers to
 * the key {@code demo-key-<partnerId>}.
 */
public final class DemoPartners {

    /** The fleets, without keys (the demo keys are the demo node's own). */
    public static final List<Partner> FLEETS = List.of(
            new Partner("FLEET-1", PartnerKind.FLEET, "Namma Ambulance", null),
            new Partner("FLEET-2", PartnerKind.FLEET, "Kaveri Rescue", null),
            new Partner("FLEET-3", PartnerKind.FLEET, "Garden City Medics", null));

    private DemoPartners() {
    }

    /** The fleet that owns the {@code n}-th demo unit ({@code AMB-n}, from 1). */
    public static String fleetOf(int unitNumber) {
        return FLEETS.get((unitNumber - 1) % FLEETS.size()).id();
    }

    /** Every demo partner's id: the fleets and the hospitals ({@code H-01} ...). */
    public static Set<String> ids() {
        List<String> ids = new ArrayList<>();
        FLEETS.forEach(f -> ids.add(f.id()));
        for (int i = 1; i <= DemoHospitals.count(); i++) {
            ids.add(DemoHospitals.id(i));
        }
        return Set.copyOf(ids);
    }
}
