package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * The {@code subscribers} rows of the administration API and the import: one at a time, in JDBC
 * batches, and in keyset pages. The medical profile is sealed on the way in and opened on the way
 * out. Blocking JDBC on the caller's connection.
 */
final class SubscriberRows {

    /** Ids looked up at once when checking which exist: well under every database's parameter limit. */
    static final int CHUNK = 500;

    private static final String COLUMNS = "name, home_lat, home_lon, language, preferred_hospital_id, address, landmark,"
            + " access_notes, time_zone, client_id, updated_at, medical_profile";

    /** A stored subscriber with its medical profile opened. */
    record Stored(SubscriberRecord record, Instant updatedAt, Instant erasedAt) {
    }

    /** A page filter: each null matches all. */
    record Filter(String namePrefix, String clientId, String language) {
    }

    private final SecretBox secrets;

    SubscriberRows(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** Which of {@code ids} are the id of a row of {@code table} (column {@code id}). */
    static Set<String> existing(Connection c, String table, Collection<String> ids) throws SQLException {
        return ids(c, "SELECT id FROM " + table + " WHERE id IN (", ids);
    }

    /** Which of {@code ids} are subscribers erased: their record stays only as a pseudonymised shell. */
    static Set<String> erased(Connection c, Collection<String> ids) throws SQLException {
        return ids(c, "SELECT id FROM subscribers WHERE erased_at IS NOT NULL AND id IN (", ids);
    }

    /**
     * The refusal of a write that would put personal data back under an erased subscriber's id (the
     * subscriber itself, or a contact or device of theirs): 409 {@code subscriber-erased}.
     */
    static org.sahaya.server.admin.RecordRefused.Fault erasedFault(String field, String subscriberId) {
        return new org.sahaya.server.admin.RecordRefused.Fault(field, "subscriber " + subscriberId + " was erased;"
                + " a person who returns is registered as a new subscriber", 409, "subscriber-erased");
    }

    /** The ids {@code select} (ending in {@code IN (}) answers for {@code ids}, asked in chunks. */
    private static Set<String> ids(Connection c, String select, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(select + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** Inserts {@code created} and updates {@code updated}, in batches. */
    void store(Connection c, List<SubscriberRecord> created, List<SubscriberRecord> updated, Instant now)
            throws SQLException {
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscribers (" + COLUMNS + ", id)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                batch(ps, created, now);
            }
        }
        if (!updated.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET name = ?, home_lat = ?, home_lon = ?,"
                    + " language = ?, preferred_hospital_id = ?, address = ?, landmark = ?, access_notes = ?,"
                    + " time_zone = ?, client_id = ?, updated_at = ?, medical_profile = ? WHERE id = ?")) {
                batch(ps, updated, now);
            }
        }
    }

    private void batch(PreparedStatement ps, List<SubscriberRecord> records, Instant now) throws SQLException {
        int n = 0;
        for (SubscriberRecord r : records) {
            ps.setString(1, r.name());
            ps.setDouble(2, r.home().lat());
            ps.setDouble(3, r.home().lon());
            ps.setString(4, r.language());
            ps.setString(5, r.preferredHospitalId());
            ps.setString(6, r.home().address());
            ps.setString(7, r.home().landmark());
            ps.setString(8, r.home().accessNotes());
            ps.setString(9, r.timeZone());
            ps.setString(10, r.clientId());
            Jdbc.setInstant(ps, 11, now);
            ps.setString(12, r.medicalProfile() == null ? null
                    : secrets.seal(SecretColumn.MEDICAL_PROFILE, r.id(), r.medicalProfile().toJson().encode()));
            ps.setString(13, r.id());
            ps.addBatch();
            if (++n % 1000 == 0) {
                ps.executeBatch();
            }
        }
        ps.executeBatch();
    }

    Optional<Stored> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + ", erased_at FROM subscribers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs, true)) : Optional.empty();
            }
        }
    }

    /** Up to {@code limit} subscribers after {@code after} in id order, without their medical profiles. */
    List<Stored> page(Connection c, String after, int limit, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, " + COLUMNS + ", erased_at FROM subscribers WHERE id > ?");
        List<String> args = new ArrayList<>();
        args.add(after == null ? "" : after);
        if (filter.namePrefix() != null) {
            sql.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
            args.add(filter.namePrefix().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.clientId() != null) {
            sql.append(" AND client_id = ?");
            args.add(filter.clientId());
        }
        if (filter.language() != null) {
            sql.append(" AND language = ?");
            args.add(filter.language());
        }
        sql.append(" ORDER BY id");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Stored> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(stored(rs, false));
                }
                return out;
            }
        }
    }

    private Stored stored(ResultSet rs, boolean withProfile) throws SQLException {
        String id = rs.getString("id");
        String sealed = withProfile ? rs.getString("medical_profile") : null;
        MedicalProfile profile = sealed == null ? null
                : MedicalProfile.fromJson(new JsonObject(secrets.open(SecretColumn.MEDICAL_PROFILE, id, sealed)));
        SubscriberRecord r = new SubscriberRecord(id, rs.getString("name"), new SubscriberRecord.Home(
                rs.getDouble("home_lat"), rs.getDouble("home_lon"), rs.getString("address"), rs.getString("landmark"),
                rs.getString("access_notes")), rs.getString("language"), rs.getString("time_zone"),
                rs.getString("client_id"), rs.getString("preferred_hospital_id"), profile, java.util.Map.of(), null);
        return new Stored(r, Jdbc.getInstant(rs, "updated_at"), Jdbc.getInstant(rs, "erased_at"));
    }
}
