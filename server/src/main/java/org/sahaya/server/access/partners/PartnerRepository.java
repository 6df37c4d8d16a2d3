package org.sahaya.server.access.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;

/** The {@code partners} table: partners with the hash of their current key. Blocking JDBC. */
public final class PartnerRepository {

    /** A partner as stored: with its key's hash (null while it has no key), for the directory only. */
    public record Stored(Partner partner, String keyHash) {
    }

    /** Every partner, in id order. */
    public List<Stored> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM partners ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Stored> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    public Optional<Stored> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM partners WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** A new partner; its key's hash may be null (a partner without a key yet). Fails on a taken id. */
    public void insert(Connection c, Partner p, String keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO partners (id, kind, name, key_hash, key_created_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.kind().name());
            ps.setString(3, p.name());
            ps.setString(4, keyHash);
            Jdbc.setInstant(ps, 5, p.keyCreatedAt());
            ps.executeUpdate();
        }
    }

    /** Replaces the partner's key: the old hash is gone in the same statement. */
    public void setKey(Connection c, String id, String keyHash, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partners SET key_hash = ?, key_created_at = ? WHERE id = ?")) {
            ps.setString(1, keyHash);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Whether a hospital with this id exists (a hospital partner must name one). */
    public boolean hospitalExists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM hospitals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        return new Stored(new Partner(rs.getString("id"), PartnerKind.valueOf(rs.getString("kind")), rs.getString("name"),
                Jdbc.getInstant(rs, "key_created_at")), rs.getString("key_hash"));
    }
}
