package org.sahaya.notify.preference;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.sahaya.core.notification.Channel;

/**
 * How a contact wants to hear about things that are not emergencies. Emergencies (P1, P2) ignore
 * both fields: they go out on SMS and push at once, day or night.
 *
 * @param channels   preferred channels for non-emergency news, most preferred first (never empty)
 * @param quietHours when not to disturb, in the contact's own zone; null = any time
 */
public record ContactPreferences(List<Channel> channels, QuietHours quietHours) {

    /** What a contact who never said otherwise gets: SMS, any time. */
    public static final ContactPreferences DEFAULT = new ContactPreferences(List.of(Channel.SMS), null);

    public ContactPreferences {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a contact needs at least one channel");
        }
    }

    public static ContactPreferences of(List<Channel> channels, LocalTime quietStart, LocalTime quietEnd) {
        return new ContactPreferences(channels,
                quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd));
    }
}
