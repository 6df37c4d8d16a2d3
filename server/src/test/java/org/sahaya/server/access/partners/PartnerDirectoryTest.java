package org.sahaya.server.access.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.config.ApiKey;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;

/**
 * Partners' keys found by their hash alone, on every member of a two-member grid over one
 * database: a rotation on one member refuses the old key on the other at once; demo keys and the
 * environment's keys are each member's own.
 */
class PartnerDirectoryTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String CONFIGURED = "acme-fleet-0123456789abcdef";

    static Database db;
    static Offload offload;
    static HazelcastInstance first;
    static HazelcastInstance second;
    static PartnerDirectory one;
    static PartnerDirectory other;

    @BeforeAll
    static void start() {
        db = Database.open("jdbc:h2:mem:partners-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        db.inTransaction(c -> {
            new PartnerRepository().insert(c, new Partner("FLEET-1", PartnerKind.FLEET, "Namma Ambulance", null), null);
            new HospitalRepository().save(c, new Hospital("H-01", "Victoria Hospital", new Coordinates(12.96, 77.57), false,
                    Map.of(), Map.of()));
            return null;
        });
        offload = new Offload();
        String cluster = "partners-" + UUID.randomUUID();
        first = Members.member(cluster);
        second = Members.member(cluster);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.getCluster().getMembers().size() == 2);
        one = PartnerDirectory.open(db, first, offload, CLOCK, List.of(), Set.of("FLEET-1", "H-01"));
        other = PartnerDirectory.open(db, second, offload, CLOCK,
                List.of(new ApiKey(ApiKey.Role.FLEET, "FLEET-1", CONFIGURED)), Set.of());
    }

    @AfterAll
    static void stop() {
        second.shutdown();
        first.shutdown();
        offload.close();
        db.close();
    }

    @Test
    void aNewPartnersKeyIsStoredOnlyAsItsHashAndFindsThePartnerOnEveryMember() throws Exception {
        IssuedKey issued = result(one.create("FLEET-5", PartnerKind.FLEET, "Kaveri Rescue"));

        assertThat(issued.key()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(issued.toString()).doesNotContain(issued.key());
        String stored = db.withConnection(c -> new PartnerRepository().find(c, "FLEET-5")).orElseThrow().keyHash();
        assertThat(stored).isEqualTo(MachineKeys.hash(issued.key())).isNotEqualTo(issued.key()).hasSize(64);
        Caller caller = result(other.partner(issued.key(), "10.0.0.7")).orElseThrow();
        assertThat(caller).isEqualTo(new Caller("FLEET-5", Caller.Kind.PARTNER, Set.of(Role.FLEET), "FLEET-5", "10.0.0.7"));
        assertThat(result(one.partner(issued.key(), "10.0.0.7"))).contains(caller);
    }

    @Test
    void aRotationOnOneMemberRefusesTheOldKeyOnTheOtherAtOnce() throws Exception {
        IssuedKey first = result(one.create("FLEET-6", PartnerKind.FLEET, "Garden City Medics"));
        assertThat(result(other.partner(first.key(), "a"))).isPresent();

        IssuedKey rotated = result(one.rotate("FLEET-6"));

        assertThat(rotated.key()).isNotEqualTo(first.key());
        assertThat(result(other.partner(first.key(), "a"))).isEmpty();
        assertThat(result(one.partner(first.key(), "a"))).isEmpty();
        assertThat(result(other.partner(rotated.key(), "a")).orElseThrow().partner()).isEqualTo("FLEET-6");
    }

    @Test
    void aHospitalIsAPartnerFromTheStartAndGetsItsFirstKeyByRotation() throws Exception {
        assertThat(result(one.list())).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo("H-01");
            assertThat(p.kind()).isEqualTo(PartnerKind.HOSPITAL);
        });

        IssuedKey issued = result(other.rotate("H-01"));

        Caller caller = result(one.partner(issued.key(), "a")).orElseThrow();
        assertThat(caller.roles()).containsExactly(Role.HOSPITAL);
        assertThat(caller.partner()).isEqualTo("H-01");
    }

    @Test
    void demoKeysWorkOnlyOnTheMemberThatRunsTheDemo() throws Exception {
        assertThat(result(one.partner("demo-key-FLEET-1", "a")).orElseThrow().partner()).isEqualTo("FLEET-1");
        assertThat(result(one.partner("demo-key-H-01", "a")).orElseThrow().roles()).containsExactly(Role.HOSPITAL);
        assertThat(result(other.partner("demo-key-FLEET-1", "a"))).isEmpty();
        // only the demo's own partners: a partner created later has no demo key
        result(one.create("FLEET-8", PartnerKind.FLEET, "Later Fleet"));
        assertThat(result(one.partner("demo-key-FLEET-8", "a"))).isEmpty();
    }

    @Test
    void aKeyFromTheEnvironmentBindsToItsPartnerOnItsOwnMember() throws Exception {
        assertThat(result(other.partner(CONFIGURED, "a")).orElseThrow().partner()).isEqualTo("FLEET-1");
        assertThat(result(one.partner(CONFIGURED, "a"))).isEmpty();
    }

    @Test
    void unknownAndOddKeysFindNobody() throws Exception {
        assertThat(result(one.partner("nobody-holds-this-key", "a"))).isEmpty();
        assertThat(result(one.partner("", "a"))).isEmpty();
        assertThat(result(one.partner("x".repeat(201), "a"))).isEmpty();
    }

    @Test
    void refusedChangesSayWhyAndChangeNothing() {
        assertThatThrownBy(() -> result(one.create("FLEET-1", PartnerKind.FLEET, "Again")))
                .isInstanceOfSatisfying(PartnerChangeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PartnerChangeRefused.Reason.EXISTS));
        assertThatThrownBy(() -> result(one.create("H-01", PartnerKind.HOSPITAL, "Victoria")))
                .isInstanceOfSatisfying(PartnerChangeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PartnerChangeRefused.Reason.EXISTS));
        assertThatThrownBy(() -> result(one.create("H-77", PartnerKind.HOSPITAL, "Nowhere")))
                .isInstanceOfSatisfying(PartnerChangeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PartnerChangeRefused.Reason.NO_SUCH_HOSPITAL));
        assertThatThrownBy(() -> result(one.rotate("FLEET-404")))
                .isInstanceOfSatisfying(PartnerChangeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PartnerChangeRefused.Reason.UNKNOWN));
        assertThat(stored("H-77")).isEmpty();
        assertThat(db.withConnection(c -> new PartnerRepository().find(c, "FLEET-1")).orElseThrow().partner().name())
                .isEqualTo("Namma Ambulance");
    }

    @Test
    void aDirectoryOpenedLaterFindsTheKeysIssuedBefore() throws Exception {
        IssuedKey issued = result(one.create("FLEET-9", PartnerKind.FLEET, "Ninth"));
        PartnerDirectory later = PartnerDirectory.open(db, second, offload, CLOCK, List.of(), Set.of());

        assertThat(result(later.partner(issued.key(), "a"))).isPresent();
    }

    private static java.util.Optional<PartnerRepository.Stored> stored(String id) {
        return db.withConnection(c -> new PartnerRepository().find(c, id));
    }

    private static <T> T result(io.vertx.core.Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
