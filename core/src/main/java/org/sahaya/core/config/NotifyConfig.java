package org.sahaya.core.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.sahaya.core.incident.Priority;

/**
 * Settings of family notification beyond the channels: escalation timings and acknowledgement links. Read
 * once at start from {@link Settings}. The public address and the Twilio token are {@link ProviderConfig}'s.
 *
 * @param voiceAfter      {@code SAHAYA_ESCALATION_<P>_VOICE_AFTER_SECONDS}: per priority, how long after the
 *                        first messages with no acknowledgement the first voice call goes out; absent = that
 *                        priority never escalates to voice (defaults: P1 90, P2 180, P3 900; P4 none)
 * @param voiceInterval   {@code SAHAYA_ESCALATION_<P>_NEXT_CALL_SECONDS}: per priority, the wait between one
 *                        voice call and the call to the next contact (defaults: P1 60, P2 90, P3 300)
 * @param tick            {@code SAHAYA_ESCALATION_TICK_MS}, default 1000: how often due escalations and
 *                        deferred messages are looked for
 * @param ackLinkSecret   {@code SAHAYA_ACK_LINK_SECRET}: signs acknowledgement links; null = no links and no
 *                        push acknowledgements (demo mode: {@link #DEMO_ACK_LINK_SECRET})
 * @param ackLinkTtl      {@code SAHAYA_ACK_LINK_TTL_SECONDS}, default 86400: how long a link stays valid
 */
public record NotifyConfig(
        Map<Priority, Duration> voiceAfter,
        Map<Priority, Duration> voiceInterval,
        Duration tick,
        String ackLinkSecret,
        Duration ackLinkTtl) {

    /** Published on purpose: demo mode must be reproducible by hand, and is refused outside demo mode. */
    public static final String DEMO_ACK_LINK_SECRET = "demo-ack-link-secret";

    private static final Map<Priority, Integer> DEFAULT_VOICE_AFTER = Map.of(Priority.P1, 90, Priority.P2, 180,
            Priority.P3, 900);
    private static final Map<Priority, Integer> DEFAULT_VOICE_INTERVAL = Map.of(Priority.P1, 60, Priority.P2, 90,
            Priority.P3, 300);

    public NotifyConfig {
        voiceAfter = Map.copyOf(voiceAfter);
        voiceInterval = Map.copyOf(voiceInterval);
    }

    public static NotifyConfig from(Settings s, boolean demo) {
        Map<Priority, Duration> after = new EnumMap<>(Priority.class);
        Map<Priority, Duration> interval = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            long a = seconds(s, "SAHAYA_ESCALATION_" + p + "_VOICE_AFTER_SECONDS", DEFAULT_VOICE_AFTER.getOrDefault(p, -1));
            if (a >= 0) {
                after.put(p, Duration.ofSeconds(a));
            }
            long i = seconds(s, "SAHAYA_ESCALATION_" + p + "_NEXT_CALL_SECONDS", DEFAULT_VOICE_INTERVAL.getOrDefault(p, 300));
            interval.put(p, Duration.ofSeconds(Math.max(1, i)));
        }
        long tick = s.getLong("SAHAYA_ESCALATION_TICK_MS", 1000);
        if (tick < 10) {
            throw new ConfigException("SAHAYA_ESCALATION_TICK_MS", "must be at least 10");
        }
        String secret = s.get("SAHAYA_ACK_LINK_SECRET").orElse(demo ? DEMO_ACK_LINK_SECRET : null);
        if (!demo && DEMO_ACK_LINK_SECRET.equals(secret)) {
            throw new ConfigException("SAHAYA_ACK_LINK_SECRET", "the demo value is accepted in demo mode only");
        }
        return new NotifyConfig(after, interval, Duration.ofMillis(tick), secret,
                Duration.ofSeconds(Math.max(60, s.getLong("SAHAYA_ACK_LINK_TTL_SECONDS", 86_400))));
    }

    private static long seconds(Settings s, String name, long fallback) {
        long v = s.getLong(name, fallback);
        if (v < -1) {
            throw new ConfigException(name, "must be a number of seconds (or -1 for never)");
        }
        return v;
    }

    /** Secrets stay out of any log line. */
    @Override
    public String toString() {
        return "NotifyConfig[voiceAfter=" + voiceAfter + ", voiceInterval=" + voiceInterval + ", tick=" + tick
                + ", ackLinkSecret=" + (ackLinkSecret == null ? "none" : "***") + "]";
    }
}
