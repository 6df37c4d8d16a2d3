package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.Subscriber;

/** The generator makes the same kind of city from another place set: Pune, nowhere near Bengaluru. */
class SecondDemoCityTest {

    private static final DemoCityData PUNE = DemoCity.generate(DemoCity.DEFAULT_SEED, DemoPlaces.pune());

    @Test
    void sameArgumentsGiveTheSameCity() {
        assertThat(DemoCity.generate(DemoCity.DEFAULT_SEED, DemoPlaces.pune())).isEqualTo(PUNE);
        assertThat(DemoCity.generate(DemoCity.DEFAULT_SEED, DemoPlaces.bengaluru()))
                .isEqualTo(DemoCity.generate(DemoCity.DEFAULT_SEED));
    }

    @Test
    void everyPlaceIsInPuneAndNoneInBengaluru() {
        Stream<Coordinates> places = Stream.of(
                PUNE.hospitals().stream().map(Hospital::position),
                PUNE.units().stream().map(Unit::position),
                PUNE.subscribers().stream().map(Subscriber::home)).flatMap(s -> s);

        assertThat(places).allSatisfy(p -> {
            assertThat(DemoPlaces.pune().insideCity(p)).as(p.toString()).isTrue();
            assertThat(DemoPlaces.bengaluru().insideCity(p)).isFalse();
        });
    }

    @Test
    void puneHasItsOwnFleetHospitalsAndHouseholds() {
        assertThat(PUNE.units()).hasSize(12).allSatisfy(u -> assertThat(u.callSign()).startsWith("MH-"));
        assertThat(PUNE.units()).allSatisfy(u -> DemoPlaces.pune().named(u.station()));
        assertThat(PUNE.hospitals()).hasSize(8).extracting(Hospital::name).contains("Ruby Hall Clinic");
        assertThat(PUNE.subscribers()).hasSize(DemoCity.SUBSCRIBERS);
        assertThat(PUNE.devices()).hasSize(550);
        assertThat(PUNE.contacts()).isNotEmpty();
    }
}
