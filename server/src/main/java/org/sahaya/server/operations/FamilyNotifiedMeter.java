package org.sahaya.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.notification.Notification;

/**
 * The family's listener, counted: {@value #SLA_FAMILY} (tag {@code outcome} = {@code met} | {@code missed})
 * once per incident, at its first announcement that carried messages (dispatched or queued), met when the
 * first of them was handed to its provider within {@link #FAMILY_TARGET} of the alert; missed when later, or
 * when every one of them failed. Everything else is the wrapped listener's.
 */
public final class FamilyNotifiedMeter implements IncidentListener {

    public static final String SLA_FAMILY = "sahaya.sla.family";
    /** The partner contracts' alert-to-family target. */
    public static final Duration FAMILY_TARGET = Duration.ofMinutes(2);

    private final IncidentListener family;
    private final Clock clock;
    private final Counter met;
    private final Counter missed;
    private final Recent counted = new Recent();

    public FamilyNotifiedMeter(IncidentListener family, MeterRegistry registry, Clock clock) {
        this.family = family;
        this.clock = clock;
        this.met = counter(registry, "met");
        this.missed = counter(registry, "missed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(SLA_FAMILY)
                .description("Incidents whose family was told, met when the first message was handed over within 2 minutes of the alert")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public List<Notification> dispatched(Incident incident) {
        return count(incident, family.dispatched(incident));
    }

    @Override
    public List<Notification> queued(Incident incident) {
        return count(incident, family.queued(incident));
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        family.alertStored(alert, incident, outcome);
    }

    @Override
    public void changed(IncidentChange change) {
        family.changed(change);
        if (change instanceof IncidentChange.Closed) {
            counted.take(change.incident().id());
        }
    }

    private List<Notification> count(Incident incident, List<Notification> sent) {
        if (sent == null || sent.isEmpty()) {
            return sent;
        }
        Instant now = clock.instant();
        Optional<Instant> first = sent.stream().map(Notification::sentAt).filter(Objects::nonNull).min(Comparator.naturalOrder());
        // Messages handed over long ago are an announcement repeated after a restart or a take-over.
        if (first.isPresent() && Duration.between(first.get(), now).compareTo(IncidentMeters.FRESH) > 0) {
            return sent;
        }
        if (counted.add(incident.id(), now)) {
            boolean inTime = first.isPresent()
                    && Duration.between(incident.openedAt(), first.get()).compareTo(FAMILY_TARGET) <= 0;
            (inTime ? met : missed).increment();
        }
        return sent;
    }
}
