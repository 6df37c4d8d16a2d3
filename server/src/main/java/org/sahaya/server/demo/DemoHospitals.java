package org.sahaya.server.demo;

import static org.sahaya.core.hospital.BedKind.CARDIAC;
import static org.sahaya.core.hospital.BedKind.ER;
import static org.sahaya.core.hospital.BedKind.ICU;
import static org.sahaya.core.hospital.BedKind.STROKE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;

/**
 * Receiving hospitals of the demo city: real-style names at approximately their real places, each
 * with the bed kinds it would plausibly offer. Every hospital takes emergencies (ER); cardiac and
 * stroke units are at the large and the specialist ones. Free-bed counts vary with the seed.
 */
final class DemoHospitals {

    /** One row of the hospital table; {@code size} 1 (small) to 3 (large) scales its free beds. */
    private record Site(String name, double lat, double lon, boolean partner, int size, Set<BedKind> kinds) {
    }

    private static final Set<BedKind> ALL = EnumSet.allOf(BedKind.class);

    private static final List<Site> SITES = List.of(
            new Site("Manipal Hospital, Old Airport Road", 12.9592, 77.6485, true, 3, ALL),
            new Site("St. John's Medical College Hospital", 12.9300, 77.6190, false, 3, ALL),
            new Site("Victoria Hospital", 12.9638, 77.5736, false, 3, ALL),
            new Site("Narayana Multispeciality Hospital, HSR Layout", 12.9105, 77.6440, true, 2,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new Site("Fortis Hospital, Bannerghatta Road", 12.8953, 77.5983, true, 3, ALL),
            new Site("Apollo Hospitals, Jayanagar", 12.9283, 77.5848, true, 2, EnumSet.of(ER, ICU, CARDIAC)),
            new Site("Sakra World Hospital", 12.9330, 77.6870, false, 2, ALL),
            new Site("Aster CMI Hospital, Hebbal", 13.0487, 77.5938, true, 3, ALL),
            new Site("Manipal Hospital, Yeshwanthpur", 13.0139, 77.5547, false, 2, EnumSet.of(ER, ICU)),
            new Site("M S Ramaiah Memorial Hospital", 13.0297, 77.5693, false, 3, ALL),
            new Site("Bowring and Lady Curzon Hospital", 12.9832, 77.6059, false, 2, EnumSet.of(ER, ICU)),
            new Site("Jayadeva Institute of Cardiovascular Sciences", 12.9177, 77.5996, false, 3,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new Site("NIMHANS, Hosur Road", 12.9423, 77.5965, false, 2, EnumSet.of(ER, ICU, STROKE)),
            new Site("Vydehi Institute of Medical Sciences, Whitefield", 12.9757, 77.7280, true, 2,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new Site("BGS Gleneagles Global Hospital, Kengeri", 12.9045, 77.4985, false, 2, ALL),
            new Site("Baptist Hospital, Hebbal", 13.0380, 77.5893, false, 1, EnumSet.of(ER, ICU)),
            new Site("Sagar Hospitals, Banashankari", 12.9255, 77.5560, false, 1, EnumSet.of(ER, ICU)),
            new Site("Aster RV Hospital, JP Nagar", 12.9065, 77.5851, false, 2, EnumSet.of(ER, ICU, STROKE)),
            new Site("K C General Hospital, Malleshwaram", 12.9968, 77.5708, false, 1, EnumSet.of(ER)),
            new Site("Yelahanka General Hospital", 13.1003, 77.5940, false, 1, EnumSet.of(ER, ICU)),
            new Site("Kauvery Hospital, Electronic City", 12.8480, 77.6620, true, 2, EnumSet.of(ER, ICU, CARDIAC)),
            new Site("K R Puram Government Hospital", 13.0040, 77.6960, false, 1, EnumSet.of(ER)));

    private DemoHospitals() {
    }

    static List<Hospital> generate(SeededDraws draws) {
        List<Hospital> hospitals = new ArrayList<>(SITES.size());
        for (int i = 0; i < SITES.size(); i++) {
            Site site = SITES.get(i);
            hospitals.add(new Hospital(id(i + 1), site.name(),
                    new Coordinates(site.lat(), site.lon()), site.partner(), beds(site, draws), Map.of()));
        }
        return hospitals;
    }

    /** How many hospitals the city has. */
    static int count() {
        return SITES.size();
    }

    /** The id of the {@code n}-th hospital, from 1: {@code H-01}. */
    static String id(int n) {
        return String.format("H-%02d", n);
    }

    /** Free beds on an ordinary evening: a handful per kind, more at the large hospitals. */
    private static Map<BedKind, Integer> beds(Site site, SeededDraws draws) {
        Map<BedKind, Integer> beds = new EnumMap<>(BedKind.class);
        for (BedKind kind : BedKind.values()) {
            if (site.kinds().contains(kind)) {
                beds.put(kind, site.size() * perSizeUnit(kind, draws));
            }
        }
        return beds;
    }

    private static int perSizeUnit(BedKind kind, SeededDraws draws) {
        return switch (kind) {
            case ER -> draws.between(2, 5);
            case ICU -> draws.between(1, 4);
            case CARDIAC -> draws.between(1, 3);
            case STROKE -> draws.between(1, 2);
        };
    }
}
