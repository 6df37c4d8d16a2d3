package org.sahaya.notify.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.subscriber.Contact;

/**
 * When nobody acknowledges, who is called next. Pure: data in, data out.
 *
 * <p>Per priority, from configuration: no acknowledgement {@code voiceAfter} after the first
 * messages → a voice call to the first contact in call order; still none {@code interval} later →
 * the next contact; and so on. After the last contact the escalation ends in a visible state for the
 * coordinator: nobody is silently given up on. A priority without {@code voiceAfter} never calls.
 */
public final class EscalationPolicy {

    /** What to do when an escalation is due. */
    public sealed interface Decision {
        /** Call {@code contact} (step {@code stepNumber}, 1-based); the step after is due at {@code nextAt}. */
        record Call(Contact contact, int stepNumber, Instant nextAt) implements Decision {
        }

        /** Every contact was called and nobody acknowledged. */
        record Exhausted(String reason) implements Decision {
        }

        /** Acknowledged or ended already: nothing to do. */
        record Nothing() implements Decision {
        }
    }

    private final Map<Priority, Duration> voiceAfter;
    private final Map<Priority, Duration> interval;

    public EscalationPolicy(Map<Priority, Duration> voiceAfter, Map<Priority, Duration> interval) {
        this.voiceAfter = voiceAfter.isEmpty() ? Map.of() : new EnumMap<>(voiceAfter);
        this.interval = interval.isEmpty() ? Map.of() : new EnumMap<>(interval);
    }

    /** When the first call is due for an incident of {@code priority} whose family was told at {@code toldAt}. */
    public Optional<Instant> firstCallAt(Priority priority, Instant toldAt) {
        return Optional.ofNullable(voiceAfter.get(priority)).map(toldAt::plus);
    }

    public Duration interval(Priority priority) {
        return interval.getOrDefault(priority, Duration.ofMinutes(5));
    }

    /**
     * @param contacts the subscriber's contacts in call order (rank, then id)
     */
    public Decision next(Escalation escalation, List<Contact> contacts, Instant now) {
        if (!escalation.open()) {
            return new Decision.Nothing();
        }
        int index = escalation.step();
        if (index >= contacts.size()) {
            return new Decision.Exhausted(contacts.isEmpty()
                    ? "no family contact to call"
                    : "no acknowledgement after calling all " + contacts.size() + " contacts");
        }
        return new Decision.Call(contacts.get(index), index + 1, now.plus(interval(escalation.priority())));
    }
}
