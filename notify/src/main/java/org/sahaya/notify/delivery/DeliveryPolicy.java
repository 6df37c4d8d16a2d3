package org.sahaya.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sahaya.core.notification.Channel;

/**
 * How hard one outbox row tries before it gives up and fails over. Pure.
 *
 * <p>The contract says a family is told within 2 minutes. A message can pass through up to three
 * channels (SMS, then push, then a call: {@link Failover#ORDER}), so each row gets a third of the
 * budget from the moment it was written: its retry deadline. A retryable refusal is tried again
 * after {@link RetrySchedule}'s delay while that delay still ends before the deadline; then the row
 * fails and the next channel gets its own third.
 *
 * @param familyBudget the "family notified" budget ({@code SAHAYA_FAMILY_BUDGET_SECONDS})
 * @param schedule     waits between attempts
 * @param retries      false: one attempt per row, failures fail over at once
 */
public record DeliveryPolicy(Duration familyBudget, RetrySchedule schedule, boolean retries) {

    public static final Duration FAMILY_BUDGET = Duration.ofMinutes(2);

    public DeliveryPolicy {
        Objects.requireNonNull(familyBudget, "familyBudget");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Retries with the default schedule within {@code familyBudget}. */
    public static DeliveryPolicy within(Duration familyBudget) {
        return new DeliveryPolicy(familyBudget, RetrySchedule.DEFAULT, true);
    }

    /** One attempt per row: a refusal fails the row (and fails over) at once. */
    public static DeliveryPolicy singleAttempt() {
        return new DeliveryPolicy(FAMILY_BUDGET, RetrySchedule.DEFAULT, false);
    }

    /** The moment after which a row written at {@code createdAt} is not retried any more. */
    public Instant retryDeadline(Instant createdAt) {
        List<Channel> chain = Failover.ORDER;
        return createdAt.plus(familyBudget.dividedBy(chain.size()));
    }

    /**
     * The wait before the next attempt, or null to give up: no retries, or the wait would end after
     * the deadline.
     */
    public Duration nextDelay(Instant now, Instant createdAt, int failedAttempts, double random) {
        if (!retries) {
            return null;
        }
        Duration delay = schedule.delayAfter(failedAttempts, random);
        return now.plus(delay).isAfter(retryDeadline(createdAt)) ? null : delay;
    }
}
