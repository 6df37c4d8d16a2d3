package org.sahaya.dispatch.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;

/**
 * Which waiting incidents a freed unit may serve, and in what order: most urgent first, then the
 * one waiting longest. Pure: the queue drain tries them in this order until the unit is taken.
 */
public final class QueueOrder {

    /** Priority, then age; the id breaks exact ties so every member sees the same order. */
    public static final Comparator<Incident> ORDER = Comparator.comparing(Incident::priority)
            .thenComparing(Incident::openedAt)
            .thenComparing(Incident::id);

    private QueueOrder() {
    }

    /**
     * @param level    the freed unit's capability (a BLS unit is offered the calls that need ALS too: BLS first)
     * @param inArea   whether the unit may go to a place (its service area)
     * @param waiting  incidents read as QUEUED (others are ignored)
     * @param excluded incidents this unit must not be offered (the one it just declined)
     */
    public static List<Incident> servableBy(UnitLevel level, Predicate<Coordinates> inArea, Collection<Incident> waiting,
                                            Set<String> excluded) {
        return waiting.stream()
                .filter(i -> i.state() == IncidentState.QUEUED && i.needs() != null)
                // A BLS unit may go first to a call that needs ALS (the dispatcher decides whether it does).
                .filter(i -> DispatchPolicy.canServe(level, i.needs()) || level == UnitLevel.BLS && i.needs() == UnitLevel.ALS)
                .filter(i -> !excluded.contains(i.id()))
                .filter(i -> inArea.test(i.location()))
                .sorted(ORDER)
                .toList();
    }
}
