package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.core.subscriber.Subscriber;

/** Subscribers, their devices and their family contacts. Blocking JDBC. */
public final class DirectoryRepository {

    public void insert(Connection c, Subscriber s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO subscribers (id, name, home_lat, home_lon, language, preferred_hospital_id, time_zone)"
                        + " VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.name());
            ps.setDouble(3, s.home().lat());
            ps.setDouble(4, s.home().lon());
            ps.setString(5, s.language());
            ps.setString(6, s.preferredHospitalId());
            ps.setString(7, s.timeZone());
            ps.executeUpdate();
        }
    }

    /** Stores the device's secret as given: seal it first ({@code SecretBox.seal(Device)}); reads return it sealed. */
    public void insert(Connection c, Device d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO devices (id, subscriber_id, secret, demo) VALUES (?,?,?,?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.subscriberId());
            ps.setString(3, d.secret());
            ps.setBoolean(4, d.demo());
            ps.executeUpdate();
        }
    }

    public void insert(Connection c, Contact k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contacts (id, subscriber_id, name, relation, phone, language, time_zone, call_order, push_token)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.subscriberId());
            ps.setString(3, k.name());
            ps.setString(4, k.relation());
            ps.setString(5, k.phone());
            ps.setString(6, k.language());
            ps.setString(7, k.timeZone());
            ps.setInt(8, k.rank());
            ps.setString(9, k.pushToken());
            ps.executeUpdate();
        }
    }

    public Optional<Subscriber> subscriber(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM subscribers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subscriber(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Device> device(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Device(rs.getString("id"), rs.getString("subscriber_id"),
                                rs.getString("secret"), rs.getBoolean("demo")))
                        : Optional.empty();
            }
        }
    }

    /**
     * The device with what its gateways check: the secret before its last rotation and until when it is
     * accepted, and whether it was revoked. Secrets as stored (sealed): open them with {@code SecretBox.open}.
     */
    public Optional<DeviceCredential> credential(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, subscriber_id, secret, demo, previous_secret,"
                + " previous_secret_until, revoked_at FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Device device = new Device(rs.getString("id"), rs.getString("subscriber_id"), rs.getString("secret"),
                        rs.getBoolean("demo"));
                return Optional.of(new DeviceCredential(device, rs.getString("previous_secret"),
                        Jdbc.getInstant(rs, "previous_secret_until"), Jdbc.getInstant(rs, "revoked_at")));
            }
        }
    }

    /** The subscriber's contacts in call order. */
    public List<Contact> contacts(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM contacts WHERE subscriber_id = ? ORDER BY call_order, id")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Contact> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Contact(rs.getString("id"), rs.getString("subscriber_id"), rs.getString("name"),
                            rs.getString("relation"), rs.getString("phone"), rs.getString("language"),
                            rs.getString("time_zone"), rs.getInt("call_order"), rs.getString("push_token")));
                }
                return out;
            }
        }
    }

    public int countSubscribers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscribers");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Subscriber subscriber(ResultSet rs) throws SQLException {
        return new Subscriber(rs.getString("id"), rs.getString("name"),
                new Coordinates(rs.getDouble("home_lat"), rs.getDouble("home_lon")),
                rs.getString("language"), rs.getString("preferred_hospital_id"), rs.getString("time_zone"));
    }
}
