package org.sahaya.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.FamilyFixture;

class NotificationRepositoryTest {

    private static final Instant T0 = FamilyFixture.NOW;

    private final Database database = openDatabase();
    private final NotificationRepository outbox = new NotificationRepository();

    /** The embedded database; {@link NotificationRepositoryPostgresTest} runs the same tests on PostgreSQL. */
    Database openDatabase() {
        return FamilyFixture.openDatabase();
    }

    @BeforeEach
    void seed() {
        FamilyFixture.seed(database, FamilyFixture.incident(Priority.P1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Notification pending(String id, String contactId, String step, Instant createdAt) {
        return new Notification(id, "INC-1", contactId, Channel.SANDBOX, step, "en", "text " + id,
                NotificationStatus.PENDING, createdAt, null, null, null);
    }

    private Notification insert(Notification n) {
        return database.withConnection(c -> outbox.insertIfAbsent(c, n));
    }

    private List<Notification> ofIncident() {
        return database.withConnection(c -> outbox.findByIncident(c, "INC-1"));
    }

    private List<Notification> pending(int limit) {
        return database.withConnection(c -> new PendingNotifications().findPending(c, limit));
    }

    private boolean markSent(String id, Instant at, String providerId) {
        return database.withConnection(c -> outbox.markSent(c, id, at, providerId));
    }

    private boolean markFailed(String id, String reason) {
        return database.withConnection(c -> outbox.markFailed(c, id, reason));
    }

    private Notification reload(String id) {
        return database.withConnection(c -> outbox.find(c, id)).orElseThrow();
    }

    @Test
    void theSameMessageWrittenTwiceKeepsTheFirstRow() {
        Notification first = insert(pending("N-1", "CON-1", "DISPATCHED", T0));

        Notification second = insert(pending("N-2", "CON-1", "DISPATCHED", T0.plusSeconds(5)));

        assertThat(second).isEqualTo(first);
        assertThat(ofIncident()).hasSize(1);
    }

    @Test
    void aDuplicateInsideATransactionLeavesTheTransactionUsable() {
        insert(pending("N-1", "CON-1", "DISPATCHED", T0));

        database.inTransaction(c -> {
            outbox.insertIfAbsent(c, pending("N-2", "CON-1", "DISPATCHED", T0));
            return outbox.insertIfAbsent(c, pending("N-3", "CON-2", "DISPATCHED", T0));
        });

        assertThat(ofIncident())
                .extracting(Notification::id).containsExactly("N-1", "N-3");
    }

    @Test
    void concurrentWritersOfTheSameMessageAllGetTheOneRow() throws Exception {
        List<Future<Notification>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                String id = "N-" + i;
                writers.add(threads.submit(() ->
                        database.inTransaction(c -> outbox.insertIfAbsent(c, pending(id, "CON-1", "DISPATCHED", T0)))));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Future<Notification> writer : writers) {
            ids.add(writer.get().id());
        }

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(ofIncident()).hasSize(1);
    }

    @Test
    void aSentMessageRecordsItsProviderIdAndIsNotSentAgain() {
        insert(pending("N-1", "CON-1", "DISPATCHED", T0));

        boolean first = markSent("N-1", T0.plusSeconds(1), "SBX-1");
        boolean second = markSent("N-1", T0.plusSeconds(2), "SBX-2");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Notification row = reload("N-1");
        assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(row.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(row.providerId()).isEqualTo("SBX-1");
    }

    @Test
    void aFailedMessageKeepsItsReasonAndNeverBecomesSent() {
        insert(pending("N-1", "CON-1", "DISPATCHED", T0));

        assertThat(markFailed("N-1", "INVALID_NUMBER")).isTrue();
        assertThat(markSent("N-1", T0, "SBX-1")).isFalse();
        assertThat(markFailed("N-1", "AGAIN")).isFalse();

        Notification row = reload("N-1");
        assertThat(row.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(row.failureReason()).isEqualTo("INVALID_NUMBER");
        assertThat(row.providerId()).isNull();
    }

    @Test
    void anIncidentsNotificationsAreListedOldestFirst() {
        insert(pending("N-b", "CON-2", "DISPATCHED", T0));
        insert(pending("N-c", "CON-1", "QUEUED", T0.minusSeconds(60)));
        insert(pending("N-a", "CON-3", "DISPATCHED", T0));

        assertThat(ofIncident())
                .extracting(Notification::id).containsExactly("N-c", "N-a", "N-b");
    }

    @Test
    void pendingListsOnlyUnsentRowsUpToTheLimit() {
        insert(pending("N-1", "CON-1", "DISPATCHED", T0));
        insert(pending("N-2", "CON-2", "DISPATCHED", T0.plusSeconds(1)));
        insert(pending("N-3", "CON-3", "DISPATCHED", T0.plusSeconds(2)));
        insert(pending("N-4", "CON-1", "QUEUED", T0.plusSeconds(3)));
        markSent("N-1", T0, "SBX-1");
        markFailed("N-2", "NO_PHONE");

        assertThat(pending(1)).extracting(Notification::id)
                .containsExactly("N-3");
        assertThat(pending(10)).extracting(Notification::id)
                .containsExactly("N-3", "N-4");
    }
}
