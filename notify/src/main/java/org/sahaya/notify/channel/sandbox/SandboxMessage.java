package org.sahaya.notify.channel.sandbox;

import java.time.Instant;

/**
 * A message the sandbox channel recorded, as the API shows it. {@link #toString()} leaves out the
 * recipient and body, which are personal data.
 *
 * @param seq            order of recording
 * @param notificationId the outbox row it came from
 * @param recipient      E.164 phone number it was addressed to
 * @param language       BCP 47 tag of the body's language
 * @param body           the text as it would have reached the phone
 * @param sentAt         when it was recorded
 */
public record SandboxMessage(long seq, String notificationId, String recipient, String language, String body,
                             Instant sentAt) {

    @Override
    public String toString() {
        return "SandboxMessage[" + seq + " " + notificationId + " " + language + "]";
    }
}
