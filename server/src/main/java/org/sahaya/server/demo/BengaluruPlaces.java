package org.sahaya.server.demo;

import static org.sahaya.core.hospital.BedKind.CARDIAC;
import static org.sahaya.core.hospital.BedKind.ER;
import static org.sahaya.core.hospital.BedKind.ICU;
import static org.sahaya.core.hospital.BedKind.STROKE;
import static org.sahaya.server.demo.DemoPlaces.place;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.server.demo.DemoPlaces.HospitalSite;
import org.sahaya.server.demo.DemoPlaces.Place;
import org.sahaya.server.demo.DemoPlaces.Station;

/**
 * Bengaluru localities at approximately their real centres, the box the demo city lives in, its
 * ambulance stations and its hospitals (real-style names at approximately their real places, each
 * with the bed kinds it would plausibly offer). Homes cluster around the localities rather than
 * filling the box, which would put people in lakes and fields. The demo node's city: change nothing
 * here without expecting every demo name, position and phone number to move.
 */
final class BengaluruPlaces {

    static final double MIN_LAT = 12.83;
    static final double MAX_LAT = 13.14;
    static final double MIN_LON = 77.46;
    static final double MAX_LON = 77.78;

    private static final Set<BedKind> ALL = EnumSet.allOf(BedKind.class);

    static final List<Place> LOCALITIES = List.of(
            place("Jayanagar", 12.9250, 77.5938, 8),
            place("Basavanagudi", 12.9423, 77.5738, 7),
            place("Malleshwaram", 13.0031, 77.5643, 7),
            place("JP Nagar", 12.9063, 77.5857, 7),
            place("Banashankari", 12.9255, 77.5468, 6),
            place("Rajajinagar", 12.9911, 77.5540, 6),
            place("Indiranagar", 12.9719, 77.6412, 6),
            place("Koramangala", 12.9352, 77.6245, 6),
            place("Vijayanagar", 12.9719, 77.5371, 5),
            place("BTM Layout", 12.9166, 77.6101, 5),
            place("HSR Layout", 12.9116, 77.6474, 5),
            place("Sadashivanagar", 13.0068, 77.5813, 3),
            place("Frazer Town", 12.9987, 77.6149, 3),
            place("Ulsoor", 12.9817, 77.6286, 3),
            place("Shivajinagar", 12.9857, 77.6057, 2),
            place("Domlur", 12.9609, 77.6387, 3),
            place("RT Nagar", 13.0213, 77.5947, 4),
            place("Hebbal", 13.0358, 77.5970, 3),
            place("Sahakara Nagar", 13.0621, 77.5868, 3),
            place("Yelahanka", 13.1007, 77.5963, 4),
            place("Vidyaranyapura", 13.0777, 77.5573, 3),
            place("Yeshwanthpur", 13.0280, 77.5409, 3),
            place("Mathikere", 13.0330, 77.5600, 3),
            place("Jalahalli", 13.0465, 77.5480, 2),
            place("Mahalakshmi Layout", 13.0154, 77.5463, 3),
            place("Nagarbhavi", 12.9600, 77.5090, 3),
            place("Rajarajeshwari Nagar", 12.9274, 77.5155, 4),
            place("Kengeri", 12.9177, 77.4838, 2),
            place("Uttarahalli", 12.9055, 77.5440, 3),
            place("Bannerghatta Road", 12.8880, 77.5970, 3),
            place("Hulimavu", 12.8780, 77.6000, 2),
            place("Begur", 12.8800, 77.6300, 2),
            place("Bommanahalli", 12.9089, 77.6239, 2),
            place("Electronic City", 12.8452, 77.6602, 3),
            place("Bellandur", 12.9260, 77.6762, 3),
            place("Sarjapur Road", 12.9100, 77.6850, 3),
            place("Marathahalli", 12.9569, 77.7011, 4),
            place("Brookefield", 12.9660, 77.7170, 2),
            place("Whitefield", 12.9698, 77.7500, 4),
            place("Kadugodi", 12.9980, 77.7600, 2),
            place("KR Puram", 13.0075, 77.6959, 3),
            place("CV Raman Nagar", 12.9855, 77.6630, 3),
            place("Banaswadi", 13.0104, 77.6482, 3),
            place("Kammanahalli", 13.0159, 77.6379, 3),
            place("Hennur", 13.0358, 77.6434, 2),
            place("Horamavu", 13.0262, 77.6600, 2));

