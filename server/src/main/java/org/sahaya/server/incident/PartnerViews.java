package org.sahaya.server.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.server.admin.privacy.MedicalProfile;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;

/**
 * What a partner may see of an incident, and no more. A fleet sees the jobs of its own units with
 * what the crew needs (who, where, what happened, where to take them); a hospital sees the patients
 * coming to it (who, what happened, which unit, which bed, when) but not their home or family.
 * Neither sees the family, the messages or the timeline. Both see the patient's medical profile only
 * if the subscriber consented to sharing it ({@code SHARE_MEDICAL_PROFILE}, read at each view, so a
 * withdrawal counts at once); otherwise {@code medicalProfile} is null.
 *
 * @param owner   the fleet partner a unit belongs to, by unit id
 * @param secrets opens the sealed medical profile
 */
public record PartnerViews(Database database, Units units, Hospitals hospitals,
                           Function<String, Optional<String>> owner, SecretBox secrets) {

    private static final DirectoryRepository DIRECTORY = new DirectoryRepository();
    private static final IncidentRepository INCIDENTS = new IncidentRepository();

    /** A crew's job: the incident as the fleet of its unit sees it. */
    public record CrewJob(String id, String state, String priority, String alertType, String patientName,
                          String patientLanguage, Coordinates location, Instant openedAt, Instant dispatchedAt,
                          Integer etaSeconds, IncidentView.UnitRef unit, IncidentView.HospitalRef hospital,
                          String bedKind, MedicalProfile medicalProfile) {
    }

    /** A patient on the way, as the receiving hospital sees them. */
    public record IncomingPatient(String id, String state, String priority, String alertType, String patientName,
                                  Instant dispatchedAt, Integer etaSeconds, IncidentView.UnitRef unit, String bedKind,
                                  MedicalProfile medicalProfile) {
    }

    /** One line of a partner's list: no subscriber, no family. */
    public record PartnerSummary(String id, String state, String priority, String alertType, Instant openedAt,
                                 String unitId, String hospitalId, Integer etaSeconds) {
    }

    /** The outcome of a partner's read: the view, or why not. */
    public sealed interface Read {
        record Shown(Object view) implements Read {
        }

        record NotFound() implements Read {
        }

        record NotYours() implements Read {
        }
    }

    /** The incident as {@code partner} may see it: a crew job for its fleet's unit, a patient for its hospital. */
    public Read read(Caller partner, String incidentId) {
        return database.withConnection(c -> {
            Optional<Incident> found = INCIDENTS.find(c, incidentId);
            if (found.isEmpty()) {
                return new Read.NotFound();
            }
            Incident i = found.get();
            if (!sees(partner, i.unitId(), i.hospitalId())) {
                return new Read.NotYours();
            }
            String name = DIRECTORY.subscriber(c, i.subscriberId()).map(s -> s.name()).orElse(null);
            MedicalProfile profile = MedicalProfile.shared(c, secrets, i.subscriberId()).orElse(null);
            IncidentView.UnitRef unit = i.unitId() == null ? null : units.unit(i.unitId())
                    .map(u -> new IncidentView.UnitRef(u.id(), u.callSign(), u.level().name(), u.station(),
                            u.status().name())).orElse(null);
            if (partner.has(Role.FLEET)) {
                String language = DIRECTORY.subscriber(c, i.subscriberId()).map(s -> s.language()).orElse(null);
                IncidentView.HospitalRef hospital = i.hospitalId() == null ? null : hospitals.hospital(i.hospitalId())
                        .map(h -> new IncidentView.HospitalRef(h.id(), h.name(), h.partner())).orElse(null);
                return new Read.Shown(new CrewJob(i.id(), i.state().name(), i.priority().name(), i.alertType().name(),
                        name, language, i.location(), i.openedAt(), i.dispatchedAt(), i.etaSeconds(), unit, hospital,
                        i.bedKind() == null ? null : i.bedKind().name(), profile));
            }
            return new Read.Shown(new IncomingPatient(i.id(), i.state().name(), i.priority().name(),
                    i.alertType().name(), name, i.dispatchedAt(), i.etaSeconds(), unit,
                    i.bedKind() == null ? null : i.bedKind().name(), profile));
        });
    }

    /** The lines of a page {@code partner} may see; a page may hold fewer than its limit. */
    public List<PartnerSummary> filter(Caller partner, List<IncidentViews.IncidentSummary> page) {
        return page.stream().filter(s -> sees(partner, s.unitId(), s.hospitalId()))
                .map(s -> new PartnerSummary(s.id(), s.state(), s.priority(), s.alertType(), s.openedAt(), s.unitId(),
                        s.hospitalId(), s.etaSeconds()))
                .toList();
    }

    private boolean sees(Caller partner, String unitId, String hospitalId) {
        if (partner.has(Role.FLEET) && unitId != null
                && owner.apply(unitId).map(partner::owns).orElse(false)) {
            return true;
        }
        return partner.has(Role.HOSPITAL) && hospitalId != null && partner.owns(hospitalId);
    }
}
