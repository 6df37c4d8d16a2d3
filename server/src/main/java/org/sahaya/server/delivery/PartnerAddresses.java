package org.sahaya.server.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * Finds where a delivery goes: a webhook's URL and opened secret ({@code partners}), a hospital's FHIR base
 * URL ({@code hospitals.fhir_base_url}). Blocking JDBC.
 */
final class PartnerAddresses {

    private final SecretBox secrets;

    PartnerAddresses(SecretBox secrets) {
        this.secrets = secrets;
    }

    PartnerAddress of(Connection c, PendingDelivery d) throws SQLException {
        String kind = "unknown";
        String url = null;
        String sealed = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, webhook_url, webhook_secret FROM partners WHERE id = ?")) {
            ps.setString(1, d.partnerId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return PartnerAddress.missing(kind, "no partner " + d.partnerId());
                }
                kind = rs.getString(1).toLowerCase(Locale.ROOT);
                url = rs.getString(2);
                sealed = rs.getString(3);
            }
        }
        return switch (d.transport()) {
            case WEBHOOK -> {
                if (url == null) {
                    yield PartnerAddress.missing(kind, "no webhook URL set");
                }
                if (sealed == null) {
                    yield PartnerAddress.missing(kind, "no webhook secret set");
                }
                yield new PartnerAddress(kind, url, secrets.open(SecretColumn.PARTNER_WEBHOOK_SECRET, d.partnerId(), sealed), null);
            }
            case FHIR -> {
                String base = fhirBase(c, d.partnerId());
                yield base == null ? PartnerAddress.missing(kind, "no FHIR base URL set")
                        : new PartnerAddress(kind, base, null, null);
            }
        };
    }

    private static String fhirBase(Connection c, String hospitalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fhir_base_url FROM hospitals WHERE id = ?")) {
            ps.setString(1, hospitalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
