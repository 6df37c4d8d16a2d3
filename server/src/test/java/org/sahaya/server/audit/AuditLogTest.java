package org.sahaya.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.Database;

/**
 * The audit log in a real database: appends from many threads and from two members form one chain,
 * close writes what is queued, and a row changed or deleted behind the API, or a cut-off tail, is named
 * by the verifier. {@link AuditLogPostgresTest} runs the same on PostgreSQL.
 */
class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123456789Z");

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String url;
    Database database;

    /** A fresh, migrated database. */
    Database openDatabase() {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return Database.open(url, "sa", "");
    }

    /** The same database through a pool of its own, as a second member of the cluster reaches it. */
    Database openAgain() {
        return Database.open(url, "sa", "");
    }

    @BeforeEach
    void open() {
        database = openDatabase();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        database.close();
    }

    @Test
    void eventsFromManyThreadsFormOneIntactChainWithEachThreadsEventsInItsOrder() throws Exception {
        AuditLog log = AuditLog.start(database, new SimpleMeterRegistry());
        recordFromThreads(List.of(log), 8, 250);
        log.close();

        List<AuditEntry> entries = all(database);
        assertThat(entries).extracting(AuditEntry::seq).containsExactlyElementsOf(range(1, 2_000));
        assertInOrderPerActor(entries);
        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(true, 2_000, null));
    }

    @Test
    void closeWritesEverythingStillQueued() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AuditLog log = AuditLog.start(database, registry);
        for (int i = 0; i < 5_000; i++) {
            log.record(event("u", i));
        }
        log.close();

        assertThat(all(database)).hasSize(5_000);
        assertThat(registry.counter("sahaya.audit.written").count()).isEqualTo(5_000);
        assertThat(registry.counter("sahaya.audit.dropped").count()).isZero();
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(true, 0, null));
    }

    @Test
    void anActorChangedBehindTheApiIsNamed() {
        written(10);
        execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4");

        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(false, 10, 4L));
    }

    @Test
    void anOutcomeChangedBehindTheApiIsNamed() {
        written(10);
        execute("UPDATE audit_log SET outcome = 'ok' WHERE seq = 7");

        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(false, 10, 7L));
    }

    @Test
    void aRowRewrittenWithAFreshHashBreaksTheLinkOfTheNext() {
        List<AuditEntry> entries = written(10);
        AuditEntry e = entries.get(3);
        AuditEvent forged = new AuditEvent(e.at(), e.actor(), e.role(), e.action(), e.record(), e.address(), "ok");
        execute("UPDATE audit_log SET outcome = 'ok', hash = '" + AuditChain.hash(e.prevHash(), 4, forged)
                + "' WHERE seq = 4");

        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(false, 10, 5L));
    }

    @Test
    void aDeletedRowIsNamedByTheEntryAfterTheGap() {
        written(10);
        execute("DELETE FROM audit_log WHERE seq = 5");

        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(false, 9, 6L));
    }

    @Test
    void aDeletedLastRowIsFoundAgainstTheHead() {
        written(10);
        execute("DELETE FROM audit_log WHERE seq = 10");

        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(false, 9, 10L));
    }

    @Test
    void twoMembersAppendingAtOnceKeepOneIntactChain() throws Exception {
        Database other = openAgain();
        toClose.add(other);
        AuditLog one = AuditLog.start(database, new SimpleMeterRegistry(), new AuditLog.Settings(100_000, 20,
                Duration.ofSeconds(30)));
        AuditLog two = AuditLog.start(other, new SimpleMeterRegistry(), new AuditLog.Settings(100_000, 20,
                Duration.ofSeconds(30)));
        recordFromThreads(List.of(one, two), 6, 200);
        one.close();
        two.close();

        List<AuditEntry> entries = all(database);
        assertThat(entries).extracting(AuditEntry::seq).containsExactlyElementsOf(range(1, 1_200));
        assertInOrderPerActor(entries);
        assertThat(new AuditVerifier(other).verify()).isEqualTo(new AuditVerdict(true, 1_200, null));
    }

    @Test
    void oddTextAndNanosecondsStillVerifyAfterTheRoundTrip() {
        AuditLog log = AuditLog.start(database, new SimpleMeterRegistry());
        log.record(new AuditEvent(Instant.parse("2026-12-07T10:00:00.999999999Z"), "\uD83D\uDE91".repeat(80) + "\u0000",
                "admin", "a".repeat(300), "subscribers/S-1/contacts/\uD800x", "2001:db8::1", "refused 422"));
        log.record(new AuditEvent(Instant.parse("1970-01-01T00:00:00Z"), "", "", "x", "", "", ""));
        log.close();

        assertThat(all(database).getFirst().actor()).hasSize(AuditChain.ACTOR);
        assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(true, 2, null));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        Database gone = openAgain();
        gone.close(); // every append fails: the writer holds one batch and retries, the queue fills
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AuditLog log = AuditLog.start(gone, registry, new AuditLog.Settings(10, 5, Duration.ofMillis(200)));
        for (int i = 0; i < 100; i++) {
            log.record(event("u", i));
        }

        assertThat(registry.counter("sahaya.audit.dropped").count()).isGreaterThanOrEqualTo(85);
        log.close();
        assertThat(registry.counter("sahaya.audit.dropped").count()).isEqualTo(100);
        assertThat(registry.counter("sahaya.audit.written").count()).isZero();
    }

    @Test
    void theReaderPagesNewestFirstAndFiltersOnThisDatabase() {
        written(10); // records incidents/I-0..9 at T0 + n ms, actor u
        AuditReader reader = new AuditReader(database);

        AuditPage first = reader.page(new AuditSearch("u", null, null, null, null, 4));
        AuditPage second = reader.page(new AuditSearch("u", null, null, null, first.next(), 4));
        assertThat(first.entries()).extracting(AuditEntry::seq).containsExactly(10L, 9L, 8L, 7L);
        assertThat(second.entries()).extracting(AuditEntry::seq).containsExactly(6L, 5L, 4L, 3L);
        assertThat(reader.page(new AuditSearch(null, "incidents/I-1*", null, null, null, 100)).entries())
                .extracting(AuditEntry::record).containsExactly("incidents/I-1");
        assertThat(reader.page(new AuditSearch(null, "incidents_I*", null, null, null, 100)).entries()).isEmpty();
        assertThat(reader.page(new AuditSearch(null, "incidents/I-3", T0.plusMillis(3), T0.plusMillis(4), null, 100))
                .entries()).extracting(AuditEntry::seq).containsExactly(4L);
        assertThat(reader.page(new AuditSearch("nobody", null, null, null, null, 100))).isEqualTo(new AuditPage(List.of(), null));
    }

    /** {@code count} events written and the log closed. */
    private List<AuditEntry> written(int count) {
        AuditLog log = AuditLog.start(database, new SimpleMeterRegistry());
        for (int i = 0; i < count; i++) {
            log.record(event("u", i));
        }
        log.close();
        return all(database);
    }

    private static AuditEvent event(String actor, int n) {
        return new AuditEvent(T0.plusMillis(n), actor, "coordinator", "getIncident", "incidents/I-" + n, "10.0.0.1",
                n % 3 == 0 ? "denied" : "ok");
    }

    /** {@code threads} threads each record {@code each} events (actor tN, record incidents/I-i), spread over the logs. */
    private static void recordFromThreads(List<AuditLog> logs, int threads, int each) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AuditLog log = logs.get(t % logs.size());
            String actor = "t" + t;
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    log.record(event(actor, i));
                }
            }));
        }
        go.countDown();
        for (Thread t : started) {
            t.join(Duration.ofSeconds(30));
        }
    }

    private static void assertInOrderPerActor(List<AuditEntry> entries) {
        java.util.Map<String, Integer> last = new java.util.HashMap<>();
        for (AuditEntry e : entries) {
            int n = Integer.parseInt(e.record().substring("incidents/I-".length()));
            assertThat(n).as("%s's events in the order recorded", e.actor()).isEqualTo(last.getOrDefault(e.actor(), -1) + 1);
            last.put(e.actor(), n);
        }
    }

    static List<AuditEntry> all(Database database) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + AuditTable.COLUMNS + " FROM audit_log ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(AuditTable.entry(rs));
                }
                return out;
            }
        });
    }

    private void execute(String sql) {
        database.withConnection(c -> {
            try (var s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    private static List<Long> range(long first, long last) {
        return java.util.stream.LongStream.rangeClosed(first, last).boxed().toList();
    }
}
