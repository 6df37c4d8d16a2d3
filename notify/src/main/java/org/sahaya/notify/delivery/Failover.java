package org.sahaya.notify.delivery;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
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

    /**
     * Where a failed message goes next.
     *
     * @param next    the channel it goes out on now
     * @param skipped channels passed over because the contact already has a message on them for this step
     */
    public record Choice(Channel next, List<Channel> skipped) {

        /** The new PENDING row for {@code next}: the failed one's contact, step, language and text. */
        public Notification row(Notification failed, String id, Instant at) {
            return new Notification(id, failed.incidentId(), failed.contactId(), next, failed.step(),
                    failed.language(), failed.text(), NotificationStatus.PENDING, at, null, null, null);
        }

        /** The {@code NOTIFICATION_FAILOVER} timeline entry's message, naming both rows and their channels. */
        public String note(Notification failed, String newId) {
            String why = skipped.isEmpty() ? "" : " (" + skipped.stream().map(Channel::name)
                    .collect(Collectors.joining(", ")) + " already planned for this step)";
            return "Notification " + failed.id() + " (" + failed.channel() + ") failed over to " + next
                    + " as " + newId + why + ".";
        }
    }

    private Failover() {
    }

    /**
     * The failover of {@code failed}: the next channel in the chain that the contact can receive, the node
     * has, and the contact has no message on yet for this step among {@code incidentRows} (every row of
     * the incident). An emergency's push planned beside the SMS is already out, so a failed SMS goes on to
     * a call.
     */
    public static Optional<Choice> after(Notification failed, Contact contact, Set<Channel> available,
                                         List<Notification> incidentRows) {
        Set<Channel> taken = incidentRows.stream()
                .filter(r -> r.contactId().equals(failed.contactId()) && r.step().equals(failed.step()))
                .map(Notification::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        return next(failed.channel(), contact, available, taken).map(next -> new Choice(next, ORDER.stream()
                .filter(ch -> ORDER.indexOf(ch) > ORDER.indexOf(failed.channel())
                        && ORDER.indexOf(ch) < ORDER.indexOf(next) && taken.contains(ch))
                .toList()));
    }

    /** The {@code NOTIFICATION_FAILOVER} message when a reported failure has no channel left to go to. */
    public static String nothingLeftNote(Notification failed) {
        return "Notification " + failed.id() + " (" + failed.channel() + ") has no channel left to fail over to;"
                + " the next escalation step is due now.";
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
