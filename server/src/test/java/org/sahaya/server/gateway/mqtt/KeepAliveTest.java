package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeepAliveTest {

    static final Duration MAX = Duration.ofSeconds(300);

    @Test
    void aDeviceKeepsItsOwnKeepAliveWithinTheMaximum() {
        assertThat(KeepAlive.effective(60, MAX)).isEqualTo(Duration.ofSeconds(60));
        assertThat(KeepAlive.effective(300, MAX)).isEqualTo(MAX);
    }

    @Test
    void noKeepAliveOrALongerOneIsHeldToTheMaximum() {
        assertThat(KeepAlive.effective(0, MAX)).isEqualTo(MAX);
        assertThat(KeepAlive.effective(3600, MAX)).isEqualTo(MAX);
    }
}
