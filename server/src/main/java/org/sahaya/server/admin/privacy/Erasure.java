package org.sahaya.server.admin.privacy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * The right to erasure (DPDP Act s. 12, GDPR art. 17): removes or irreversibly pseudonymises a
 * subscriber's personal data in every table, in one transaction, then in every grid map
 * ({@link GridErasure}). Refused while an incident of theirs is open: the crew and the family still
 * need it.
 *
 * <p>The subscriber row stays, as {@code erased-<random>} with its home coarsened to about 1 km and
 * {@code erased_at} set, so that their incidents keep their anonymous facts for the service-level
 * reports ({@link IncidentPurge}). Contacts stay as empty shells (the family messages refer to them),
 * with no name, number or token; their preferences and push tokens go. Devices are revoked and given a
 * random secret nobody knows, and after the commit their open sessions on every member are dropped;
 * DC-09 keys go. Device health and the consent history go; a withdrawn consent to anonymous statistics
 * stays (its incidents must stay out of the reports). The audit log is append-only and names records by
 * id only: it is kept. Blocking.
 */
public final class Erasure {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final SecretBox secrets;
    private final GridErasure grid;
    private final Consumer<String> deviceRevoked;

    /**
     * @param deviceRevoked told each of the person's device ids after the commit, to end the device's live
     *                      sessions on every member as a revocation does ({@code DeviceRevocations.publish})
     */
    public Erasure(Database database, SecretBox secrets, GridErasure grid, Consumer<String> deviceRevoked) {
        this.database = database;
        this.secrets = secrets;
        this.grid = grid;
        this.deviceRevoked = deviceRevoked;
    }

    /**
     * Erases {@code subscriberId}. Doing it again changes nothing more.
     *
     * @throws ErasureRefused if there is no such subscriber, or an incident of theirs is open
     */
    public ErasureReport erase(String subscriberId, Instant now) {
        String pseudonym = "erased-" + HexFormat.of().formatHex(bytes()).substring(0, 16);
        List<String> keys = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        Map<String, Integer> counts = database.inTransaction(c -> {
            // Locked first: on PostgreSQL an alert racing the erasure (its open_incidents row refers to this one)
            // waits for the commit; H2 does not lock the parent row, so there the window is the transaction's.
            if (Rows.list(c, "SELECT id FROM subscribers WHERE id = ? FOR UPDATE", subscriberId).isEmpty()) {
                throw new ErasureRefused(ErasureRefused.Reason.UNKNOWN, "no subscriber " + subscriberId);
            }
            List<String> open = Rows.strings(c, "SELECT incident_id FROM open_incidents WHERE subscriber_id = ?",
                    subscriberId);
            if (!open.isEmpty()) {
                throw new ErasureRefused(ErasureRefused.Reason.OPEN_INCIDENT, "incident " + open.getFirst()
                        + " of subscriber " + subscriberId + " is open; erase after it closes");
            }
            return eraseRows(c, subscriberId, pseudonym, now, keys, devices);
        });
        int evicted = grid.evict(keys);
        // The rows refuse every new login and signature from the commit; open MQTT sessions end here.
        devices.forEach(deviceRevoked);
        return new ErasureReport(subscriberId, pseudonym, now, counts, evicted);
    }

    private Map<String, Integer> eraseRows(Connection c, String id, String pseudonym, Instant now, List<String> keys,
                                           List<String> erasedDevices) throws SQLException {
        List<String> incidents = Rows.strings(c, "SELECT id FROM incidents WHERE subscriber_id = ?", id);
        List<String> contacts = Rows.strings(c, "SELECT id FROM contacts WHERE subscriber_id = ?", id);
        List<String> devices = Rows.strings(c, "SELECT id FROM devices WHERE subscriber_id = ?", id);
        List<String> accounts = Rows.strings(c, "SELECT a.account FROM dc09_accounts a JOIN devices d"
                + " ON d.id = a.device_id WHERE d.subscriber_id = ?", id);
        keys.add(id);
        keys.addAll(incidents);
        keys.addAll(contacts);
        keys.addAll(devices);
        erasedDevices.addAll(devices);
        keys.addAll(accounts);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("subscriber", Rows.update(c, "UPDATE subscribers SET name = ?, address = NULL, landmark = NULL,"
                + " access_notes = NULL, medical_profile = NULL, time_zone = NULL, client_id = NULL,"
                + " home_lat = FLOOR(home_lat * 100) / 100, home_lon = FLOOR(home_lon * 100) / 100,"
                + " erased_at = COALESCE(erased_at, ?), updated_at = ? WHERE id = ?",
                pseudonym, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), id));
        counts.putAll(IncidentPurge.purge(c, incidents, now));
        // Messages to their contacts outside their incidents' rows (none today), and the contacts themselves.
        for (String contact : contacts) {
            Rows.update(c, "DELETE FROM sandbox_messages WHERE notification_id IN"
                    + " (SELECT id FROM notifications WHERE contact_id = ?)", contact);
            Rows.update(c, "UPDATE notifications SET body = ?, provider_id = NULL, failure_reason = NULL"
                    + " WHERE contact_id = ? AND body <> ?", IncidentPurge.GONE, contact, IncidentPurge.GONE);
        }
        Object[] contactIds = contacts.toArray();
        String inContacts = "(" + Rows.marks(contactIds.length) + ")";
        counts.put("contactPreferences", Rows.update(c, "DELETE FROM contact_preferences WHERE contact_id IN "
                + inContacts, contactIds));
        counts.put("pushTokens", Rows.update(c, "DELETE FROM contact_push_tokens WHERE contact_id IN " + inContacts,
                contactIds));
        counts.put("contacts", Rows.update(c, "UPDATE contacts SET name = ?, relation = ?, phone = ?, push_token = NULL"
                + " WHERE subscriber_id = ?", "erased", "erased", "", id));
        for (String device : devices) {
            Rows.update(c, "UPDATE devices SET secret = ?, previous_secret = NULL, previous_secret_until = NULL,"
                    + " revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                    secrets.seal(SecretColumn.DEVICE_SECRET, device, HexFormat.of().formatHex(bytes())),
                    now.atOffset(ZoneOffset.UTC), device);
        }
        counts.put("devices", devices.size());
        Object[] deviceIds = devices.toArray();
        String inDevices = "(" + Rows.marks(deviceIds.length) + ")";
        counts.put("deviceHealth", Rows.update(c, "DELETE FROM device_health WHERE device_id IN " + inDevices, deviceIds));
        counts.put("dc09Keys", Rows.update(c, "UPDATE dc09_accounts SET encryption_key = NULL, clear_text_allowed = ?"
                + " WHERE device_id IN " + inDevices, prepend(deviceIds, false)));
        counts.put("consentHistory", Rows.update(c, "DELETE FROM consent_history WHERE subscriber_id = ?", id));
        counts.put("consents", Rows.update(c, "DELETE FROM consents WHERE subscriber_id = ? AND NOT (purpose = ?"
                + " AND granted = ?)", id, ConsentPurpose.ANONYMOUS_STATISTICS.name(), false));
        return counts;
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Object[] prepend(Object[] ids, Object first) {
        Object[] all = new Object[ids.length + 1];
        all[0] = first;
        System.arraycopy(ids, 0, all, 1, ids.length);
        return all;
    }
}
