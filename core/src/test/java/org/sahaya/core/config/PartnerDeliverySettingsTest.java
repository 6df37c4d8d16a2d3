package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerDeliverySettingsTest {

    @Test
    void aDeliveryIsTriedForADayUnlessSetOtherwise() {
        assertThat(PartnerDeliverySettings.from(Settings.of(Map.of())).giveUp()).isEqualTo(Duration.ofHours(24));
        assertThat(PartnerDeliverySettings.from(Settings.of(Map.of("SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS", "2"))).giveUp())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void zeroHoursIsRefusedByName() {
        assertThatThrownBy(() -> PartnerDeliverySettings.from(Settings.of(Map.of("SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS");
    }
}
