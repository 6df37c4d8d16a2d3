package org.sahaya.notify.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.preference.ContactPreferences;

/**
 * Which channels a contact is told on. Pure.
 *
 * <ul>
 *   <li>Emergencies (P1, P2): SMS, and push as well when the contact has the app, whatever the
 *       contact prefers: in an emergency two ways in beat one. Voice is escalation's step.
 *   <li>Anything else: the contact's first preferred channel they can be reached on (push needs a
 *       token); SMS when none fits.
 *   <li>A channel this node has no implementation for is replaced by the request's default channel
 *       (SANDBOX in the embedded default), once per contact.
 * </ul>
 */
public final class ChannelChoice {

    private ChannelChoice() {
    }

    public static List<Channel> forContact(Priority priority, Contact contact, ContactPreferences preferences,
                                           Set<Channel> available, Channel fallback) {
        Set<Channel> wanted = new LinkedHashSet<>();
        if (priority.isEmergency()) {
            wanted.add(Channel.SMS);
            if (contact.pushToken() != null) {
                wanted.add(Channel.PUSH);
            }
        } else {
            wanted.add(preferences.channels().stream().filter(c -> reachable(c, contact)).findFirst().orElse(Channel.SMS));
        }
        return substitute(wanted, available, fallback);
    }

    /** The channel a voice escalation step uses on this node. */
    public static Channel voice(Set<Channel> available, Channel fallback) {
        return available.contains(Channel.VOICE) ? Channel.VOICE : fallback;
    }

    private static boolean reachable(Channel channel, Contact contact) {
        return channel != Channel.PUSH || contact.pushToken() != null;
    }

    private static List<Channel> substitute(Set<Channel> wanted, Set<Channel> available, Channel fallback) {
        Set<Channel> out = new LinkedHashSet<>();
        wanted.forEach(c -> out.add(available.contains(c) ? c : fallback));
        return List.copyOf(out);
    }
}
