package org.sahaya.notify.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.preference.ContactPreferences;

/** The {@code contact_preferences} table. Blocking JDBC on the caller's connection. */
public final class PreferencesRepository {

    public void save(Connection c, String contactId, ContactPreferences p) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM contact_preferences WHERE contact_id = ?")) {
            del.setString(1, contactId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO contact_preferences (contact_id, channels, quiet_start, quiet_end) VALUES (?,?,?,?)")) {
            ps.setString(1, contactId);
            ps.setString(2, p.channels().stream().map(Enum::name).collect(Collectors.joining(",")));
            ps.setString(3, p.quietHours() == null ? null : p.quietHours().start().toString());
            ps.setString(4, p.quietHours() == null ? null : p.quietHours().end().toString());
            ps.executeUpdate();
        }
    }

    /** Preferences of the subscriber's contacts that have any, by contact id. */
    public Map<String, ContactPreferences> ofSubscriber(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.* FROM contact_preferences p"
                + " JOIN contacts k ON k.id = p.contact_id WHERE k.subscriber_id = ?")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, ContactPreferences> out = new HashMap<>();
                while (rs.next()) {
                    List<Channel> channels = new ArrayList<>();
                    Arrays.stream(rs.getString("channels").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                            .forEach(s -> channels.add(Channel.valueOf(s)));
                    String start = rs.getString("quiet_start");
                    String end = rs.getString("quiet_end");
                    out.put(rs.getString("contact_id"), ContactPreferences.of(channels,
                            start == null ? null : LocalTime.parse(start), end == null ? null : LocalTime.parse(end)));
                }
                return out;
            }
        }
    }
}
