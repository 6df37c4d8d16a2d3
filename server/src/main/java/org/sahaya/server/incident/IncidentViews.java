package org.sahaya.server.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.AlertRepository;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.dispatch.followup.AlsFollowUp;
import org.sahaya.dispatch.followup.AlsFollowUpRepository;
import org.sahaya.notify.escalation.Escalation;
import org.sahaya.notify.escalation.EscalationRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.receipt.StatusHistoryRepository;

/** Reads incidents for the API from the system of record and the grid. Blocking. */
public final class IncidentViews {

    private final Database database;
    private final Units units;
    private final Hospitals hospitals;
    private final Clock clock;
    private final IncidentRepository incidents = new IncidentRepository();
    private final AlertRepository alerts = new AlertRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final DirectoryRepository directory = new DirectoryRepository();
    private final NotificationRepository notifications = new NotificationRepository();
    private final StatusHistoryRepository history = new StatusHistoryRepository();
    private final EscalationRepository escalations = new EscalationRepository();
    private final AlsFollowUpRepository followUps = new AlsFollowUpRepository();

    public IncidentViews(Database database, Grid grid, Clock clock) {
        this.database = database;
        this.units = grid;
        this.hospitals = grid;
        this.clock = clock;
    }

    public Optional<IncidentView> find(String id) {
        return database.withConnection(c -> {
            Optional<Incident> incident = incidents.find(c, id);
            return incident.isEmpty() ? Optional.<IncidentView>empty() : Optional.of(view(c, incident.get()));
        });
    }

    /**
     * One page of summaries, oldest first (opened_at, then id): those after {@code after} (from the
     * first when null), at most {@code limit}; all states when {@code state} is null.
     */
    public IncidentPage list(IncidentState state, IncidentRepository.Position after, int limit) {
        return database.withConnection(c -> {
            int size = Math.max(1, limit);
            // one row more than the page tells whether there is a next page without an empty last one
            List<Incident> rows = incidents.findByStates(c,
                    state == null ? EnumSet.noneOf(IncidentState.class) : EnumSet.of(state), after, size + 1);
            List<Incident> page = rows.subList(0, Math.min(size, rows.size()));
            List<IncidentSummary> out = new java.util.ArrayList<>(page.size());
            for (Incident i : page) {
                Optional<Escalation> e = escalations.find(c, i.id());
                out.add(new IncidentSummary(i.id(), i.state().name(), i.priority().name(), i.alertType().name(),
                        i.subscriberId(), i.openedAt(), i.unitId(), i.hospitalId(), i.etaSeconds(), waiting(i),
                        e.map(Escalation::acknowledgedAt).orElse(null),
                        e.map(Escalation::acknowledgedVia).map(Enum::name).orElse(null)));
            }
            return new IncidentPage(out, rows.size() > size ? IncidentRepository.Position.of(page.getLast()) : null);
        });
    }

    private IncidentView view(Connection c, Incident i) throws SQLException {
        var subscriber = directory.subscriber(c, i.subscriberId()).orElseThrow();
        Map<String, Contact> contacts = directory.contacts(c, i.subscriberId()).stream()
                .collect(Collectors.toMap(Contact::id, Function.identity()));
        Unit unit = i.unitId() == null ? null : units.unit(i.unitId()).orElse(null);
        Hospital hospital = i.hospitalId() == null ? null : hospitals.hospital(i.hospitalId()).orElse(null);
        Optional<AlsFollowUp> followUp = followUps.find(c, i.id());
        return new IncidentView(i.id(), i.state().name(), i.priority().name(), i.action().name(), i.alertType().name(),
                new IncidentView.SubscriberRef(subscriber.id(), subscriber.name(), subscriber.language()),
                i.location(), i.openedAt(), i.updatedAt(), waiting(i), name(i.needs()),
                unit == null ? null : new IncidentView.UnitRef(unit.id(), unit.callSign(), unit.level().name(),
                        unit.station(), unit.status().name()),
                hospital == null ? null : new IncidentView.HospitalRef(hospital.id(), hospital.name(), hospital.partner()),
                name(i.bedKind()), i.etaSeconds(), i.dispatchedAt(),
                alerts.ofIncident(c, i.id()),
                timeline.of(c, i.id()).stream().map(e -> new IncidentView.Step(e.at(), e.stage().name(), e.message())).toList(),
                notificationRefs(c, i.id(), contacts),
                escalations.find(c, i.id()).map(e -> new IncidentView.EscalationRef(e.step(), e.nextAt(),
                        e.acknowledgedAt(), Optional.ofNullable(contacts.get(e.acknowledgedBy())).map(Contact::relation)
                        .orElse(null), e.acknowledgedBy(), e.acknowledgedVia() == null ? null : e.acknowledgedVia().name(),
                        e.endedReason())).orElse(null),
                i.etaUpdatedAt(), followUp.map(f -> supportUnit(f, i)).orElse(null),
                followUp.map(f -> new IncidentView.AlsFollowUpRef(f.requestedAt(), f.assignedAt())).orElse(null));
    }

