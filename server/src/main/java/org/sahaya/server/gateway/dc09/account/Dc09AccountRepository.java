package org.sahaya.server.gateway.dc09.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * The {@code dc09_accounts} table. Blocking JDBC. An account's AES key is stored sealed with the master
 * key ({@link SecretBox}, bound to the account) and opened only when the account is read for a message.
 */
public final class Dc09AccountRepository {

    private final SecretBox secrets;

    /** @param secrets seals keys on insert and opens them on find */
    public Dc09AccountRepository(SecretBox secrets) {
        this.secrets = secrets;
    }

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
            String account = row.account().toUpperCase();
            ps.setString(1, account);
            ps.setString(2, row.receiver());
            ps.setString(3, row.prefix());
            ps.setString(4, row.deviceId());
            ps.setString(5, secrets.seal(SecretColumn.DC09_KEY, account, row.key()));
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
     * @throws SecretBox.Unopenable if the stored key is sealed but does not open with this master key
     */
    public Optional<Dc09Account> find(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dc09_accounts WHERE account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = secrets.open(SecretColumn.DC09_KEY, rs.getString("account"), rs.getString("encryption_key"));
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

    /** An account as an admin sees it: whether it has a key, never the key. */
    public record Described(String account, String receiver, String prefix, String deviceId, boolean hasKey,
                            Integer timestampWindowSeconds, boolean demo, boolean clearTextAllowed) {
    }

    /**
     * Changes an account's settings; its key only when {@code replaceKey} (a null key then removes it).
     *
     * @return false for an unknown account
     */
    public boolean update(Connection c, Row row, boolean replaceKey) throws SQLException {
        String account = row.account().toUpperCase();
        try (PreparedStatement ps = c.prepareStatement("UPDATE dc09_accounts SET receiver = ?, line_prefix = ?,"
                + " device_id = ?, timestamp_window_seconds = ?, clear_text_allowed = ?"
                + (replaceKey ? ", encryption_key = ?, key_format = ?" : "") + " WHERE account = ?")) {
            ps.setString(1, row.receiver());
            ps.setString(2, row.prefix());
            ps.setString(3, row.deviceId());
            if (row.timestampWindowSeconds() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, row.timestampWindowSeconds());
            }
            ps.setBoolean(5, row.clearTextAllowed());
            int i = 6;
            if (replaceKey) {
                ps.setString(i++, secrets.seal(SecretColumn.DC09_KEY, account, row.key()));
                ps.setString(i++, row.keyFormat());
            }
            ps.setString(i, account);
            return ps.executeUpdate() > 0;
        }
    }

    /** @return false for an unknown account */
    public boolean delete(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dc09_accounts WHERE account = ?")) {
            ps.setString(1, account.toUpperCase());
            return ps.executeUpdate() > 0;
        }
    }

    /** The account without opening its key, or empty for an unknown one. */
    public Optional<Described> describe(Connection c, String account) throws SQLException {
        List<Described> one = select(c, "SELECT * FROM dc09_accounts WHERE account = ?", account.toUpperCase(), null, 1);
        return one.stream().findFirst();
    }

    /** Up to {@code limit} accounts in account order after {@code after} (null: from the first), of one device if given. */
    public List<Described> page(Connection c, String after, int limit, String deviceId) throws SQLException {
        return select(c, "SELECT * FROM dc09_accounts WHERE account > ?" + (deviceId == null ? "" : " AND device_id = ?")
                + " ORDER BY account LIMIT ?", after == null ? "" : after.toUpperCase(), deviceId, limit);
    }

    private static List<Described> select(Connection c, String sql, String first, String second, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, first);
            if (second != null) {
                ps.setString(i++, second);
            }
            if (sql.endsWith("LIMIT ?")) {
                ps.setInt(i, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Described> out = new ArrayList<>();
                while (rs.next()) {
                    int window = rs.getInt("timestamp_window_seconds");
                    Integer w = rs.wasNull() ? null : window;
                    out.add(new Described(rs.getString("account"), rs.getString("receiver"), rs.getString("line_prefix"),
                            rs.getString("device_id"), rs.getString("encryption_key") != null, w, rs.getBoolean("demo"),
                            rs.getBoolean("clear_text_allowed")));
                }
                return out;
            }
        }
    }
}
