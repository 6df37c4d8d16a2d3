package org.sahaya.notify.channel;

import java.util.Objects;
import org.sahaya.core.notification.Channel;

/**
 * One rendered message as a channel receives it. {@link #toString()} leaves out the phone number,
 * push token and text, so the record can appear in logs and exceptions.
 *
 * @param notificationId the outbox row's id: unique per message, usable as an idempotency key
 * @param incidentId     the incident it is about
 * @param channel        the channel it is meant for
 * @param phone          recipient's E.164 number (SMS, voice, sandbox); personal data
 * @param pushToken      recipient's FCM registration token, if any (push); personal data
 * @param ackToken       signed acknowledgement token the app posts to {@code /api/v1/acknowledgements}
 *                       (push only; null without an acknowledgement-link secret); a credential, never logged
 * @param language       BCP 47 tag of the text's language (voice picks its speaker by it)
 * @param text           the message itself; personal data
 */
public record OutgoingMessage(
        String notificationId,
        String incidentId,
        Channel channel,
        String phone,
        String pushToken,
        String language,
        String text,
        String ackToken) {

    /** A message without an acknowledgement token. */
    public OutgoingMessage(String notificationId, String incidentId, Channel channel, String phone, String pushToken,
                           String language, String text) {
        this(notificationId, incidentId, channel, phone, pushToken, language, text, null);
    }

    public OutgoingMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + notificationId + " " + channel + " " + language + "]";
    }
}
