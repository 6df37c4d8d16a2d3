package org.sahaya.server.gateway.dc09.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahaya.core.alert.AlertType;
import org.sahaya.server.gateway.dc09.message.Dc09Event;

class EventMappingTest {

    @ParameterizedTest(name = "Contact ID {0}{1} is {2}")
    @CsvSource({
            "1, 100, MEDICAL", "1, 101, SOS", "1, 110, SMOKE", "1, 111, SMOKE", "1, 120, SOS", "1, 121, SOS",
            "1, 122, SOS", "1, 151, GAS", "1, 162, CO", "1, 154, WATER", "1, 302, LOW_BATTERY",
            "1, 384, LOW_BATTERY", "1, 406, CANCEL", "1, 602, TEST", "1, 641, INACTIVITY"})
    void contactIdEventsMapToAlertTypes(char qualifier, String code, AlertType type) {
        assertThat(EventMapping.alertType(new Dc09Event(Dc09Event.Kind.CONTACT_ID, code, qualifier, "001")))
                .contains(type);
    }

    @ParameterizedTest(name = "SIA {0} is {1}")
    @CsvSource({"MA, MEDICAL", "PA, SOS", "HA, SOS", "FA, SMOKE", "GA, GAS", "WA, WATER", "YT, LOW_BATTERY",
            "XT, LOW_BATTERY", "BC, CANCEL", "RP, TEST"})
    void siaEventsMapToAlertTypes(String code, AlertType type) {
        assertThat(EventMapping.alertType(new Dc09Event(Dc09Event.Kind.SIA, code, '1', "01"))).contains(type);
    }

    @ParameterizedTest(name = "{0} {1}{2} raises nothing")
    @CsvSource({"CONTACT_ID, 3, 100", "CONTACT_ID, 6, 110", "CONTACT_ID, 1, 130", "CONTACT_ID, 1, 401", "SIA, 1, BA",
            "SIA, 1, MH", "SIA, 1, ZZ"})
    void restoresStatusAndCodesWeDoNotActOnRaiseNothing(Dc09Event.Kind kind, char qualifier, String code) {
        assertThat(EventMapping.alertType(new Dc09Event(kind, code, qualifier, "001"))).isEqualTo(Optional.empty());
    }
}
