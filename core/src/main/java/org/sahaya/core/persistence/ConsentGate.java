package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * Whether a subscriber's latest word on a purpose lets us use their data for it, read where the use is
 * decided (the family's plan, a partner's view). One primary-key lookup on {@code consents}, on the
 * connection the caller already holds, so it costs the hot path next to nothing. Blocking JDBC.
 *
 * <p>No row means the documented default: {@link #grantedByDefault}. The administration API records
 * consents ({@code server.admin.people}); this class only reads them.
 */
public final class ConsentGate {

    private ConsentGate() {
    }

    /**
     * The default without a recorded word: emergency dispatch, family notification and anonymous
     * statistics are granted at enrolment; sharing the medical profile needs an explicit grant.
     */
    public static boolean grantedByDefault(ConsentPurpose purpose) {
        return purpose != ConsentPurpose.SHARE_MEDICAL_PROFILE;
    }

    /** Whether {@code purpose} is granted for {@code subscriberId} now. */
    public static boolean granted(Connection c, String subscriberId, ConsentPurpose purpose) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT granted FROM consents WHERE subscriber_id = ? AND purpose = ?")) {
            ps.setString(1, subscriberId);
            ps.setString(2, purpose.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : grantedByDefault(purpose);
            }
        }
    }
}