    /** The follow-up's ALS unit while it works the incident beside its own unit. */
    private IncidentView.SupportUnitRef supportUnit(AlsFollowUp f, Incident i) {
        if (f.supportUnitId() == null || f.supportUnitId().equals(i.unitId())) {
            return null;
        }
        return units.unit(f.supportUnitId()).filter(u -> i.id().equals(u.incidentId()) || f.endedAt() == null)
                .map(u -> new IncidentView.SupportUnitRef(u.id(), u.callSign(), u.status().name())).orElse(null);
    }

    /**
     * Each notification with its status history: PENDING and SENT come from the outbox row itself
     * (written before the history table existed for it), later changes from the history table.
     */
    private List<IncidentView.NotificationRef> notificationRefs(Connection c, String incidentId,
                                                              Map<String, Contact> contacts) throws SQLException {
        Map<String, List<StatusHistoryRepository.Change>> changes = history.ofIncident(c, incidentId);
        Map<String, java.time.Instant> held = notifications.heldUntil(c, incidentId);
        return notifications.findByIncident(c, incidentId).stream().map(n -> {
            Contact k = contacts.get(n.contactId());
            List<IncidentView.StatusChange> steps = new java.util.ArrayList<>();
            steps.add(new IncidentView.StatusChange(n.createdAt(), "PENDING", "outbox", null));
            if (n.sentAt() != null) {
                steps.add(new IncidentView.StatusChange(n.sentAt(), "SENT", "outbox", n.providerId()));
            }
            changes.getOrDefault(n.id(), List.of()).forEach(ch -> steps.add(
                    new IncidentView.StatusChange(ch.at(), ch.status().name(), ch.source(), ch.detail())));
            if (n.status() == NotificationStatus.FAILED && steps.stream().noneMatch(st -> st.status().equals("FAILED"))) {
                steps.add(new IncidentView.StatusChange(null, "FAILED", "outbox", n.failureReason()));
            }
            return new IncidentView.NotificationRef(n.id(), n.contactId(), k == null ? null : k.name(),
                    k == null ? null : k.relation(), n.channel().name(), n.language(), n.step(), n.status().name(),
                    n.createdAt(), n.sentAt(), n.providerId(), n.failureReason(), n.text(), held.get(n.id()),
                    List.copyOf(steps));
        }).toList();
    }

    private Long waiting(Incident i) {
        return i.state() == IncidentState.QUEUED ? Duration.between(i.openedAt(), clock.instant()).toSeconds() : null;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /**
     * One page of the incident queue.
     *
     * @param next where the next page starts (the last incident of this one); null when this is the last
     */
    public record IncidentPage(List<IncidentSummary> incidents, IncidentRepository.Position next) {
    }

    /** One line of the incident queue. */
    public record IncidentSummary(String id, String state, String priority, String alertType, String subscriberId,
                                  java.time.Instant openedAt, String unitId, String hospitalId, Integer etaSeconds,
                                  Long waitingSeconds, java.time.Instant acknowledgedAt, String acknowledgedVia) {
    }
}
