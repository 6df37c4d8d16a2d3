package org.sahaya.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sahaya.core.config.CitySettings;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.ack.SmsAckHint;
import org.sahaya.notify.delivery.DeliveryPolicy;

/**
 * How a {@link FamilyNotifier} delivers, beyond what it must have. Start from {@link #defaults()}
 * and change what the node configures.
 *
 * @param delivery retries within the family budget before a row fails over ({@link DeliveryPolicy#within}),
 *                 or one attempt per row ({@link DeliveryPolicy#singleAttempt()})
 * @param ackLinks signs the acknowledgement link added to SMS texts ({@link SmsAckHint} decides when) and
 *                 the token in push data; empty: no links
 * @param pause    waits between attempts: production sleeps (on a virtual thread), tests advance a clock
 * @param city     the city the messages speak of ({@link CitySettings#defaults()}: Bengaluru)
 */
public record NotifierOptions(DeliveryPolicy delivery, Optional<AckLinks> ackLinks, Pause pause, CitySettings city) {

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    public NotifierOptions {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(ackLinks, "ackLinks");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(city, "city");
    }

    /** One attempt per row (a failure fails over at once), no acknowledgement links, real sleeps, the default city. */
    public static NotifierOptions defaults() {
        return new NotifierOptions(DeliveryPolicy.singleAttempt(), Optional.empty(), Thread::sleep, CitySettings.defaults());
    }

    public NotifierOptions withDelivery(DeliveryPolicy policy) {
        return new NotifierOptions(policy, ackLinks, pause, city);
    }

    public NotifierOptions withAckLinks(AckLinks links) {
        return new NotifierOptions(delivery, Optional.of(links), pause, city);
    }

    public NotifierOptions withPause(Pause waits) {
        return new NotifierOptions(delivery, ackLinks, waits, city);
    }

    public NotifierOptions withCity(CitySettings served) {
        return new NotifierOptions(delivery, ackLinks, pause, served);
    }
}
