package org.sahaya.dispatch.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.EtaSettings;
import org.sahaya.core.config.Settings;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.eta.DetourEtaModel;

class ConfiguredEtaTest {

    private static final GeoPoint STATION = GeoPoint.of(12.9352, 77.6245);
    private static final GeoPoint PATIENT = GeoPoint.of(12.9716, 77.5946);
    private static final ZonedDateTime NIGHT = ZonedDateTime.parse("2026-01-15T02:00:00+05:30[Asia/Kolkata]");

    @Test
    void theDefaultSettingsGiveTheBengaluruModel() {
        DetourEtaModel configured = ConfiguredEta.model(EtaSettings.from(Settings.of(Map.of())));

        assertThat(configured.eta(STATION, PATIENT, NIGHT)).isEqualTo(DetourEtaModel.bengaluru().eta(STATION, PATIENT, NIGHT));
    }

    @Test
    void aSlowerCityGivesLongerEtas() {
        DetourEtaModel slower = ConfiguredEta.model(EtaSettings.from(Settings.of(Map.of(
                "SAHAYA_ETA_URBAN_CORE_KMH", "10", "SAHAYA_ETA_URBAN_KMH", "12", "SAHAYA_ETA_SUBURBAN_KMH", "15"))));

        assertThat(slower.eta(STATION, PATIENT, NIGHT)).isGreaterThan(DetourEtaModel.bengaluru().eta(STATION, PATIENT, NIGHT));
    }
}