    /** Busy central stations hold more units; the outskirts one or two. */
    private static final List<Station> STATIONS = List.of(
            new Station("Jayanagar", 3), new Station("Koramangala", 3), new Station("Indiranagar", 2),
            new Station("Whitefield", 3), new Station("Yelahanka", 2), new Station("Hebbal", 2),
            new Station("Malleshwaram", 2), new Station("Rajajinagar", 2), new Station("Banashankari", 2),
            new Station("Electronic City", 2), new Station("Marathahalli", 2), new Station("HSR Layout", 2),
            new Station("BTM Layout", 2), new Station("Basavanagudi", 1), new Station("Yeshwanthpur", 2),
            new Station("KR Puram", 2), new Station("Vijayanagar", 2), new Station("JP Nagar", 2),
            new Station("Rajarajeshwari Nagar", 2), new Station("Banaswadi", 1), new Station("Bellandur", 2),
            new Station("Shivajinagar", 1));

    /** Every hospital takes emergencies (ER); cardiac and stroke units are at the large and the specialist ones. */
    private static final List<HospitalSite> SITES = List.of(
            new HospitalSite("Manipal Hospital, Old Airport Road", 12.9592, 77.6485, true, 3, ALL),
            new HospitalSite("St. John's Medical College Hospital", 12.9300, 77.6190, false, 3, ALL),
            new HospitalSite("Victoria Hospital", 12.9638, 77.5736, false, 3, ALL),
            new HospitalSite("Narayana Multispeciality Hospital, HSR Layout", 12.9105, 77.6440, true, 2,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new HospitalSite("Fortis Hospital, Bannerghatta Road", 12.8953, 77.5983, true, 3, ALL),
            new HospitalSite("Apollo Hospitals, Jayanagar", 12.9283, 77.5848, true, 2, EnumSet.of(ER, ICU, CARDIAC)),
            new HospitalSite("Sakra World Hospital", 12.9330, 77.6870, false, 2, ALL),
            new HospitalSite("Aster CMI Hospital, Hebbal", 13.0487, 77.5938, true, 3, ALL),
            new HospitalSite("Manipal Hospital, Yeshwanthpur", 13.0139, 77.5547, false, 2, EnumSet.of(ER, ICU)),
            new HospitalSite("M S Ramaiah Memorial Hospital", 13.0297, 77.5693, false, 3, ALL),
            new HospitalSite("Bowring and Lady Curzon Hospital", 12.9832, 77.6059, false, 2, EnumSet.of(ER, ICU)),
            new HospitalSite("Jayadeva Institute of Cardiovascular Sciences", 12.9177, 77.5996, false, 3,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new HospitalSite("NIMHANS, Hosur Road", 12.9423, 77.5965, false, 2, EnumSet.of(ER, ICU, STROKE)),
            new HospitalSite("Vydehi Institute of Medical Sciences, Whitefield", 12.9757, 77.7280, true, 2,
                    EnumSet.of(ER, ICU, CARDIAC)),
            new HospitalSite("BGS Gleneagles Global Hospital, Kengeri", 12.9045, 77.4985, false, 2, ALL),
            new HospitalSite("Baptist Hospital, Hebbal", 13.0380, 77.5893, false, 1, EnumSet.of(ER, ICU)),
            new HospitalSite("Sagar Hospitals, Banashankari", 12.9255, 77.5560, false, 1, EnumSet.of(ER, ICU)),
            new HospitalSite("Aster RV Hospital, JP Nagar", 12.9065, 77.5851, false, 2, EnumSet.of(ER, ICU, STROKE)),
            new HospitalSite("K C General Hospital, Malleshwaram", 12.9968, 77.5708, false, 1, EnumSet.of(ER)),
            new HospitalSite("Yelahanka General Hospital", 13.1003, 77.5940, false, 1, EnumSet.of(ER, ICU)),
            new HospitalSite("Kauvery Hospital, Electronic City", 12.8480, 77.6620, true, 2, EnumSet.of(ER, ICU, CARDIAC)),
            new HospitalSite("K R Puram Government Hospital", 13.0040, 77.6960, false, 1, EnumSet.of(ER)));

    static final DemoPlaces CITY = new DemoPlaces("Bengaluru", MIN_LAT, MAX_LAT, MIN_LON, MAX_LON, LOCALITIES,
            STATIONS, SITES, "KA");

    private BengaluruPlaces() {
    }

    static Place named(String name) {
        return CITY.named(name);
    }

    static boolean insideCity(Coordinates c) {
        return CITY.insideCity(c);
    }
}
