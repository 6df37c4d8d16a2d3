package org.sahaya.core.config;

import java.time.Duration;

/**
 * How long the outbox of deliveries to partners (fleet webhooks, hospitals' FHIR endpoints) keeps trying.
 *
 * @param giveUp {@code SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS}, default 24: a delivery not answered 2xx this long
 *               after it was written is given up (an ERROR log and a timeline line on its incident)
 */
public record PartnerDeliverySettings(Duration giveUp) {

    public PartnerDeliverySettings {
        if (giveUp.isNegative() || giveUp.isZero()) {
            throw new ConfigException("SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS", "must be a positive number of hours");
        }
    }

    public static PartnerDeliverySettings from(Settings s) {
        return new PartnerDeliverySettings(Duration.ofHours(s.getPositiveInt("SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS", 24)));
    }
}
