package org.sahaya.notify.template;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.sahaya.core.alert.AlertType;

/**
 * What a family message may say. There is deliberately no field for vitals, a diagnosis or any other
 * health data: a template cannot leak what it is never given.
 *
 * @param subscriberName name the family knows the person by (personal data: never logged)
 * @param alertType      what the device reported; shown as a localised phrase
 * @param occurredAt     when it happened
 * @param contactZone    the reader's time zone
 * @param incidentZone   the zone of the place where it happened: the subscriber's own, else the city's
 * @param unitCallSign   ambulance call sign, when one is dispatched
 * @param hospitalName   receiving hospital, when one is reserved
 * @param etaMinutes     minutes until the ambulance arrives, when dispatched
 * @param cityName       the city's name in the reader's language ({@code CitySettings.nameIn}), shown beside
 *                       the incident's time
 */
public record MessageArgs(
        String subscriberName,
        AlertType alertType,
        Instant occurredAt,
        ZoneId contactZone,
        ZoneId incidentZone,
        String unitCallSign,
        String hospitalName,
        Integer etaMinutes,
        String cityName) {

    public MessageArgs {
        Objects.requireNonNull(subscriberName, "subscriberName");
        Objects.requireNonNull(alertType, "alertType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(contactZone, "contactZone");
        Objects.requireNonNull(incidentZone, "incidentZone");
        Objects.requireNonNull(cityName, "cityName");
    }

    @Override
    public String toString() {
        return "MessageArgs[" + alertType + ", unit=" + unitCallSign + ", eta=" + etaMinutes + "]";
    }
}
