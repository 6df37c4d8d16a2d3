package org.sahaya.dispatch.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;

/**
 * What a member does with open incidents it takes up (at start, or those of a member that died) and
 * which waiting ones it dispatches once it may again. Pure: the incidents and the time are given;
 * {@link IncidentWorkflow} reads them and carries out the steps. Most urgent first, then oldest, so
 * that after a crash the P1 waiting longest is the first to get a unit.
 */
public final class Recovery {

    /** The incidents recovery takes up: every open one that may still need work from us. */
    public static final Set<IncidentState> OPEN = EnumSet.of(IncidentState.NEW, IncidentState.QUEUED,
            IncidentState.VERIFYING, IncidentState.DISPATCHED);
    /** The incidents that may be waiting for a dispatch. */
    public static final Set<IncidentState> WAITING = EnumSet.of(IncidentState.NEW, IncidentState.QUEUED,
            IncidentState.VERIFYING);

    private static final Comparator<Incident> URGENT_THEN_OLDEST = Comparator.comparing(Incident::priority)
            .thenComparing(Incident::openedAt);

    /** What one taken-up incident needs. */
    public sealed interface Step {
        Incident incident();
    }

    /** Dispatched already: tell the family again (the outbox sends only what was not sent). */
    public record Retell(Incident incident) implements Step {
    }

    /** In verification: wait out the rest of its window (from its opening), then dispatch. */
    public record AwaitWindow(Incident incident, Instant windowEnds) implements Step {
    }

    /** New or queued: dispatch now. */
    public record Dispatch(Incident incident) implements Step {
    }

    private Recovery() {
    }

    /**
     * @param open               the open incidents taken up ({@link #OPEN} states)
     * @param verificationWindow how long an alert of a type is verified before dispatch
     * @return one step per incident, most urgent first, then oldest
     */
    public static List<Step> steps(List<Incident> open, Function<AlertType, Duration> verificationWindow) {
        return open.stream().sorted(URGENT_THEN_OLDEST).<Step>map(incident -> switch (incident.state()) {
            case DISPATCHED -> new Retell(incident);
            case VERIFYING -> new AwaitWindow(incident, windowEnds(incident, verificationWindow));
            default -> new Dispatch(incident);
        }).toList();
    }

    /**
     * @param candidates incidents in {@link #WAITING} states
     * @return those waiting for a dispatch at {@code now} (NEW, QUEUED, or VERIFYING past their
     *         window), most urgent first, then oldest
     */
    public static List<Incident> waiting(List<Incident> candidates, Instant now,
                                         Function<AlertType, Duration> verificationWindow) {
        return candidates.stream()
                .filter(i -> i.state() != IncidentState.VERIFYING || !windowEnds(i, verificationWindow).isAfter(now))
                .sorted(URGENT_THEN_OLDEST)
                .toList();
    }

    /** How long is left of a window ending at {@code windowEnds}: none once it is over. */
    public static Duration left(Instant windowEnds, Instant now) {
        Duration left = Duration.between(now, windowEnds);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant windowEnds(Incident incident, Function<AlertType, Duration> verificationWindow) {
        return incident.openedAt().plus(verificationWindow.apply(incident.alertType()));
    }
}
