package org.sahaya.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahaya.loadtest.single.RunOptions;

class LoopbackGuardTest {

    @Test
    void acceptsLoopbackAddressesAndLocalhost() {
        assertThat(LoopbackGuard.requireLoopback("http://127.0.0.1:8080")).isEqualTo(new Endpoint("127.0.0.1", 8080));
        assertThat(LoopbackGuard.requireLoopback("http://127.3.2.1:9/")).isEqualTo(new Endpoint("127.3.2.1", 9));
        assertThat(LoopbackGuard.requireLoopback("http://[::1]:8080")).isEqualTo(new Endpoint("::1", 8080));
        assertThat(LoopbackGuard.requireLoopback("http://localhost:8080").host()).isEqualTo("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.7:8080", "http://192.168.1.20:8080", "http://0.0.0.0:8080",
            "http://8.8.8.8:80", "http://example.com:8080", "http://sahaya.internal:8080", "http://[2001:db8::1]:80",
            "http://127.0.0.1.nip.io:8080"})
    void refusesEveryOtherHost(String url) {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only sends to this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:8443", "http://127.0.0.1", "127.0.0.1:8080", "not a url"})
    void refusesWhatIsNotAPlainHttpUrlWithAPort(String url) {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandLineRefusesANonLoopbackNode() {
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--url", "http://10.1.2.3:8080"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing 10.1.2.3");
    }
}
