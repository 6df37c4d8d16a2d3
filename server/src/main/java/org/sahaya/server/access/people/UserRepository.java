package org.sahaya.server.access.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;

/**
 * The {@code users} table. Blocking JDBC. The only class that reads or writes {@code totp_secret},
 * so that encrypting it at rest is a change here alone. Refuses to store a demo user or a name the
 * rules of {@link User#checkNew} do not allow.
 */
public final class UserRepository {

    /** @throws IllegalArgumentException for a name, roles or partner {@link User#checkNew} refuses */
    public void insert(Connection c, User u) throws SQLException {
        User.checkNew(u.username(), u.roles(), u.partner(), u.unit());
        PasswordHash.parse(u.passwordHash());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, password_hash, totp_secret, roles,"
                + " partner, created_at, disabled, last_login_at, unit_id) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, u.username());
            ps.setString(2, u.passwordHash());
            ps.setString(3, u.totpSecret());
            ps.setString(4, User.joinRoles(u.roles()));
            ps.setString(5, u.partner());
            Jdbc.setInstant(ps, 6, u.createdAt());
            ps.setBoolean(7, u.disabled());
            Jdbc.setInstant(ps, 8, u.lastLoginAt());
            ps.setString(9, u.unit());
            ps.executeUpdate();
        }
    }

    public boolean exists(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The user with everything a login checks: hash and TOTP secret included. */
    public Optional<User> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs, rs.getString("password_hash"), rs.getString("totp_secret")))
                        : Optional.empty();
            }
        }
    }

    /** Every user by name, without hash or secret. */
    public List<User> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT username, roles, partner, created_at, disabled,"
                + " last_login_at, unit_id FROM users ORDER BY username")) {
            try (ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(user(rs, null, null));
                }
                return out;
            }
        }
    }

    /** Whether the user exists and is not disabled: a session of anyone else ends. */
    public boolean active(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT disabled FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getBoolean(1);
            }
        }
    }

    /** Whether a unit of that id is on record (a crew user is bound to one). */
    public boolean unitExists(Connection c, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM units WHERE id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return false if no such user */
    public boolean disable(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = TRUE WHERE username = ?")) {
            ps.setString(1, username);
            return ps.executeUpdate() == 1;
        }
    }

    public void loggedIn(Connection c, String username, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET last_login_at = ? WHERE username = ?")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, username);
            ps.executeUpdate();
        }
    }

    private static User user(ResultSet rs, String hash, String secret) throws SQLException {
        return new User(rs.getString("username"), hash, secret, User.splitRoles(rs.getString("roles")),
                rs.getString("partner"), Jdbc.getInstant(rs, "created_at"), rs.getBoolean("disabled"),
                Jdbc.getInstant(rs, "last_login_at"), rs.getString("unit_id"));
    }
}
