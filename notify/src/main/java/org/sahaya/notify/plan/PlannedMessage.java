package org.sahaya.notify.plan;

import java.time.Instant;
import java.util.Objects;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.template.NotificationStep;

/**
 * One message the planner decided to send, already rendered.
 *
 * @param contact   recipient
 * @param channel   how it goes out
 * @param step      what it reports
 * @param language  BCP 47 tag of the language the text is actually written in (English when the
 *                  contact's language has no templates)
 * @param text      the rendered message (personal data: never logged)
 * @param stepKey   the outbox row's step: the step's name, or an escalation step such as {@code ESCALATION_1},
 *                  so each escalation step is its own exactly-once row
 * @param notBefore held back until then (the contact's quiet hours); null = send now
 */
public record PlannedMessage(Contact contact, Channel channel, NotificationStep step, String language, String text,
                             String stepKey, Instant notBefore) {

    public PlannedMessage {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stepKey, "stepKey");
    }

    public PlannedMessage(Contact contact, Channel channel, NotificationStep step, String language, String text) {
        this(contact, channel, step, language, text, step.name(), null);
    }

    @Override
    public String toString() {
        return "PlannedMessage[" + contact + " " + channel + " " + stepKey + " " + language
                + (notBefore == null ? "" : " after " + notBefore) + "]";
    }
}
