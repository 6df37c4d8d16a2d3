package org.sahaya.server.prearrival;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a pre-arrival notice is, as the hospital's webhook hears it ({@code event}) and the partner outbox
 * stores it ({@code kind}), and the one rule for which notice follows which: a hospital hears that a patient
 * is coming, an update when the expected arrival moved by {@link #MOVED} or more, that the patient arrived,
 * or, if it was told they were coming, that they are not.
 */
public enum NoticeKind {
    PRE_ARRIVAL(NoticeStatus.PLANNED),
    PRE_ARRIVAL_UPDATED(NoticeStatus.PLANNED),
    PATIENT_ARRIVED(NoticeStatus.ARRIVED),
    PRE_ARRIVAL_CANCELLED(NoticeStatus.CANCELLED);

    /** An expected arrival that moved less than this is not worth an update. */
    public static final Duration MOVED = Duration.ofSeconds(60);

    private final NoticeStatus status;

    NoticeKind(NoticeStatus status) {
        this.status = status;
    }

    public NoticeStatus status() {
        return status;
    }

    /** The last notice a hospital was told about an incident. */
    public record Told(int seq, NoticeStatus status, Instant expectedArrival) {
    }

    /**
     * The notice to send now that the patient stands at {@code wanted}, expected at {@code expected}, after
     * {@code told} (empty if the hospital was told nothing yet); empty when nothing is worth telling.
     */
    public static Optional<NoticeKind> next(Optional<Told> told, NoticeStatus wanted, Instant expected) {
        if (told.isEmpty()) {
            return switch (wanted) {
                case PLANNED -> Optional.of(PRE_ARRIVAL);
                case ARRIVED -> Optional.of(PATIENT_ARRIVED);
                case CANCELLED -> Optional.empty(); // never told they were coming
            };
        }
        Told last = told.get();
        return switch (last.status()) {
            case PLANNED -> switch (wanted) {
                case PLANNED -> Duration.between(last.expectedArrival(), expected).abs().compareTo(MOVED) >= 0
                        ? Optional.of(PRE_ARRIVAL_UPDATED) : Optional.empty();
                case ARRIVED -> Optional.of(PATIENT_ARRIVED);
                case CANCELLED -> Optional.of(PRE_ARRIVAL_CANCELLED);
            };
            case ARRIVED -> Optional.empty(); // the patient is there: nothing later changes that
            case CANCELLED -> switch (wanted) {
                case PLANNED -> Optional.of(PRE_ARRIVAL); // coming after all (re-routed back)
                case ARRIVED -> Optional.of(PATIENT_ARRIVED);
                case CANCELLED -> Optional.empty();
            };
        };
    }
}
