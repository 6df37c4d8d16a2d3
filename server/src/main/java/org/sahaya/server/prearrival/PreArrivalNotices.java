package org.sahaya.server.prearrival;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.audit.Audit;
import org.sahaya.server.audit.AuditEvent;
import org.sahaya.server.delivery.PartnerDelivery;
import org.sahaya.server.delivery.PartnerOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the receiving hospital a patient is coming, and keeps it told: a pre-arrival notice when a unit is
 * dispatched to an incident with a bed, an update when the expected arrival moves by a minute or more (a live
 * ETA, the start of transport), that the patient arrived (at hospital, handed over), and a cancellation when
 * they will not come (another hospital, stood down, treated at home). Each notice is a FHIR R4 transaction
 * Bundle ({@link PreArrivalBundle}) validated against R4 before it goes, handed to the partner outbox in the
 * transaction that remembers it: to the hospital's FHIR base URL, else its partner webhook, else nowhere but
 * the timeline. Each one sent is audited as a disclosure of personal data to the hospital.
 *
 * <p>Idempotent ({@link NoticeKind#next} over the last notice told, in {@code pre_arrival_notices}): an event
 * heard again after a restart or a take-over sends nothing new. Runs on the workflow's virtual threads.
 */
public final class PreArrivalNotices implements IncidentListener {

    /**
     * What the notices read and write.
     *
     * @param arrival   when the patient is expected, from the dispatch's travel-time model
     * @param validator the process's R4 validator (warm it at start)
     */
    public record Parts(Database database, Units units, Hospitals hospitals, SecretBox secrets, ExpectedArrival arrival,
                        R4Validator validator, Audit audit, Clock clock) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PreArrivalNotices.class);
    private static final TimelineRepository TIMELINE = new TimelineRepository();
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final int ATTEMPTS = 3;

    private final Parts parts;
    private final PartnerOutbox outbox;
    private final InIncidentOrder order = new InIncidentOrder();

    public PreArrivalNotices(Parts parts, PartnerOutbox outbox) {
        this.parts = parts;
        this.outbox = outbox;
    }

    /** Returns at once: the notice is worked out and handed to the outbox on a virtual thread, in incident order. */
    @Override
    public List<Notification> dispatched(Incident incident) {
        if (incident.hospitalId() != null) {
            Instant now = parts.clock().instant();
            order.run(incident.id(), () -> expected(incident, incident.hospitalId(), now, false)
                    .ifPresent(expected -> tell(incident, incident.hospitalId(), NoticeStatus.PLANNED, expected, now)));
        }
        return List.of();
    }

    @Override
    public List<Notification> queued(Incident incident) {
        return List.of();
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        // A stand-down reaches us as IncidentChange.Closed.
    }

    /** Returns at once, as {@link #dispatched} does. */
    @Override
    public void changed(IncidentChange change) {
        order.run(change.incident().id(), () -> follow(change));
    }

    /** Waits until the notices of the events heard so far are handed over, at most {@code seconds}; for tests. */
    public boolean idle(long seconds) throws InterruptedException {
        return order.idle(seconds);
    }

    private void follow(IncidentChange change) {
        Incident incident = change.incident();
        switch (change) {
            case IncidentChange.EtaChanged eta when primary(incident, eta.unitId()) -> planned(incident, eta.at(), false);
            case IncidentChange.UnitProgress p when primary(incident, p.unitId()) && p.status() == UnitStatus.TRANSPORTING ->
                    planned(incident, p.at(), true);
            case IncidentChange.UnitProgress p when primary(incident, p.unitId()) && p.status() == UnitStatus.AT_HOSPITAL ->
                    tell(incident, incident.hospitalId(), NoticeStatus.ARRIVED, p.at(), p.at());
            case IncidentChange.HospitalChanged moved -> {
                if (moved.from() != null) {
                    tell(incident, moved.from(), NoticeStatus.CANCELLED, null, moved.at());
                }
                if (moved.to() != null) {
                    expected(incident, moved.to(), moved.at(), transporting(incident))
                            .ifPresent(expected -> tell(incident, moved.to(), NoticeStatus.PLANNED, expected, moved.at()));
                }
            }
            case IncidentChange.Closed closed -> tell(incident, incident.hospitalId(),
                    closed.ending() == IncidentChange.Ending.HANDED_OVER ? NoticeStatus.ARRIVED : NoticeStatus.CANCELLED,
                    closed.ending() == IncidentChange.Ending.HANDED_OVER ? closed.at() : null, closed.at());
            default -> {
            }
        }
    }

    private static boolean primary(Incident incident, String unitId) {
        return incident.hospitalId() != null && unitId != null && unitId.equals(incident.unitId());
    }

    private boolean transporting(Incident incident) {
        return incident.unitId() != null && parts.units().unit(incident.unitId())
                .map(u -> u.status() == UnitStatus.TRANSPORTING).orElse(false);
    }

    private void planned(Incident incident, Instant at, boolean transporting) {
        expected(incident, incident.hospitalId(), at, transporting || transporting(incident))
                .ifPresent(expected -> tell(incident, incident.hospitalId(), NoticeStatus.PLANNED, expected, at));
    }

    /** When the patient is expected at {@code hospitalId}; empty if the hospital or the unit's position is unknown. */
    private Optional<Instant> expected(Incident incident, String hospitalId, Instant now, boolean transporting) {
        Optional<Hospital> hospital = parts.hospitals().hospital(hospitalId);
        if (hospital.isEmpty()) {
            return Optional.empty();
        }
        if (transporting) {
            return Optional.ofNullable(incident.unitId()).flatMap(parts.units()::unit)
                    .filter(u -> u.position() != null)
                    .map(u -> parts.arrival().whileTransporting(now, u.position(), hospital.get().position()));
        }
        boolean onScene = incident.unitId() != null && parts.units().unit(incident.unitId())
                .map(u -> u.status() == UnitStatus.ON_SCENE).orElse(false);
        Duration toScene = onScene || incident.etaSeconds() == null ? Duration.ZERO
                : Duration.ofSeconds(incident.etaSeconds());
        return Optional.of(parts.arrival().beforeTransport(now, toScene, incident.location(), hospital.get().position()));
    }

    /** Tells {@code hospitalId} the patient now stands at {@code wanted}; {@code expected} null keeps the last told. */
    private void tell(Incident incident, String hospitalId, NoticeStatus wanted, Instant expected, Instant at) {
        if (hospitalId == null) {
            return;
        }
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (tellOnce(incident, hospitalId, wanted, expected, at)) {
                    return;
                }
            }
            LOG.warn("Incident {}: the pre-arrival notice to hospital {} kept racing another; left to the next change",
                    incident.id(), hospitalId);
        } catch (RuntimeException e) {
            LOG.error("Incident {}: the pre-arrival notice to hospital {} failed", incident.id(), hospitalId, Redacted.of(e));
        }
    }

    /** One try: false when another notice was told meanwhile (try again over it). */
    private boolean tellOnce(Incident incident, String hospitalId, NoticeStatus wanted, Instant expected, Instant at) {
        Optional<Draft> prepared = parts.database().withConnection(c -> Draft.read(c, parts.secrets(), incident,
                hospitalId, wanted, expected, at));
        if (prepared.isEmpty()) {
            return true;
        }
        Draft draft = prepared.get();
        String hospitalName = parts.hospitals().hospital(hospitalId).map(Hospital::name).orElse(hospitalId);
        NoticeFacts facts = draft.facts(incident, hospitalName);
        String bundleJson = null;
        if (draft.channel().transport().isPresent()) {
            Bundle bundle = PreArrivalBundle.of(facts);
            R4Validator.Verdict verdict = parts.validator().check(bundle);
            if (!verdict.valid()) {
                refused(incident, hospitalName, hospitalId, verdict);
                return true;
            }
            bundleJson = PreArrivalBundle.json(bundle);
        }
        String json = bundleJson;
        try {
            Optional<PartnerDelivery> sent = parts.database().inTransaction(c -> {
                Optional<NoticeKind.Told> told = NoticeRows.told(c, incident.id(), hospitalId, true);
                if (!told.equals(draft.told())) {
                    return null;
                }
                int seq = told.map(NoticeKind.Told::seq).orElse(0) + 1;
                Optional<PartnerDelivery> delivery = draft.channel().transport().map(transport -> {
                    String deliveryId = "PA-" + incident.id() + "-" + hospitalId + "-" + seq;
                    String body = transport == PartnerDelivery.Transport.FHIR ? json
                            : WebhookNotice.body(draft.kind(), deliveryId, facts, json);
                    return new PartnerDelivery(deliveryId, hospitalId, transport, draft.kind().name(), incident.id(), body,
                            draft.kind() == NoticeKind.PRE_ARRIVAL ? incident.dispatchedAt() : null);
                });
                if (delivery.isPresent()) {
                    outbox.enqueue(c, delivery.get());
                }
                NoticeRows.remember(c, incident.id(), hospitalId, new NoticeKind.Told(seq, wanted, draft.expected()),
                        draft.channel(), at);
                if (delivery.isPresent() || draft.kind() != NoticeKind.PRE_ARRIVAL_UPDATED) {
                    TIMELINE.append(c, new TimelineEntry(incident.id(), parts.clock().instant(),
                            delivery.isPresent() ? TimelineStage.PRE_ARRIVAL_NOTICE : TimelineStage.PRE_ARRIVAL_NOT_SENT,
                            line(draft.kind(), hospitalName, draft.channel(), draft.expected())));
                }
                return delivery;
            });
            if (sent == null) {
                return false;
            }
            sent.ifPresent(delivery -> {
                parts.audit().record(new AuditEvent(parts.clock().instant(), hospitalId, "hospital", "prearrival.disclose",
                        "incidents/" + incident.id(), "", facts.clinical().isPresent()
                        && wanted != NoticeStatus.CANCELLED ? "ok, with medical profile" : "ok"));
                outbox.kick();
            });
            return true;
        } catch (PersistenceException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false; // the first notice of this incident and hospital was being told at once
            }
            throw e;
        }
    }

    private void refused(Incident incident, String hospitalName, String hospitalId, R4Validator.Verdict verdict) {
        LOG.error("Incident {}: the pre-arrival Bundle for hospital {} is not valid FHIR R4 and was not sent: {}",
                incident.id(), hospitalId, verdict.summary());
        parts.database().withConnection(c -> {
            TIMELINE.append(c, new TimelineEntry(incident.id(), parts.clock().instant(), TimelineStage.PRE_ARRIVAL_NOT_SENT,
                    "Pre-arrival notice to " + hospitalName + " not sent: its FHIR Bundle failed R4 validation ("
                            + verdict.errors().size() + " errors)"));
            return null;
        });
    }

    private String line(NoticeKind kind, String hospital, NoticeRows.Channel channel, Instant expected) {
        String when = HOUR_MINUTE.format(expected.atZone(parts.arrival().zone()));
        if (channel.transport().isEmpty()) {
            return switch (kind) {
                case PRE_ARRIVAL, PRE_ARRIVAL_UPDATED -> "No pre-arrival notice to " + hospital
                        + ": it has no FHIR endpoint and no webhook (expected " + when + ")";
                case PATIENT_ARRIVED -> "Patient arrived at " + hospital + " (not told: no FHIR endpoint, no webhook)";
                case PRE_ARRIVAL_CANCELLED -> "Patient no longer coming to " + hospital
                        + " (not told: no FHIR endpoint, no webhook)";
            };
        }
        String how = " (" + channel.describe() + ")";
        return switch (kind) {
            case PRE_ARRIVAL -> "Pre-arrival notice sent to " + hospital + how + ": expected " + when;
            case PRE_ARRIVAL_UPDATED -> "Pre-arrival notice updated for " + hospital + how + ": expected " + when;
            case PATIENT_ARRIVED -> "Patient arrival notice sent to " + hospital + how;
            case PRE_ARRIVAL_CANCELLED -> "Pre-arrival notice cancelled at " + hospital + how;
        };
    }
}
