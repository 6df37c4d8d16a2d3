package org.sahaya.notify.family;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.sahaya.notify.escalation.Escalation;

/**
 * One tick's share of the due escalation steps for one member of a cluster: up to a page of the steps
 * it owns, most overdue first. Steps of others' incidents are skipped and the read goes on past them
 * (twice as wide each time) until the page is full or no due step is left, so a member's steps are
 * never starved behind a page of another member's. Pure: the read is given.
 */
final class OwnedDueSteps {

    private OwnedDueSteps() {
    }

    /**
     * @param page        how many of its own steps a member takes per tick
     * @param widestRead  bounds one tick's read when nearly every due step is another member's
     * @param mostOverdue reads up to {@code n} due steps, most overdue first
     * @param owns        whether this member works the incident
     */
    static List<Escalation> select(int page, int widestRead, IntFunction<List<Escalation>> mostOverdue,
                                   Predicate<String> owns) {
        int limit = Math.min(page, widestRead);
        while (true) {
            List<Escalation> due = mostOverdue.apply(limit);
            List<Escalation> own = due.stream().filter(e -> owns.test(e.incidentId())).limit(page).toList();
            if (own.size() == page || due.size() < limit || limit >= widestRead) {
                return own;
            }
            limit = (int) Math.min(2L * limit, widestRead);
        }
    }
}
