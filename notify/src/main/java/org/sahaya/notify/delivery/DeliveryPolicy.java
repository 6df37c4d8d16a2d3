package org.sahaya.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.retry.Backoff;

/**
 * How hard one outbox row tries before it gives up and fails over. Pure.
 *
 * <p>The contract says a family is told within 2 minutes. A message can pass through up to three
 * channels (SMS, then push, then a call: {@link Failover#ORDER}), so each row gets a third of the
 * budget from the moment it was written: its retry deadline. A retryable refusal is tried again
 * after the {@link #RETRIES} backoff's delay (with jitter, so many messages refused at the
 * same moment, a provider's rate limit, do not all come back at the same moment) while that delay still ends before the deadline; then the row
 * fails and the next channel gets its own third.
 *
 * @param familyBudget the "family notified" budget ({@code SAHAYA_FAMILY_BUDGET_SECONDS})
 * @param schedule     waits between attempts
 * @param retries      false: one attempt per row, failures fail over at once
 */
public record DeliveryPolicy(Duration familyBudget, Backoff schedule, boolean retries) {

    /** 500 ms, 1 s, 2 s, 4 s, 8 s, 10 s, 10 s, ... each between half and all of that. */
    public static final Backoff RETRIES = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0);

    public static final Duration FAMILY_BUDGET = Duration.ofMinutes(2);

    public DeliveryPolicy {
        Objects.requireNonNull(familyBudget, "familyBudget");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Retries with the default schedule within {@code familyBudget}. */
    public static DeliveryPolicy within(Duration familyBudget) {
        return new DeliveryPolicy(familyBudget, RETRIES, true);
    }

    /** One attempt per row: a refusal fails the row (and fails over) at once. */
    public static DeliveryPolicy singleAttempt() {
        return new DeliveryPolicy(FAMILY_BUDGET, RETRIES, false);
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
