package org.sahaya.dispatch.assignment;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.dispatch.claims.BedClaims;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.hospital.HospitalDecisions;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.geo.GeoPoint;

/**
 * Reserves an incident's bed where {@link BedChoice} says, trying each hospital in turn on its owner
 * (a refused reservation moves on to the next), ranked from this member's copy of the bed boards.
 * Reads the family's preference, any bed already held for the incident and the hospitals that declined it
 * (never tried again) from the database. Blocking.
 */
final class BedReservations {

    private final HospitalBoard hospitals;
    private final BedClaims bedClaims;
    private final BedChoice choice;
    private final Database database;
    private final DirectoryRepository directory = new DirectoryRepository();
    private final HospitalRepository hospitalRepository = new HospitalRepository();
    private final HospitalDecisions decisions = new HospitalDecisions();

    BedReservations(HospitalBoard hospitals, BedClaims bedClaims, BedChoice choice, Database database) {
        this.hospitals = hospitals;
        this.bedClaims = bedClaims;
        this.choice = choice;
        this.database = database;
    }

    /**
     * What a reservation got.
     *
     * @param bed  the hospital now holding the bed, or null if none had one free
     * @param plan the hospitals it tried, in order, and whether the bed was kept from before
     */
    record Reserved(HospitalOption bed, BedChoice.Plan plan) {
    }

    /** A bed for a dispatch: the one a previous run held for the incident, else the best free one. */
    Reserved forDispatch(Incident incident, GeoPoint scene, ZonedDateTime at) {
        // One connection for both reads: this is the hot path.
        Held held = database.withConnection(c -> new Held(hospitalRepository.reservationOf(c, incident.id()),
                decisions.decliners(c, incident.id())));
        return reserve(incident, choice.plan(hospitals.all(), scene, incident.bedKind(), preferredHospital(incident),
                held.at(), held.decliners(), at));
    }

    /** A bed for an incident dispatched without one, now that a hospital reported free beds. */
    Reserved late(Incident incident, GeoPoint scene, ZonedDateTime at) {
        return reserve(incident, choice.plan(hospitals.all(), scene, incident.bedKind(), preferredHospital(incident),
                Optional.empty(), decliners(incident), at));
    }

    /**
     * A bed for an incident whose receiving hospital just declined it: the best free one elsewhere, never at
     * {@code declining} nor at any hospital that declined it before.
     */
    Reserved elsewhere(Incident incident, String declining, GeoPoint scene, ZonedDateTime at) {
        Set<String> excluded = new HashSet<>(decliners(incident));
        excluded.add(declining);
        return reserve(incident, choice.plan(hospitals.all(), scene, incident.bedKind(), preferredHospital(incident),
                Optional.empty(), excluded, at));
    }

    private record Held(Optional<String> at, Set<String> decliners) {
    }

    private Set<String> decliners(Incident incident) {
        return database.withConnection(c -> decisions.decliners(c, incident.id()));
    }

    /** A bed board as this member just changed it (a report): ranked from at once. */
    void update(Hospital hospital) {
        hospitals.update(hospital);
    }

    void release(String hospitalId, String incidentId) {
        bedClaims.release(hospitalId, incidentId);
    }

    private Reserved reserve(Incident incident, BedChoice.Plan plan) {
        for (HospitalOption h : plan.order()) {
            try {
                if (bedClaims.reserve(h.hospitalId(), incident.id(), incident.bedKind())) {
                    return new Reserved(h, plan);
                }
            } catch (PersistenceException e) {
                if (!e.isDuplicateKey()) {
                    throw e;
                }
                // Another member completing the same dispatch (it resumed this claim) reserved the incident's bed
                // elsewhere first: the database holds one bed per incident, and the grid kept this board unchanged.
                return new Reserved(heldElsewhere(incident, plan), plan);
            }
        }
        return new Reserved(null, plan);
    }

    /** The option of the hospital that holds the incident's bed now, if this plan ranked it; else null. */
    private HospitalOption heldElsewhere(Incident incident, BedChoice.Plan plan) {
        Optional<String> at = database.withConnection(c -> hospitalRepository.reservationOf(c, incident.id()));
        return plan.order().stream().filter(o -> at.filter(o.hospitalId()::equals).isPresent()).findFirst().orElse(null);
    }

    private String preferredHospital(Incident incident) {
        return database.withConnection(c -> directory.subscriber(c, incident.subscriberId())
                .map(Subscriber::preferredHospitalId).orElse(null));
    }
}
