package org.sahaya.notify.channel.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/**
 * The embedded default's stand-in for a phone: "sends" by recording the message in
 * {@code sandbox_messages}, where {@link SandboxInbox} and the API read it back.
 *
 * <p>It behaves like a provider with an idempotency key: handing over the same notification twice
 * (a resend after a crash between sending and marking SENT) records it once and returns the same
 * receipt. Blocking JDBC.
 */
public final class SandboxChannel implements NotificationChannel {

    /** Provider ids are {@code SBX-<seq>}, seq being the row's sequence number. */
    public static final String PROVIDER_PREFIX = "SBX-";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Clock clock;
    private final Channel servedAs;

    public SandboxChannel(Database database, Clock clock) {
        this(database, clock, Channel.SANDBOX);
    }

    /**
     * A sandbox standing in for {@code servedAs} (SMS, PUSH or VOICE) on a node without that
     * provider's credentials: messages planned for the channel are recorded instead of sent.
     */
    public SandboxChannel(Database database, Clock clock, Channel servedAs) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.servedAs = Objects.requireNonNull(servedAs, "servedAs");
    }

    @Override
    public Channel channel() {
        return servedAs;
    }

    /** Records once per notification id, like a provider with an idempotency key. */
    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        if (message.phone() == null || message.phone().isBlank()) {
            throw ChannelException.permanent("NO_PHONE", "the contact has no phone number");
        }
        try {
            return new SendReceipt(PROVIDER_PREFIX + database.withConnection(c -> record(c, message)));
        } catch (PersistenceException e) {
            throw ChannelException.retryable("SANDBOX_UNAVAILABLE", "the sandbox store could not be written", e);
        }
    }

    private long record(Connection c, OutgoingMessage message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sandbox_messages (notification_id, recipient, language, body, sent_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, message.notificationId());
            ps.setString(2, message.phone());
            ps.setString(3, message.language());
            ps.setString(4, message.text());
            Jdbc.setInstant(ps, 5, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // Already recorded: answer with the first receipt, as an idempotent provider would.
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM sandbox_messages WHERE notification_id = ?")) {
            ps.setString(1, message.notificationId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("sandbox message " + message.notificationId() + " vanished after insert");
                }
                return rs.getLong(1);
            }
        }
    }
}
