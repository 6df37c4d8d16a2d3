package org.sahaya.notify.channel.lineup;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.ProviderConfig;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.fcm.FcmAccount;
import org.sahaya.notify.channel.fcm.FcmPushChannel;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.channel.twilio.TwilioAccount;
import org.sahaya.notify.channel.twilio.TwilioSmsChannel;
import org.sahaya.notify.channel.twilio.TwilioVoiceChannel;

/**
 * Which implementation serves each channel on this node, decided once at start from the provider
 * configuration:
 * <ul>
 *   <li><b>No provider credentials</b> (the embedded default): every channel is the sandbox, standing
 *       in for SMS, PUSH and VOICE, so families are planned as in production and every message is
 *       recorded; SANDBOX is the default only for channels nothing else plans.</li>
 *   <li><b>Demo mode</b>: the same, even with credentials. Demo contacts have made-up numbers that
 *       may belong to real people; a demo never reaches a real phone.</li>
 *   <li><b>Twilio and/or FCM configured</b>: SMS and VOICE go to Twilio, PUSH to FCM; a channel whose
 *       provider is not configured is <i>off</i> (not the sandbox), so failover skips it instead of
 *       "delivering" into a table no family reads. Families are planned on SMS (PUSH with FCM only).</li>
 * </ul>
 *
 * @param channels       the implementation per channel, for {@code FamilyNotifier}
 * @param defaultChannel the channel messages are planned on
 * @param summary        one line for the start log: which channels are live, sandboxed or off
 */
public record ChannelLineup(Map<Channel, NotificationChannel> channels, Channel defaultChannel, String summary)
        implements AutoCloseable {

    public static ChannelLineup from(ProviderConfig config, boolean demo, Database database, Clock clock) {
        if (demo || (!config.twilioLive() && !config.fcmLive())) {
            Map<Channel, NotificationChannel> sandbox = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                sandbox.put(channel, new SandboxChannel(database, clock, channel));
            }
            String why = demo && (config.twilioLive() || config.fcmLive())
                    ? "demo mode ignores the provider credentials it was given" : "no provider credentials";
            return new ChannelLineup(Map.copyOf(sandbox), Channel.SANDBOX,
                    "Notification channels: all sandboxed (" + why + "); messages are recorded, not sent");
        }
        Map<Channel, NotificationChannel> live = new EnumMap<>(Channel.class);
        live.put(Channel.SANDBOX, new SandboxChannel(database, clock));
        List<String> parts = new ArrayList<>();
        if (config.twilioLive()) {
            TwilioAccount account = new TwilioAccount(config.twilioAccountSid(), config.twilioAuthToken(),
                    config.twilioFrom(), config.twilioBaseUrl(), config.publicBaseUrl(), config.providerTimeout());
            live.put(Channel.SMS, new TwilioSmsChannel(account));
            live.put(Channel.VOICE, new TwilioVoiceChannel(account));
            parts.add("SMS=twilio VOICE=twilio (" + config.twilioBaseUrl() + ")");
        } else {
            parts.add("SMS=off VOICE=off (no SAHAYA_TWILIO_*)");
        }
        if (config.fcmLive()) {
            live.put(Channel.PUSH, new FcmPushChannel(fcmAccount(config)));
            parts.add("PUSH=fcm (" + config.fcmBaseUrl() + ")");
        } else {
            parts.add("PUSH=off (no SAHAYA_FCM_*)");
        }
        Channel planned = config.twilioLive() ? Channel.SMS : Channel.PUSH;
        return new ChannelLineup(Map.copyOf(live), planned, "Notification channels: " + String.join(", ", parts)
                + "; SANDBOX=sandbox; families are told on " + planned + " first, failing over SMS -> PUSH -> VOICE");
    }

    private static FcmAccount fcmAccount(ProviderConfig config) {
        try {
            return FcmAccount.fromServiceAccount(config.fcmProjectId(), config.fcmCredentials(), config.fcmBaseUrl(),
                    config.providerTimeout());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("SAHAYA_FCM_CREDENTIALS",
                    "could not be read as a service-account JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        channels.values().forEach(channel -> {
            if (channel instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing only frees the SDK's resources; nothing to report at shutdown.
                }
            }
        });
    }
}
