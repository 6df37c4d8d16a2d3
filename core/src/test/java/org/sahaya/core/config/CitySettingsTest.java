package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitySettingsTest {

    @Test
    void withoutSettingsTheNodeServesBengaluruAsBefore() {
        CitySettings city = CitySettings.defaults();

        assertThat(city.name()).isEqualTo("Bengaluru");
        assertThat(city.timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(city.language()).isEqualTo("en");
        assertThat(city.coordinatorLanguages()).containsExactly("en", "hi", "kn");
        assertThat(city.nameIn("kn")).isEqualTo("ಬೆಂಗಳೂರು");
        assertThat(city.nameIn("hi-IN")).isEqualTo("बेंगलुरु");
        assertThat(city.nameIn("sw")).isEqualTo("Bengaluru");
        assertThat(city.names()).hasSize(10);
    }

    @Test
    void anotherCityHasOnlyTheNamesItIsGiven() {
        CitySettings pune = CitySettings.from(Settings.of(Map.of(
                "SAHAYA_CITY_NAME", "Pune", "SAHAYA_CITY_NAME_MR", "पुणे", "SAHAYA_CITY_NAME_hi", " पुणे ",
                "SAHAYA_CITY_LANGUAGE", "mr-IN", "SAHAYA_CITY_COORDINATOR_LANGUAGES", "mr, en ,hi")));

        assertThat(pune.names()).isEqualTo(Map.of("mr", "पुणे", "hi", "पुणे"));
        assertThat(pune.nameIn("kn")).isEqualTo("Pune");
        assertThat(pune.nameIn("mr")).isEqualTo("पुणे");
        assertThat(pune.language()).isEqualTo("mr-IN");
        assertThat(pune.coordinatorLanguages()).isEqualTo(List.of("mr", "en", "hi"));
    }

    @Test
    void theSubscribersOwnZoneWinsAndABrokenOneFallsBackToTheCitys() {
        CitySettings dubai = CitySettings.from(Settings.of(Map.of("SAHAYA_CITY_TIME_ZONE", "Asia/Dubai")));

        assertThat(dubai.zoneOf(null)).isEqualTo(ZoneId.of("Asia/Dubai"));
        assertThat(dubai.zoneOf("Europe/London")).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(dubai.zoneOf("Mars/Olympus")).isEqualTo(ZoneId.of("Asia/Dubai"));
    }

    @Test
    void theEtaReadsPeakHoursByTheCitysClockUnlessToldOtherwise() {
        assertThat(EtaSettings.from(Settings.of(Map.of("SAHAYA_CITY_TIME_ZONE", "Asia/Dubai"))).zone())
                .isEqualTo(ZoneId.of("Asia/Dubai"));
        assertThat(EtaSettings.from(Settings.of(Map.of("SAHAYA_CITY_TIME_ZONE", "Asia/Dubai",
                "SAHAYA_ETA_ZONE", "Asia/Kolkata"))).zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void theEtaSaysWhenItsRingsAreStillAroundBengaluru() {
        assertThat(EtaSettings.from(Settings.of(Map.of())).centredOnBengaluru()).isTrue();
        assertThat(EtaSettings.from(Settings.of(Map.of("SAHAYA_ETA_CENTRE", "18.5204,73.8567"))).centredOnBengaluru())
                .isFalse();
    }

    @Test
    void badValuesStopTheStartNamingTheirSetting() {
        assertRefused(Map.of("SAHAYA_CITY_TIME_ZONE", "Asia/Bangalore"), "SAHAYA_CITY_TIME_ZONE");
        assertRefused(Map.of("SAHAYA_CITY_LANGUAGE", "english_uk"), "SAHAYA_CITY_LANGUAGE");
        assertRefused(Map.of("SAHAYA_CITY_COORDINATOR_LANGUAGES", "en,12"), "SAHAYA_CITY_COORDINATOR_LANGUAGES");
        assertRefused(Map.of("SAHAYA_CITY_COORDINATOR_LANGUAGES", " , "), "SAHAYA_CITY_COORDINATOR_LANGUAGES");
        assertRefused(Map.of("SAHAYA_CITY_NAME_HINDI", "पुणे"), "SAHAYA_CITY_NAME_HINDI");
        assertThatThrownBy(() -> EtaSettings.from(Settings.of(Map.of("SAHAYA_CITY_TIME_ZONE", "nowhere"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SAHAYA_CITY_TIME_ZONE");
    }

    private static void assertRefused(Map<String, String> values, String setting) {
        assertThatThrownBy(() -> CitySettings.from(Settings.of(values)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting));
    }
}
