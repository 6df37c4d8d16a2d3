package org.sahaya.notify.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Jdbc;

/** Reading {@code notifications} rows, shared by the outbox's repositories so the mapping exists once. */
final class NotificationRows {

    private NotificationRows() {
    }

    static List<Notification> query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return read(ps);
        }
    }

    static List<Notification> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Notification> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Notification(rs.getString("id"), rs.getString("incident_id"), rs.getString("contact_id"),
                        Jdbc.getEnum(rs, "channel", Channel.class), rs.getString("step"), rs.getString("language"),
                        rs.getString("body"), Jdbc.getEnum(rs, "status", NotificationStatus.class),
                        Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "sent_at"),
                        rs.getString("provider_id"), rs.getString("failure_reason")));
            }
            return out;
        }
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** The SQL list of statuses allowed to move to {@code target}, from the enum's single rule. */
    static String statusesThatCanMoveTo(NotificationStatus target) {
        return Arrays.stream(NotificationStatus.values())
                .filter(s -> s.canMoveTo(target))
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(","));
    }
}
