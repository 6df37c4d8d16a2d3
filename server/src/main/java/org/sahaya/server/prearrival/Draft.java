package org.sahaya.server.prearrival;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.secret.SecretBox;

/**
 * A notice worked out before it is sent: what was told last, which notice follows, how the hospital hears it,
 * and who the patient is. Read without a lock; the sending transaction checks {@link #told} is still the last.
 */
record Draft(String hospitalId, Optional<NoticeKind.Told> told, NoticeKind kind, Instant expected, NoticeRows.Channel channel,
             NoticeFacts.Patient patient, Optional<NoticeFacts.Clinical> clinical) {

    /**
     * The notice to send to {@code hospitalId} now that the patient stands at {@code wanted}; empty when none
     * is due. {@code expected} null keeps the expected arrival last told (a cancellation).
     */
    static Optional<Draft> read(Connection c, SecretBox secrets, Incident incident, String hospitalId,
                                NoticeStatus wanted, Instant expected, Instant at) throws SQLException {
        Optional<NoticeKind.Told> told = NoticeRows.told(c, incident.id(), hospitalId, false);
        Instant when = expected != null ? expected : told.map(NoticeKind.Told::expectedArrival).orElse(at);
        Optional<NoticeKind> kind = NoticeKind.next(told, wanted, when);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<NoticeFacts.Patient> patient = NoticeRows.patient(c, incident.subscriberId());
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        NoticeRows.Channel channel = NoticeRows.channel(c, hospitalId);
        Optional<NoticeFacts.Clinical> clinical = channel.transport().isEmpty() || wanted == NoticeStatus.CANCELLED
                ? Optional.empty() : NoticeRows.clinical(c, secrets, incident.subscriberId());
        return Optional.of(new Draft(hospitalId, told, kind.get(), when, channel, patient.get(), clinical));
    }

    NoticeFacts facts(Incident incident, String hospitalName) {
        return new NoticeFacts(incident.id(), incident.priority().name(), incident.alertType().name(), patient,
                hospitalId, hospitalName, expected, kind.status(), clinical);
    }
}
