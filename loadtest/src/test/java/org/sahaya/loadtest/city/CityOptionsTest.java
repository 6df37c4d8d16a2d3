package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sahaya.loadtest.run.Endpoint;

class CityOptionsTest {

    @Test
    void defaultsAreAOnePercentCityWithAFiftyFoldHeatWave() {
        CityOptions o = CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080"});

        assertThat(o.scale()).isEqualTo(0.01);
        assertThat(o.alertRates()).containsExactly(5);
        assertThat(o.surgeFactor()).isEqualTo(50);
        assertThat(o.surgeSeconds()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.referenceDb()).isNull();
        assertThat(o.management()).as("the default management port on the --url host")
                .isEqualTo(new Endpoint("127.0.0.1", 8081));
    }

    @Test
    void theManagementPortMayBeNamed() {
        CityOptions o = CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080",
                "--management", "http://127.0.0.1:40123"});

        assertThat(o.management()).isEqualTo(new Endpoint("127.0.0.1", 40123));
    }

    @Test
    void aLadderOfRatesAndTheReferenceDatabaseAreTaken() {
        CityOptions o = CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080",
                "--alert-rate", "5,10,20", "--reference", "--plot", "docs/latency-city.png"});

        assertThat(o.alertRates()).containsExactly(5, 10, 20);
        assertThat(o.referenceDb()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }

    @Test
    void aPrewarmIsTheScenarioWithoutSurgeAllOfItUnmeasured() {
        CityOptions o = CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080",
                "--alert-rate", "10,40", "--prewarm", "60"});

        CityScenario warm = o.prewarmScenario(40, 44, 22, false, false);

        assertThat(o.prewarm()).isEqualTo(Duration.ofSeconds(60));
        assertThat(warm.warmup()).isZero();
        assertThat(warm.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(warm.surgeFactor()).isEqualTo(1);
        assertThat(CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080"}).prewarm())
                .isZero();
    }

    @Test
    void onlyLoopbackIsMeasured() {
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://10.0.0.1:8080"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:8080",
                "--reference", "jdbc:postgresql://db.example.com:5432/x"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badValuesNameTheirOption() {
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:1",
                "--scale", "2"})).hasMessageContaining("--scale");
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:1",
                "--plot", "x.svg"})).hasMessageContaining("--plot");
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "town", "--url", "http://127.0.0.1:1"}))
                .hasMessageContaining("--scenario");
        assertThatThrownBy(() -> CityOptions.parse(new String[] {"--scenario", "city", "--url", "http://127.0.0.1:1",
                "--alert-rate", "500"})).hasMessageContaining("--surge-factor");
    }
}
