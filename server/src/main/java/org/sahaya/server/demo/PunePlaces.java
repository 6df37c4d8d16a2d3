package org.sahaya.server.demo;

import static org.sahaya.core.hospital.BedKind.CARDIAC;
import static org.sahaya.core.hospital.BedKind.ER;
import static org.sahaya.core.hospital.BedKind.ICU;
import static org.sahaya.core.hospital.BedKind.STROKE;
import static org.sahaya.server.demo.DemoPlaces.place;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.server.demo.DemoPlaces.HospitalSite;
import org.sahaya.server.demo.DemoPlaces.Station;

/**
 * A second demo city, Pune (about 18.52 N, 73.86 E), some 730 km from Bengaluru: localities near their
 * real centres, a smaller fleet with Maharashtra call signs ({@code MH-01} ...) and real-style hospital
 * names near their real places. Only synthetic people live here. It exists so that a test can run the
 * whole path (alert, dispatch, hospital, family message) through a node configured for a city other
 * than the demo's, and find nothing of Bengaluru in what comes out.
 */
final class PunePlaces {

    private static final Set<BedKind> ALL = EnumSet.allOf(BedKind.class);

    static final DemoPlaces CITY = new DemoPlaces("Pune", 18.42, 18.66, 73.74, 73.96,
            List.of(
                    place("Shivajinagar", 18.5308, 73.8475, 6),
                    place("Deccan Gymkhana", 18.5167, 73.8410, 4),
                    place("Kothrud", 18.5074, 73.8077, 8),
                    place("Aundh", 18.5580, 73.8075, 5),
                    place("Baner", 18.5590, 73.7868, 4),
                    place("Wakad", 18.5990, 73.7620, 3),
                    place("Pimpri", 18.6298, 73.7997, 4),
                    place("Yerawada", 18.5530, 73.8770, 3),
                    place("Viman Nagar", 18.5679, 73.9143, 4),
                    place("Kalyani Nagar", 18.5463, 73.9033, 3),
                    place("Koregaon Park", 18.5362, 73.8940, 3),
                    place("Camp", 18.5158, 73.8777, 3),
                    place("Swargate", 18.5018, 73.8636, 4),
                    place("Hadapsar", 18.5089, 73.9260, 5),
                    place("Kondhwa", 18.4648, 73.8916, 4),
                    place("Katraj", 18.4575, 73.8677, 4),
                    place("Sinhagad Road", 18.4820, 73.8200, 4),
                    place("Warje", 18.4800, 73.8030, 3)),
            List.of(new Station("Shivajinagar", 2), new Station("Kothrud", 2), new Station("Hadapsar", 2),
                    new Station("Swargate", 2), new Station("Viman Nagar", 1), new Station("Aundh", 1),
                    new Station("Katraj", 1), new Station("Wakad", 1)),
            List.of(
                    new HospitalSite("Sassoon General Hospital", 18.5269, 73.8710, false, 3, ALL),
                    new HospitalSite("Ruby Hall Clinic", 18.5330, 73.8770, true, 3, ALL),
                    new HospitalSite("Jehangir Hospital", 18.5300, 73.8760, true, 2, EnumSet.of(ER, ICU, CARDIAC)),
                    new HospitalSite("Deenanath Mangeshkar Hospital", 18.5047, 73.8296, false, 3, ALL),
                    new HospitalSite("KEM Hospital, Rasta Peth", 18.5190, 73.8640, false, 2, EnumSet.of(ER, ICU, STROKE)),
                    new HospitalSite("Sahyadri Hospital, Hadapsar", 18.5020, 73.9270, true, 2,
                            EnumSet.of(ER, ICU, CARDIAC)),
                    new HospitalSite("Aditya Birla Memorial Hospital, Chinchwad", 18.6290, 73.7700, false, 2, ALL),
                    new HospitalSite("Bharati Hospital, Katraj", 18.4570, 73.8570, false, 2, EnumSet.of(ER, ICU))),
            "MH");

    private PunePlaces() {
    }
}
