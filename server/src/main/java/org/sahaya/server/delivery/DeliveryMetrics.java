package org.sahaya.server.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.sahaya.core.metrics.Stage;
import org.sahaya.core.metrics.StageTimers;

/**
 * What the outbox shows on {@code /metrics}: attempts, failures and deliveries given up per partner kind
 * (fleet, hospital), the rows still pending, and the time from the dispatch decided to the partner's 2xx
 * per kind of delivery. A job handed to a fleet's webhook is also the hot path's stage
 * {@link Stage#JOB_HANDED}, which the load test reports beside the others.
 */
final class DeliveryMetrics {

    static final String ATTEMPTS = "sahaya.partner.delivery.attempts";
    static final String FAILURES = "sahaya.partner.delivery.failures";
    static final String GIVEN_UP = "sahaya.partner.delivery.given.up";
    static final String PENDING = "sahaya.partner.deliveries.pending";
    static final String HANDED = "sahaya.partner.delivery.handed";

    private final MeterRegistry registry;
    private final StageTimers stages;
    private final AtomicLong pending = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry, StageTimers stages) {
        this.registry = registry;
        this.stages = stages;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Deliveries to partners neither delivered nor given up (as of the last sweep)")
                .register(registry);
    }

    void attempted(String partnerKind) {
        counter(ATTEMPTS, "Attempts to deliver to a partner's system", partnerKind).increment();
    }

    void failed(String partnerKind) {
        counter(FAILURES, "Attempts a partner did not answer 2xx (or could not be made)", partnerKind).increment();
    }

    void givenUp(String partnerKind) {
        counter(GIVEN_UP, "Deliveries given up after SAHAYA_PARTNER_DELIVERY_GIVE_UP_HOURS", partnerKind).increment();
    }

    void pending(long rows) {
        pending.set(rows);
    }

    /** A 2xx: how long after the dispatch was decided, for deliveries that carry the decision's time. */
    void handed(PendingDelivery d, Instant at) {
        if (d.decidedAt() == null) {
            return;
        }
        Duration took = Duration.between(d.decidedAt(), at);
        Timer.builder(HANDED).description("Dispatch decided until the partner answered 2xx")
                .tag("kind", d.kind())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
        if (d.transport() == PartnerDelivery.Transport.WEBHOOK && d.kind().startsWith("JOB_")) {
            stages.record(Stage.JOB_HANDED, took);
        }
    }

    private Counter counter(String name, String description, String partnerKind) {
        return Counter.builder(name).description(description).tag("partner", partnerKind).register(registry);
    }
}
