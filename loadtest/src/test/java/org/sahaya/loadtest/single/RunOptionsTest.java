package org.sahaya.loadtest.single;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.loadtest.run.Endpoint;

class RunOptionsTest {

    @Test
    void readsTheDocumentedCommandLine() {
        RunOptions o = RunOptions.parse(("--url http://127.0.0.1:8080 --rate 100,200,400 --duration 20 --warmup 5"
                + " --baseline --report docs/benchmarks.md").split(" "));

        assertThat(o.node()).isEqualTo(new Endpoint("127.0.0.1", 8080));
        assertThat(o.rates()).containsExactly(100, 200, 400);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.baseline()).isTrue();
        assertThat(o.report()).isEqualTo(Path.of("docs/benchmarks.md"));
        assertThat(o.section()).isEqualTo("latest");
    }

    @Test
    void defaultsToOneBoundedRunWithoutBaseline() {
        RunOptions o = RunOptions.parse(new String[] {"--url", "http://127.0.0.1:8080"});

        assertThat(o.rates()).isEqualTo(List.of(200));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.baseline()).isFalse();
        assertThat(o.report()).isNull();
    }

    @Test
    void refusesUnboundedOrUnknownInput() {
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--rate", "100"}))
                .hasMessageContaining("--url is required");
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --duration 601".split(" ")))
                .hasMessageContaining("--duration must be 1..600");
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --rate 1,2,3,4,5,6,7,8,9,10,11".split(" ")))
                .hasMessageContaining("at most 10 rates");
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --rate 50000".split(" ")))
                .hasMessageContaining("--rate must be 1..20000");
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --section ../x".split(" ")))
                .hasMessageContaining("--section");
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --rps 5".split(" ")))
                .hasMessageContaining("unknown option --rps");
    }

    @Test
    void mqttModeNamesThePortOnTheNodesHost() {
        RunOptions o = RunOptions.parse("--url http://127.0.0.1:8080 --mqtt 1884 --baseline".split(" "));

        assertThat(o.mqttPort()).isEqualTo(1884);
        assertThat(RunOptions.parse(new String[] {"--url", "http://127.0.0.1:8080"}).mqttPort()).isNull();
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:1 --mqtt 70000".split(" ")))
                .hasMessageContaining("--mqtt");
    }

    @Test
    void metricsAreScrapedFromTheManagementPortOfTheNodesHostUnlessNamed() {
        assertThat(RunOptions.parse(new String[] {"--url", "http://127.0.0.1:8080"}).management())
                .isEqualTo(new Endpoint("127.0.0.1", 8081));
        assertThat(RunOptions.parse("--url http://127.0.0.1:8080 --management http://127.0.0.1:9181".split(" "))
                .management()).isEqualTo(new Endpoint("127.0.0.1", 9181));
        assertThatThrownBy(() -> RunOptions.parse("--url http://127.0.0.1:8080 --management http://10.0.0.1:8081"
                .split(" "))).hasMessageContaining("refusing 10.0.0.1");
    }
}
