package org.sahaya.dispatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.claims.BedClaims;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.followup.AlsFollowUp;
import org.sahaya.dispatch.followup.AlsFollowUpRepository;

/**
 * Closes an incident and gives back what it held: the unit, if still on it, becomes AVAILABLE, and so
 * does its second (ALS support) unit, whose follow-up ends; the
 * reserved bed returns to the free count, unless the patient was handed over and now lies in it.
 * The reason goes on the timeline. Blocking.
 */
public final class IncidentClosing {

    private final Units units;
    private final Hospitals hospitalBoards;
    private final GridIncidents incidents;
    private final UnitClaims unitClaims;
    private final BedClaims bedClaims;
    private final Database database;
    private final Clock clock;
    private final IncidentRepository incidentRepository = new IncidentRepository();
    private final HospitalRepository hospitals = new HospitalRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final AlsFollowUpRepository followUps = new AlsFollowUpRepository();

    public IncidentClosing(Grid grid, UnitClaims unitClaims, BedClaims bedClaims, Database database, Clock clock) {
        this.units = grid;
        this.hospitalBoards = grid;
        this.incidents = new GridIncidents(grid);
        this.unitClaims = unitClaims;
        this.bedClaims = bedClaims;
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param reason     one sentence for the timeline (no personal data)
     * @param handedOver the patient reached the hospital: the bed stays occupied
     */
    public CloseResult close(String incidentId, String reason, boolean handedOver) {
        Instant now = clock.instant();
        Optional<Incident> closed = incidents.move(incidentId, IncidentState.CLOSED, now);
        if (closed.isEmpty()) {
            return database.withConnection(c -> incidentRepository.find(c, incidentId))
                    .<CloseResult>map(CloseResult.NotOpen::new)
                    .orElseGet(() -> new CloseResult.Unknown(incidentId));
        }
        Incident incident = closed.get();
        StringBuilder message = new StringBuilder("Closed: ").append(reason);
        Unit freed = null;
        Unit unit = incident.unitId() == null ? null : units.unit(incident.unitId()).orElse(null);
        if (unit != null && incidentId.equals(unit.incidentId())) {
            unitClaims.release(unit.id(), incidentId);
            Unit after = units.unit(unit.id()).orElse(null);
            if (after != null && after.isAvailable()) {
                freed = after;
                message.append("; unit ").append(unit.callSign()).append(" is available again");
            }
        }
        Unit freedSupport = releaseSupport(incident, now, message);
        Optional<String> bedAt = Optional.ofNullable(incident.hospitalId())
                .or(() -> database.withConnection(c -> hospitals.reservationOf(c, incidentId)));
        if (bedAt.isPresent()) {
            String name = hospitalBoards.hospital(bedAt.get()).map(Hospital::name).orElse(bedAt.get());
            if (handedOver) {
                bedClaims.handOver(bedAt.get(), incidentId);
                message.append("; the patient was handed over at ").append(name).append(", the bed stays occupied");
            } else {
                bedClaims.release(bedAt.get(), incidentId);
                message.append("; the bed reserved at ").append(name).append(" is free again");
            }
        }
        database.inTransaction(c -> {
            timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.CLOSED, message.toString()));
            return null;
        });
        return new CloseResult.Closed(incident, freed, freedSupport);
    }

    /** Ends the incident's ALS follow-up and frees its second unit, if one is still on it. */
    private Unit releaseSupport(Incident incident, Instant now, StringBuilder message) {
        Optional<AlsFollowUp> followUp = database.withConnection(c -> followUps.find(c, incident.id()));
        if (followUp.isEmpty() || !followUp.get().open()) {
            return null;
        }
        database.inTransaction(c -> followUps.end(c, incident.id(), now));
        String supportId = followUp.get().supportUnitId();
        Unit support = supportId == null || supportId.equals(incident.unitId()) ? null : units.unit(supportId).orElse(null);
        if (support == null || !incident.id().equals(support.incidentId())) {
            message.append(supportId == null ? "; no ALS unit is sought any more" : "");
            return null;
        }
        unitClaims.release(support.id(), incident.id());
        Unit after = units.unit(support.id()).orElse(null);
        message.append("; second unit ").append(support.callSign()).append(" is released");
        return after != null && after.isAvailable() ? after : null;
    }
}
