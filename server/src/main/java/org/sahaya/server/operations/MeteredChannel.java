package org.sahaya.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.channel.fcm.FcmPushChannel;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.channel.twilio.TwilioSmsChannel;
import org.sahaya.notify.channel.twilio.TwilioVoiceChannel;

/**
 * A channel that counts what its provider does with each hand-over: the time a taken message took
 * ({@value #HANDOVER}, tags {@code channel}, {@code provider}) and each refusal or error
 * ({@value #FAILURES}, tags {@code channel}, {@code provider}, {@code outcome} = {@code retryable} (the
 * provider is down, busy or rate limiting), {@code permanent} (a bad number, a revoked token) or
 * {@code error} (the channel threw)). Everything else is the wrapped channel's.
 */
public final class MeteredChannel implements NotificationChannel {

    public static final String HANDOVER = "sahaya.provider.handover";
    public static final String FAILURES = "sahaya.provider.failures";

    private final NotificationChannel channel;
    private final Timer handover;
    private final Counter retryable;
    private final Counter permanent;
    private final Counter error;

    private MeteredChannel(NotificationChannel channel, MeterRegistry registry) {
        this.channel = channel;
        String name = channel.channel().name().toLowerCase();
        String provider = provider(channel);
        this.handover = Timer.builder(HANDOVER)
                .description("Time a provider took to take a family notification (hand-overs it accepted)")
                .tags("channel", name, "provider", provider)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.retryable = failures(registry, name, provider, "retryable");
        this.permanent = failures(registry, name, provider, "permanent");
        this.error = failures(registry, name, provider, "error");
    }

    /** Each of {@code channels} metered; the map keeps its keys. */
    public static Map<Channel, NotificationChannel> all(Map<Channel, NotificationChannel> channels, MeterRegistry registry) {
        Map<Channel, NotificationChannel> metered = new EnumMap<>(Channel.class);
        channels.forEach((key, channel) -> metered.put(key, new MeteredChannel(channel, registry)));
        return metered;
    }

    /** The provider behind a channel implementation, as the tag names it. */
    static String provider(NotificationChannel channel) {
        return switch (channel) {
            case TwilioSmsChannel t -> "twilio";
            case TwilioVoiceChannel t -> "twilio";
            case FcmPushChannel f -> "fcm";
            case SandboxChannel s -> "sandbox";
            default -> channel.getClass().getSimpleName().toLowerCase();
        };
    }

    private static Counter failures(MeterRegistry registry, String channel, String provider, String outcome) {
        return Counter.builder(FAILURES)
                .description("Family notifications a provider refused or that failed in its channel")
                .tags("channel", channel, "provider", provider, "outcome", outcome)
                .register(registry);
    }

    @Override
    public Channel channel() {
        return channel.channel();
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        long start = System.nanoTime();
        try {
            SendReceipt receipt = channel.send(message);
            handover.record(Duration.ofNanos(System.nanoTime() - start));
            return receipt;
        } catch (ChannelException e) {
            (e.retryable() ? retryable : permanent).increment();
            throw e;
        } catch (RuntimeException e) {
            error.increment();
            throw e;
        }
    }

    @Override
    public boolean idempotent() {
        return channel.idempotent();
    }
}
