package org.sahaya.server.delivery;

import java.time.Duration;
import org.sahaya.core.retry.Backoff;

/**
 * The outbox's clocks: how long an attempt may take, how long a member holds a delivery it is sending,
 * how often it looks for retries and for rows a dead member left, when to try again, when to give up.
 *
 * @param connect the partner must accept the connection within this
 * @param request the whole request, answer included, within this
 * @param claim   a member holds a delivery this long (a member that died lets it go by then)
 * @param sweep   how often each member looks for due deliveries beside the kicks
 * @param backoff the wait after each failed attempt
 * @param giveUp  a delivery not delivered this long after it was written is given up
 */
public record DeliveryTimings(Duration connect, Duration request, Duration claim, Duration sweep, Backoff backoff,
                              Duration giveUp) {

    /** 1 s, 2 s, 4 s ... never more than 5 minutes apart. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0);

    public DeliveryTimings {
        if (claim.compareTo(request.plus(connect)) <= 0) {
            throw new IllegalArgumentException("a claim must outlast the attempt it covers");
        }
    }

    /** Connect 2 s, request 5 s, claims of 30 s, a sweep every second, the house backoff. */
    public static DeliveryTimings standard(Duration giveUp) {
        return new DeliveryTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(1), BACKOFF, giveUp);
    }
}
