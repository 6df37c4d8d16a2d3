package org.sahaya.server.delivery;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * Where a partner's own system hears from us: its webhook's URL and signing secret ({@code partners.webhook_url},
 * {@code partners.webhook_secret}, sealed with the node's master key). The secret is never read back out
 * of here: views say only {@code hasSecret}. Setting a webhook makes the partner's waiting deliveries due
 * at once (the sweep sends them within a second), instead of after their backoff. Blocking JDBC.
 */
public final class PartnerWebhooks {

    /** The length a signing secret must have. */
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;

    private final Database database;
    private final SecretBox secrets;

    public PartnerWebhooks(Database database, SecretBox secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /**
     * Sets the partner's webhook (both must be checked: {@link EndpointUrl}, {@link #MIN_SECRET}..{@link #MAX_SECRET}).
     *
     * @return the webhook's view, or empty for an unknown partner (nothing changed)
     */
    public Optional<JsonObject> set(String partnerId, String url, String secret) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE partners SET webhook_url = ?, webhook_secret = ? WHERE id = ?")) {
                ps.setString(1, url);
                ps.setString(2, secrets.seal(SecretColumn.PARTNER_WEBHOOK_SECRET, partnerId, secret));
                ps.setString(3, partnerId);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            retryNow(c, partnerId, PartnerDelivery.Transport.WEBHOOK);
            return Optional.of(view(url, true));
        });
    }

    /** Removes the partner's webhook: its deliveries wait for a new one. False for an unknown partner. */
    public boolean clear(String partnerId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE partners SET webhook_url = NULL, webhook_secret = NULL WHERE id = ?")) {
                ps.setString(1, partnerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Every partner's webhook view, by partner id; partners without a webhook are absent. */
    public Map<String, JsonObject> all() {
        return database.withConnection(c -> {
            Map<String, JsonObject> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, webhook_url, webhook_secret FROM partners WHERE webhook_url IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), view(rs.getString(2), rs.getString(3) != null));
                }
            }
            return out;
        });
    }

    /** The partner's webhook as an admin sees it, or null when it has none. */
    public static JsonObject of(Connection c, String partnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT webhook_url, webhook_secret FROM partners WHERE id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? view(rs.getString(1), rs.getString(2) != null) : null;
            }
        }
    }

    /**
     * Makes the partner's waiting deliveries of this transport due now: its address changed, so the next
     * attempt need not wait out the backoff the old one earned. Clock-free (created_at is in the past).
     */
    public static void retryNow(Connection c, String partnerId, PartnerDelivery.Transport transport) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partner_deliveries SET next_attempt_at = created_at"
                + " WHERE partner_id = ? AND transport = ? AND delivered_at IS NULL AND given_up_at IS NULL")) {
            ps.setString(1, partnerId);
            ps.setString(2, transport.name());
            ps.executeUpdate();
        }
    }

    private static JsonObject view(String url, boolean hasSecret) {
        return new JsonObject().put("url", url).put("hasSecret", hasSecret);
    }
}
