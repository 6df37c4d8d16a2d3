package org.sahaya.notify.channel.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.Jdbc;

/**
 * Reads back what the {@link SandboxChannel} "sent", newest first, so a demo user or a test can see
 * the family's phone. Blocking JDBC.
 */
public final class SandboxInbox {

    /** Upper bound on one read, so an API caller cannot ask for the whole table. */
    public static final int MAX_LIMIT = 500;

    private final Database database;

    public SandboxInbox(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The latest {@code limit} messages (at most {@link #MAX_LIMIT}), newest first. */
    public List<SandboxMessage> latest(int limit) {
        return latest(limit, null);
    }

    /**
     * The latest {@code limit} messages (at most {@link #MAX_LIMIT}) to {@code recipient}, newest first.
     *
     * @param recipient E.164 number, or null for every recipient
     */
    public List<SandboxMessage> latest(int limit, String recipient) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        int bounded = Math.min(limit, MAX_LIMIT);
        return database.withConnection(c -> read(c, bounded, recipient));
    }

    private static List<SandboxMessage> read(Connection c, int limit, String recipient) throws SQLException {
        String sql = "SELECT * FROM sandbox_messages"
                + (recipient == null ? "" : " WHERE recipient = ?")
                + " ORDER BY seq DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            if (recipient != null) {
                ps.setString(index++, recipient);
            }
            ps.setInt(index, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<SandboxMessage> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SandboxMessage(rs.getLong("seq"), rs.getString("notification_id"),
                            rs.getString("recipient"), rs.getString("language"), rs.getString("body"),
                            Jdbc.getInstant(rs, "sent_at")));
                }
                return out;
            }
        }
    }
}
