package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

class DemoCityTest {

    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);

    @Test
    void theSameSeedAlwaysBuildsTheSameCity() {
        assertThat(DemoCity.generate(DemoCity.DEFAULT_SEED)).isEqualTo(CITY);
        assertThat(DemoCity.generate(7)).isEqualTo(DemoCity.generate(7));
    }

    @Test
    void anotherSeedBuildsAnotherCityUnderTheSameIds() {
        DemoCityData other = DemoCity.generate(7);

        assertThat(other.subscribers()).isNotEqualTo(CITY.subscribers());
        assertThat(other.devices()).isEqualTo(DemoDevices.forSubscribers(other.subscribers()));
        assertThat(other.units()).extracting(Unit::id).isEqualTo(CITY.units().stream().map(Unit::id).toList());
    }

    @Test
    void theCityIsBigEnoughToDemoAndLoadTest() {
        assertThat(CITY.hospitals()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(CITY.units()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CITY.subscribers()).hasSize(DemoCity.SUBSCRIBERS).hasSizeGreaterThanOrEqualTo(500);
        assertThat(CITY.devices()).hasSize(DemoCity.SUBSCRIBERS + DemoCity.SUBSCRIBERS / 10);
        assertThat(CITY.contacts()).hasSizeBetween(CITY.subscribers().size(), 4 * CITY.subscribers().size());
    }

    @Test
    void idsAreSequentialAndUnique() {
        assertThat(CITY.hospitals().getFirst().id()).isEqualTo("H-01");
        assertThat(CITY.units().getFirst()).extracting(Unit::id, Unit::callSign).containsExactly("AMB-001", "KA-01");
        assertThat(CITY.subscribers().getFirst().id()).isEqualTo("S-0001");
        assertThat(CITY.subscribers().getLast().id()).isEqualTo("S-0500");
        assertThat(CITY.hospitals()).extracting(Hospital::id).doesNotHaveDuplicates();
        assertThat(CITY.units()).extracting(Unit::callSign).doesNotHaveDuplicates();
        assertThat(CITY.devices()).extracting(Device::id).doesNotHaveDuplicates();
    }

    @Test
    void demoDeviceOneBelongsToTheFirstSubscriberWithAGuessableSecret() {
        assertThat(CITY.devices().getFirst())
                .isEqualTo(new Device("demo-0001", "S-0001", "demo-secret-0001", true));
        assertThat(CITY.devices()).allSatisfy(d -> {
            assertThat(d.demo()).isTrue();
            assertThat(d.secret()).isEqualTo("demo-secret-" + d.id().substring("demo-".length()));
        });
    }

    @Test
    void everyTenthSubscriberAlsoHasAHomeHubNumberedAfterTheSubscribers() {
        assertThat(CITY.devices()).filteredOn(d -> d.id().equals("demo-0501"))
                .singleElement().extracting(Device::subscriberId).isEqualTo("S-0010");
        assertThat(CITY.devices()).filteredOn(d -> d.subscriberId().equals("S-0500"))
                .extracting(Device::id).containsExactly("demo-0500", "demo-0550");
        assertThat(CITY.devices()).filteredOn(d -> d.subscriberId().equals("S-0011"))
                .extracting(Device::id).containsExactly("demo-0011");
    }

    @Test
    void bothAmbulanceLevelsAreOnDutyAndAvailable() {
        long als = CITY.units().stream().filter(u -> u.level() == UnitLevel.ALS).count();

        assertThat(als).isBetween(CITY.units().size() * 30L / 100, CITY.units().size() * 50L / 100);
        assertThat(CITY.units()).extracting(Unit::level).contains(UnitLevel.BLS);
        assertThat(CITY.units()).allSatisfy(u -> {
            assertThat(u.status()).isEqualTo(UnitStatus.AVAILABLE);
            assertThat(u.incidentId()).isNull();
            assertThat(u.updatedAt()).isEqualTo(DemoCity.AS_OF);
        });
    }

    @Test
    void ambulancesWaitWithinAFewHundredMetresOfTheirStation() {
        assertThat(CITY.units()).allSatisfy(u -> {
            Coordinates station = BengaluruPlaces.named(u.station()).centre();
            assertThat(metresBetween(u.position(), station)).isLessThan(450);
        });
    }

    @Test
    void everyHospitalTakesEmergenciesAndTheBigOnesTakeHeartsAndStrokes() {
        assertThat(CITY.hospitals()).allSatisfy(h -> assertThat(h.free(BedKind.ER)).isPositive());
        assertThat(CITY.hospitals()).filteredOn(h -> h.free(BedKind.ICU) > 0).hasSizeGreaterThan(15);
        assertThat(CITY.hospitals()).filteredOn(h -> h.free(BedKind.CARDIAC) > 0).hasSizeGreaterThan(5);
        assertThat(CITY.hospitals()).filteredOn(h -> h.free(BedKind.STROKE) > 0).hasSizeGreaterThan(5);
        assertThat(CITY.hospitals()).filteredOn(Hospital::partner).isNotEmpty();
        assertThat(CITY.hospitals()).allSatisfy(h -> assertThat(h.reservations()).isEmpty());
    }

    @Test
    void everyPlaceIsInsideBengaluru() {
        Stream<Coordinates> places = Stream.of(
                CITY.hospitals().stream().map(Hospital::position),
                CITY.units().stream().map(Unit::position),
                CITY.subscribers().stream().map(Subscriber::home)).flatMap(s -> s);

        assertThat(places).allSatisfy(p -> {
            assertThat(p.lat()).isBetween(12.83, 13.14);
            assertThat(p.lon()).isBetween(77.46, 77.78);
        });
    }

    @Test
    void homesSpreadAcrossTheCityRatherThanOneNeighbourhood() {
        List<Coordinates> homes = CITY.subscribers().stream().map(Subscriber::home).toList();

        assertThat(homes).anySatisfy(h -> assertThat(h.lat()).isGreaterThan(13.05));
        assertThat(homes).anySatisfy(h -> assertThat(h.lat()).isLessThan(12.88));
        assertThat(homes).anySatisfy(h -> assertThat(h.lon()).isGreaterThan(77.72));
        assertThat(homes).anySatisfy(h -> assertThat(h.lon()).isLessThan(77.52));
        assertThat(homes).doesNotHaveDuplicates();
    }

    @Test
    void eldersSpeakIndianLanguagesMostlyKannadaAndSomePreferAKnownHospital() {
        List<String> languages = CITY.subscribers().stream().map(Subscriber::language).toList();
        List<String> hospitalIds = CITY.hospitals().stream().map(Hospital::id).toList();

        assertThat(languages).containsOnly("kn", "hi", "ta", "te", "ml", "mr", "bn", "en")
                .contains("kn", "hi", "ta", "te", "ml", "mr", "bn", "en");
        assertThat(languages.stream().filter("kn"::equals).count()).isGreaterThan(languages.size() / 5);
        assertThat(CITY.subscribers()).filteredOn(s -> s.preferredHospitalId() != null)
                .hasSizeBetween(50, 300)
                .allSatisfy(s -> assertThat(hospitalIds).contains(s.preferredHospitalId()));
    }

    private static double metresBetween(Coordinates a, Coordinates b) {
        double north = (a.lat() - b.lat()) * 111_320;
        double east = (a.lon() - b.lon()) * 111_320 * Math.cos(Math.toRadians(a.lat()));
        return Math.hypot(north, east);
    }
}
