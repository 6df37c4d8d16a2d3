package org.sahaya.server.admin.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.persistence.ConsentGate;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * Consent per purpose ({@code consents}, and every recording in {@code consent_history}): the one
 * reader the other features ask ("may we tell the family? send the medical profile?") and the one
 * writer. Blocking JDBC on the caller's connection.
 *
 * <p><b>Default when nothing was recorded</b> (subscribers put in before consents existed, such as the
 * demo city's): {@code EMERGENCY_DISPATCH}, {@code FAMILY_NOTIFICATION} and {@code ANONYMOUS_STATISTICS}
 * count as granted, which is what those subscribers were enrolled for and how the service has treated
 * them; {@code SHARE_MEDICAL_PROFILE} counts as withdrawn, because health data goes to a third party only
 * on an explicit grant. A subscriber created through the API or an import always has an
 * {@code EMERGENCY_DISPATCH} row.
 */
public final class Consents {

    /** How a consent was given. */
    public enum Method { WRITTEN, VERBAL, ELECTRONIC, GUARDIAN }

    /** A consent as given with a record: granted or withdrawn, and how. */
    public record Given(boolean granted, Method method) {
    }

    /** A consent as recorded: with who recorded it and when. */
    public record Recorded(ConsentPurpose purpose, boolean granted, Method method, String recordedBy,
                           Instant recordedAt) {
    }

    private Consents() {
    }

    /** Reads a consent's {@code {granted, method}} as the API's body has it. */
    public static Given read(io.vertx.core.json.JsonObject json) throws org.sahaya.server.admin.RecordRefused {
        Checks checks = new Checks();
        Given given = SubscriberKind.readGiven(json, "", checks);
        checks.orRefuse();
        return given;
    }

    /** A recorded consent as the API answers it. */
    public static io.vertx.core.json.JsonObject json(Recorded r) {
        return SubscriberViews.consent(r);
    }

    /** The current consents as the API answers them: every purpose, with the default where none was recorded. */
    public static io.vertx.core.json.JsonObject json(Map<ConsentPurpose, Recorded> current) {
        return SubscriberViews.consents(current);
    }

    /** What counts when no consent was recorded for the purpose: {@link ConsentGate#grantedByDefault}. */
    public static boolean byDefault(ConsentPurpose purpose) {
        return ConsentGate.grantedByDefault(purpose);
    }

    /** Whether the subscriber's data may be used for {@code purpose} now: {@link ConsentGate#granted}. */
    public static boolean granted(Connection c, String subscriberId, ConsentPurpose purpose) throws SQLException {
        return ConsentGate.granted(c, subscriberId, purpose);
    }

    /** The consents recorded for the subscriber, by purpose (purposes never recorded are absent). */
    public static Map<ConsentPurpose, Recorded> current(Connection c, String subscriberId) throws SQLException {
        return read(c, "SELECT * FROM consents WHERE subscriber_id = ? ORDER BY purpose", subscriberId);
    }

    /** Every recording, oldest first. */
    public static List<Recorded> history(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM consent_history WHERE subscriber_id = ? ORDER BY seq")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Recorded> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(recorded(rs));
                }
                return out;
            }
        }
    }

    /** Records one consent: the current word for its purpose, and a line of history. */
    public static void record(Connection c, String subscriberId, Recorded consent) throws SQLException {
        recordAll(c, List.of(Map.entry(subscriberId, consent)));
    }

    /**
     * Records many consents in batches (the import's path): replaces the current word of each
     * (subscriber, purpose) and appends each to the history.
     */
    static void recordAll(Connection c, List<Map.Entry<String, Recorded>> consents) throws SQLException {
        recordAll(c, consents, java.util.Set.of());
    }

    /**
     * As {@link #recordAll(Connection, List)}; the subscribers in {@code created} were created in this
     * transaction and have no consent yet, so nothing of theirs is deleted first (the import's many new rows).
     */
    static void recordAll(Connection c, List<Map.Entry<String, Recorded>> consents, java.util.Set<String> created)
            throws SQLException {
        if (consents.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM consents WHERE subscriber_id = ? AND purpose = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO consents (subscriber_id, purpose, granted,"
                     + " recorded_by, recorded_at, method) VALUES (?,?,?,?,?,?)");
             PreparedStatement history = c.prepareStatement("INSERT INTO consent_history (subscriber_id, purpose,"
                     + " granted, recorded_by, recorded_at, method) VALUES (?,?,?,?,?,?)")) {
            int n = 0;
            for (Map.Entry<String, Recorded> e : consents) {
                if (!created.contains(e.getKey())) {
                    delete.setString(1, e.getKey());
                    delete.setString(2, e.getValue().purpose().name());
                    delete.addBatch();
                }
                fill(insert, e.getKey(), e.getValue());
                insert.addBatch();
                fill(history, e.getKey(), e.getValue());
                history.addBatch();
                if (++n % 1000 == 0) {
                    delete.executeBatch();
                    insert.executeBatch();
                    history.executeBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
            history.executeBatch();
        }
    }

    private static void fill(PreparedStatement ps, String subscriberId, Recorded r) throws SQLException {
        ps.setString(1, subscriberId);
        ps.setString(2, r.purpose().name());
        ps.setBoolean(3, r.granted());
        ps.setString(4, r.recordedBy());
        Jdbc.setInstant(ps, 5, r.recordedAt());
        ps.setString(6, r.method().name());
    }

    private static Map<ConsentPurpose, Recorded> read(Connection c, String sql, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<ConsentPurpose, Recorded> out = new EnumMap<>(ConsentPurpose.class);
                while (rs.next()) {
                    Recorded r = recorded(rs);
                    out.put(r.purpose(), r);
                }
                return out;
            }
        }
    }

    private static Recorded recorded(ResultSet rs) throws SQLException {
        return new Recorded(ConsentPurpose.valueOf(rs.getString("purpose")), rs.getBoolean("granted"),
                Method.valueOf(rs.getString("method")), rs.getString("recorded_by"), Jdbc.getInstant(rs, "recorded_at"));
    }
}
