package org.sahaya.server.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.log.Redacted;
import org.sahaya.notify.outbox.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a family notification took from its hand-over to the provider to the provider's delivered
 * receipt ({@value #NAME}, tag {@code channel}): the part of "family notified" that is the provider's
 * and the phone network's. Only providers that send receipts (Twilio SMS and Voice) feed it.
 */
public final class DeliveryTimes {

    public static final String NAME = "sahaya.notification.delivery";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTimes.class);

    private final Database database;
    private final Clock clock;
    private final Map<Channel, Timer> timers = new EnumMap<>(Channel.class);
    private final NotificationRepository outbox = new NotificationRepository();

    public DeliveryTimes(Database database, MeterRegistry registry, Clock clock) {
        this.database = database;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            timers.put(channel, Timer.builder(NAME)
                    .description("Time from a family notification's hand-over to the provider to its delivered receipt")
                    .tag("channel", channel.name().toLowerCase())
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2))
                    .minimumExpectedValue(Duration.ofMillis(100))
                    .maximumExpectedValue(Duration.ofMinutes(30))
                    .register(registry));
        }
    }

    /**
     * The provider reported the message it knows as {@code providerId} delivered (a receipt that moved it to
     * DELIVERED, so once per message). Blocking: reads the notification. Never throws.
     */
    public void delivered(String providerId) {
        try {
            Optional<Notification> found = database.withConnection(c -> outbox.findByProviderId(c, providerId));
            found.filter(n -> n.sentAt() != null).ifPresent(n -> timers.get(n.channel())
                    .record(nonNegative(Duration.between(n.sentAt(), clock.instant()))));
        } catch (RuntimeException e) {
            // A lost sample, not a lost receipt: the receipt is stored already.
            LOG.warn("Delivery time of a receipt not recorded", Redacted.of(e));
        }
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
