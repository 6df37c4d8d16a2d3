package org.sahaya.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;

class AlertOptionsTest {

    @Test
    void aDemoDeviceSignsWithItsDemoSecretAndTheDefaultPort() {
        AlertOptions o = AlertOptions.parse(new String[] {"--device", "demo-0042", "--type", "sos", "--follow"}, Map.of());

        assertThat(o.secret()).isEqualTo("demo-secret-0042");
        assertThat(o.type()).isEqualTo(AlertType.SOS);
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.follow()).isTrue();
        assertThat(o.alertId()).startsWith("cli-");
    }

    @Test
    void theNodePortComesFromTheEnvironmentUnlessAUrlIsGiven() {
        assertThat(AlertOptions.parse(new String[] {"--device", "demo-0001"}, Map.of("SAHAYA_HTTP_PORT", "9000")).baseUrl())
                .isEqualTo("http://127.0.0.1:9000");
        assertThat(AlertOptions.parse(new String[] {"--device", "demo-0001", "--url", "http://10.0.0.5:8080/"}, Map.of())
                .baseUrl()).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> AlertOptions.parse(new String[] {"--type", "FALL"}, Map.of()))
                .hasMessageContaining("--device is required");
        assertThatThrownBy(() -> AlertOptions.parse(new String[] {"--device", "hub-7"}, Map.of()))
                .hasMessageContaining("--secret is required");
        assertThatThrownBy(() -> AlertOptions.parse(new String[] {"--device", "demo-0001", "--type", "FLOOD"}, Map.of()))
                .hasMessageContaining("unknown --type FLOOD");
        assertThatThrownBy(() -> AlertOptions.parse(new String[] {"--device", "demo-0001", "--lat", "north"}, Map.of()))
                .hasMessageContaining("--lat must be a number");
        assertThatThrownBy(() -> AlertOptions.parse(new String[] {"--device"}, Map.of()))
                .hasMessageContaining("--device needs a value");
    }
}
