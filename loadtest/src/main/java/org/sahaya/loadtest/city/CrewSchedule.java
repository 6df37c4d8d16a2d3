package org.sahaya.loadtest.city;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When the crews report their moves, as a partner's fleet system would (pure; times in
 * milliseconds of any clock). A unit seen dispatched to an incident acknowledges at once
 * ({@code EN_ROUTE}), is {@code ON_SCENE} at half the job time and {@code AVAILABLE} at its end
 * (treated on scene: the node closes the incident and frees the bed; the unit then takes the oldest
 * waiting incident it can serve). Each (incident, unit) pair is worked once, however often it is seen,
 * for as long as this schedule lives: one schedule serves a whole ladder of alert rates, so a job left
 * over from one rung is carried on, never planned again, in the next.
 */
public final class CrewSchedule {

    /** One status report due at {@code atMillis}; {@code attempt} 1 for the first try. */
    public record Move(long atMillis, String unitId, String incidentId, String status, int attempt) {

        public Move(long atMillis, String unitId, String incidentId, String status) {
            this(atMillis, unitId, incidentId, status, 1);
        }
    }

    /** Tries of a report that got no answer (a node working off a surge); a refusal (409) is never retried. */
    public static final int MAX_ATTEMPTS = 3;

    private final long jobMillis;
    private final Set<String> seen = new HashSet<>();
    private final PriorityQueue<Move> pending = new PriorityQueue<>(
            (a, b) -> a.atMillis() != b.atMillis() ? Long.compare(a.atMillis(), b.atMillis())
                    : Integer.compare(order(a.status()), order(b.status())));

    /** @param job a crew's whole job, positive */
    public CrewSchedule(Duration job) {
        if (job.isNegative() || job.isZero()) {
            throw new IllegalArgumentException("a job takes some time, was " + job);
        }
        this.jobMillis = job.toMillis();
    }

    /** The unit was seen dispatched to the incident at {@code nowMillis}: plans its three reports, once. */
    public boolean dispatched(String unitId, String incidentId, long nowMillis) {
        if (!seen.add(incidentId + "/" + unitId)) {
            return false;
        }
        pending.add(new Move(nowMillis, unitId, incidentId, "EN_ROUTE"));
        pending.add(new Move(nowMillis + jobMillis / 2, unitId, incidentId, "ON_SCENE"));
        pending.add(new Move(nowMillis + jobMillis, unitId, incidentId, "AVAILABLE"));
        return true;
    }

    /**
     * The report got no answer: tries it again at {@code atMillis}, unless it has had {@value #MAX_ATTEMPTS} tries.
     *
     * @return whether it will be tried again
     */
    public boolean unanswered(Move move, long atMillis) {
        if (move.attempt() >= MAX_ATTEMPTS) {
            return false;
        }
        pending.add(new Move(atMillis, move.unitId(), move.incidentId(), move.status(), move.attempt() + 1));
        return true;
    }

    /**
     * The crews were off for {@code millis} (between two rungs): every report still to come moves that much
     * later, so each job keeps the time it had left and its moves stay in order.
     */
    public void postpone(long millis) {
        if (millis <= 0 || pending.isEmpty()) {
            return;
        }
        List<Move> later = new ArrayList<>(pending.size());
        for (Move m : pending) {
            later.add(new Move(m.atMillis() + millis, m.unitId(), m.incidentId(), m.status(), m.attempt()));
        }
        pending.clear();
        pending.addAll(later);
    }

    /**
     * Whether a report whose earlier try got no answer is still to be made, given the unit as the node
     * shows it now: not when the unit has left this job (the report was AVAILABLE and applied, or a
     * coordinator took the unit off) or is already at or past this move of it (the try was applied).
     * Sending it again would report a move twice, and the node would refuse it (409).
     *
     * @param unitStatus     the unit's status now
     * @param unitIncidentId the incident the unit is on now, or null
     */
    public static boolean stillToReport(Move move, String unitStatus, String unitIncidentId) {
        return move.incidentId().equals(unitIncidentId) && order(unitStatus) < order(move.status());
    }

    /** Removes and returns the reports due by {@code nowMillis}, earliest first. */
    public List<Move> due(long nowMillis) {
        List<Move> out = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().atMillis() <= nowMillis) {
            out.add(pending.poll());
        }
        return out;
    }

    /** Jobs planned so far. */
    public int jobs() {
        return seen.size();
    }

    /** Where a status is in a crew's job: DISPATCHED, EN_ROUTE, ON_SCENE, then AVAILABLE (and anything else). */
    private static int order(String status) {
        return switch (status) {
            case "DISPATCHED" -> 0;
            case "EN_ROUTE" -> 1;
            case "ON_SCENE" -> 2;
            default -> 3;
        };
    }
}
