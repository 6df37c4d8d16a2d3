package org.sahaya.notify.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;

/**
 * Which channel to try when a message could not be handed over on its own: the next one in
 * SMS → PUSH → VOICE that the contact can receive (a phone number for SMS and calls, a push token
 * for push). SMS first because it reaches any phone and costs little; push because it is free and
 * immediate but needs the app; a call last because it interrupts, and acknowledges by a key press
 * where two-way SMS does not work (India). A channel the contact already has a message on for the same
 * step (an emergency plans SMS and push at once) is no failover target: the chain goes on past it. The
 * sandbox has no next channel. Pure.
 */
public final class Failover {

    public static final List<Channel> ORDER = List.of(Channel.SMS, Channel.PUSH, Channel.VOICE);

    private Failover() {
    }

    /** The next channel after {@code failed} for {@code contact}, if any. */
    public static Optional<Channel> next(Channel failed, Contact contact) {
        return next(failed, contact, Set.copyOf(ORDER));
    }

    /** The next channel after {@code failed} for {@code contact} among the node's {@code available} ones. */
    public static Optional<Channel> next(Channel failed, Contact contact, Set<Channel> available) {
        return next(failed, contact, available, Set.of());
    }

    /**
     * The next channel after {@code failed} for {@code contact} among the node's {@code available} ones,
     * skipping the channels {@code taken} by the contact's other messages of the same step.
     */
    public static Optional<Channel> next(Channel failed, Contact contact, Set<Channel> available, Set<Channel> taken) {
        int at = ORDER.indexOf(failed);
        if (at < 0 || contact == null) {
            return Optional.empty();
        }
        return ORDER.subList(at + 1, ORDER.size()).stream()
                .filter(available::contains)
                .filter(channel -> !taken.contains(channel))
                .filter(channel -> canReceive(contact, channel))
                .findFirst();
    }

    public static boolean canReceive(Contact contact, Channel channel) {
        return switch (channel) {
            case SMS, VOICE, SANDBOX -> present(contact.phone());
            case PUSH -> present(contact.pushToken());
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
