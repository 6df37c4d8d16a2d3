package org.sahaya.notify.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.notify.escalation.Escalation;

/**
 * Three members share one table of due escalation steps, each taking only the steps of incidents it
 * owns. Far more than a page of the most overdue belong to two of them; the third still takes all of
 * its own on its first tick, and each takes its own most overdue first.
 */
class OwnedDueStepsTest {

    private static final Instant NOW = Instant.parse("2025-01-15T05:30:00Z");
    private static final int PAGE = 100;

    /** 300 most overdue steps for members 1 and 2 (alternating), then 50 for member 0. */
    private final List<Escalation> due = new ArrayList<>();
    private final AtomicInteger rowsRead = new AtomicInteger();

    OwnedDueStepsTest() {
        for (int i = 0; i < 350; i++) {
            int member = i < 300 ? 1 + i % 2 : 0;
            due.add(new Escalation("INC-" + member + "-" + i, Priority.P2, NOW.minusSeconds(3600),
                    0, NOW.minus(Duration.ofSeconds(3600 - i)), null, null, null, null));
        }
    }

    @Test
    void aMemberWhoseStepsAreBehindMoreThanAPageOfOthersStillTakesThemAll() {
        List<Escalation> taken = OwnedDueSteps.select(PAGE, 100_000, mostOverdue(), owner(0));

        assertThat(taken).hasSize(50).allMatch(e -> e.incidentId().startsWith("INC-0-"));
        assertThat(taken).isSortedAccordingTo((a, b) -> a.nextAt().compareTo(b.nextAt()));
    }

    @Test
    void eachMemberTakesAFullPageOfItsOwnMostOverdueFirst() {
        for (int member = 1; member <= 2; member++) {
            List<Escalation> taken = OwnedDueSteps.select(PAGE, 100_000, mostOverdue(), owner(member));
            String prefix = "INC-" + member + "-";
            assertThat(taken).hasSize(PAGE).allMatch(e -> e.incidentId().startsWith(prefix));
            assertThat(taken).containsExactlyElementsOf(due.stream()
                    .filter(e -> e.incidentId().startsWith(prefix)).limit(PAGE).toList());
        }
    }

    @Test
    void aMemberThatOwnsTheHeadReadsOnePageOnly() {
        List<Escalation> taken = OwnedDueSteps.select(PAGE, 100_000, mostOverdue(), id -> true);

        assertThat(taken).containsExactlyElementsOf(due.subList(0, PAGE));
        assertThat(rowsRead).hasValue(PAGE);
    }

    @Test
    void theWidestReadBoundsOneTick() {
        List<Escalation> taken = OwnedDueSteps.select(PAGE, 200, mostOverdue(), owner(0));

        assertThat(taken).isEmpty();
        assertThat(rowsRead.get()).isLessThanOrEqualTo(100 + 200);
    }

    /** The repository's read: up to n due steps, most overdue first. */
    private IntFunction<List<Escalation>> mostOverdue() {
        return n -> {
            List<Escalation> rows = due.subList(0, Math.min(n, due.size()));
            rowsRead.addAndGet(rows.size());
            return List.copyOf(rows);
        };
    }

    private static Predicate<String> owner(int member) {
        return id -> id.startsWith("INC-" + member + "-");
    }
}
