package org.sahaya.geo.eta;

/** How built-up an area is, which is what mostly sets how fast an ambulance can cross it. */
public enum AreaType {
    /** The dense centre: narrow roads, junction after junction, the worst congestion. */
    URBAN_CORE,
    /** The rest of the city: arterial roads, still heavy traffic at peak hours. */
    URBAN,
    /** The outskirts: highways and fewer signals. */
    SUBURBAN
}
