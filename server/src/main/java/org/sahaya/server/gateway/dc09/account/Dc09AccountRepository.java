package org.sahaya.server.gateway.dc09.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/** The {@code dc09_accounts} table. Blocking JDBC. */
public final class Dc09AccountRepository {

    /**
     * A row as written by an operator or the demo seeder.
     *
     * @param key       the AES key as written (ASCII or hex, see {@code keyFormat}), or null for an unencrypted account
     * @param keyFormat {@code ASCII} or {@code HEX}; null when there is no key
     * @param clearTextAllowed whether the account takes messages in the clear (off for a new account)
     */
    public record Row(String account, String receiver, String prefix, String deviceId, String key, String keyFormat,
                      Integer timestampWindowSeconds, boolean demo, boolean clearTextAllowed) {

        /** A row that takes no message in the clear. */
        public Row(String account, String receiver, String prefix, String deviceId, String key, String keyFormat,
                   Integer timestampWindowSeconds, boolean demo) {
            this(account, receiver, prefix, deviceId, key, keyFormat, timestampWindowSeconds, demo, false);
        }

        @Override
        public String toString() {
            return "Row[" + account + " -> " + deviceId + (key == null ? "" : ", encrypted") + "]";
        }
    }

    public void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dc09_accounts (account, receiver, line_prefix,"
                + " device_id, encryption_key, key_format, timestamp_window_seconds, demo, clear_text_allowed)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, row.account().toUpperCase());
            ps.setString(2, row.receiver());
            ps.setString(3, row.prefix());
            ps.setString(4, row.deviceId());
            ps.setString(5, row.key());
            ps.setString(6, row.keyFormat());
            if (row.timestampWindowSeconds() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, row.timestampWindowSeconds());
            }
            ps.setBoolean(8, row.demo());
            ps.setBoolean(9, row.clearTextAllowed());
            ps.executeUpdate();
        }
    }

    public boolean exists(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dc09_accounts WHERE account = ?")) {
            ps.setString(1, account.toUpperCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * @throws IllegalArgumentException if the stored key is not a valid AES key (the message names no key)
     */
    public Optional<Dc09Account> find(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dc09_accounts WHERE account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = rs.getString("encryption_key");
                int window = rs.getInt("timestamp_window_seconds");
                boolean hasWindow = !rs.wasNull();
                return Optional.of(new Dc09Account(rs.getString("account"), rs.getString("receiver"),
                        rs.getString("line_prefix"), rs.getString("device_id"),
                        key == null ? null : AccountKey.of(key, AccountKey.Format.valueOf(rs.getString("key_format"))),
                        hasWindow ? Duration.ofSeconds(window) : null, rs.getBoolean("demo"),
                        rs.getBoolean("clear_text_allowed")));
            }
        }
    }
}
