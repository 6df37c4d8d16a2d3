package org.sahaya.server.admin.people;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * A device's secret over its life: made (32 random bytes, base64url), rotated (the old one kept,
 * sealed, until the grace period ends) and the device revoked. Every gateway reads the row at each
 * authentication, so each change holds on every member at its commit. Blocking JDBC.
 */
public final class DeviceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox secrets;

    public DeviceSecrets(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** A new secret: 256 random bits, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The outcome of a rotation or revocation of one device. */
    public sealed interface Change {
        /** @param secret the new secret (rotation) or null (revocation); shown once */
        record Done(String secret, Instant at, Instant previousUntil) implements Change {
            @Override
            public String toString() {
                return "Done[" + at + "]";
            }
        }

        record Unknown() implements Change {
        }

        /** The device was revoked: it is not given a new secret. */
        record Revoked(Instant at) implements Change {
        }
    }

    /**
     * Gives the device a new secret; the current one keeps working until {@code now + grace}. A previous
     * secret still within its grace is dropped: only the last two secrets are ever accepted.
     */
    public Change rotate(Connection c, String deviceId, Instant now, Duration grace) throws SQLException {
        Optional<String[]> row = row(c, deviceId);
        if (row.isEmpty()) {
            return new Change.Unknown();
        }
        if (row.get()[1] != null) {
            return new Change.Revoked(Instant.parse(row.get()[1]));
        }
        String current = secrets.open(SecretColumn.DEVICE_SECRET, deviceId, row.get()[0]);
        String fresh = generate();
        Instant until = now.plus(grace);
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET secret = ?, previous_secret = ?,"
                + " previous_secret_until = ? WHERE id = ?")) {
            ps.setString(1, secrets.seal(SecretColumn.DEVICE_SECRET, deviceId, fresh));
            ps.setString(2, secrets.seal(SecretColumn.DEVICE_PREVIOUS_SECRET, deviceId, current));
            Jdbc.setInstant(ps, 3, until);
            ps.setString(4, deviceId);
            ps.executeUpdate();
        }
        return new Change.Done(fresh, now, until);
    }

    /** Revokes the device (once: a second revocation answers the first's time). */
    public Change revoke(Connection c, String deviceId, Instant now) throws SQLException {
        Optional<String[]> row = row(c, deviceId);
        if (row.isEmpty()) {
            return new Change.Unknown();
        }
        if (row.get()[1] != null) {
            return new Change.Done(null, Instant.parse(row.get()[1]), null);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET revoked_at = ?, previous_secret = NULL,"
                + " previous_secret_until = NULL WHERE id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, deviceId);
            ps.executeUpdate();
        }
        return new Change.Done(null, now, null);
    }

    /** The sealed secret and the revocation time (ISO, or null), locked for the change. */
    private static Optional<String[]> row(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT secret, revoked_at FROM devices WHERE id = ? FOR UPDATE")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant revoked = Jdbc.getInstant(rs, "revoked_at");
                return Optional.of(new String[] {rs.getString("secret"), revoked == null ? null : revoked.toString()});
            }
        }
    }
}
