package org.sahaya.core.subscriber;

import java.io.Serializable;
import org.sahaya.core.Coordinates;

/**
 * The person we protect.
 *
 * @param id                  subscriber id
 * @param name                display name (personal data: never logged)
 * @param home                home location, used when an alert has none
 * @param language            BCP 47 tag of the subscriber's own language
 * @param preferredHospitalId hospital the family prefers, if any
 * @param timeZone            IANA zone the person lives in; null = the city's ({@code CitySettings.zoneOf})
 */
public record Subscriber(String id, String name, Coordinates home, String language, String preferredHospitalId,
                         String timeZone) implements Serializable {

    /** A subscriber in the city's own time zone. */
    public Subscriber(String id, String name, Coordinates home, String language, String preferredHospitalId) {
        this(id, name, home, language, preferredHospitalId, null);
    }

    @Override
    public String toString() {
        return "Subscriber[" + id + "]";
    }
}
