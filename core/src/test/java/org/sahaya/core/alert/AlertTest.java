package org.sahaya.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/** Invariant 7: a record that slips into a log line carries no secret and no personal health data. */
class AlertTest {

    @Test
    void aLoggedAlertShowsNeitherWhereThePersonIsNorTheirVitals() {
        Alert alert = new Alert("fall-1", "demo-0001", AlertType.FALL, Instant.parse("2025-01-15T14:05:00Z"),
                Instant.parse("2025-01-15T14:05:01Z"), new Coordinates(12.929912, 77.582634), 8.0,
                "{\"heartRate\":131,\"spo2\":88}");

        assertThat(alert.toString())
                .contains("demo-0001", "fall-1", "FALL")
                .doesNotContain("12.9299", "77.5826", "heartRate", "131", "spo2");
    }

    @Test
    void loggedPeopleAndDevicesShowNoNamesPhonesOrSecrets() {
        assertThat(new Subscriber("SUB-1", "Asha Rao", new Coordinates(12.93, 77.58), "kn", null).toString())
                .doesNotContain("Asha");
        assertThat(new Contact("CON-1", "SUB-1", "Ravi Rao", "son", "+447700900123", "en-GB", "Europe/London", 1,
                "push-token-xyz").toString())
                .doesNotContain("Ravi", "+447700900123", "push-token-xyz");
        assertThat(new Device("demo-0001", "SUB-1", "demo-secret-0001", true).toString())
                .contains("demo-0001")
                .doesNotContain("demo-secret-0001");
    }

    @Test
    void anAlertWithoutItsIdempotencyKeyIsRefused() {
        assertThatThrownBy(() -> new Alert(null, "demo-0001", AlertType.SOS, Instant.EPOCH, Instant.EPOCH, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("alertId");
    }

    @Test
    void coordinatesOffTheGlobeAreRefused() {
        assertThatThrownBy(() -> new Coordinates(77.58, 212.93)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coordinates(Double.NaN, 77.58)).isInstanceOf(IllegalArgumentException.class);
    }
}
