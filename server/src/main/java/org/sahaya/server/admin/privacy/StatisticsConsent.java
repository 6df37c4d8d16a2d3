package org.sahaya.server.admin.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import org.sahaya.core.persistence.ConsentGate;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * Which incidents anonymous statistics may count (consent {@link ConsentPurpose#ANONYMOUS_STATISTICS},
 * granted by default). The service-level reports (a later issue) must count only the incidents this
 * predicate admits: join {@link #INCIDENTS_COUNTED} into their SQL ({@code i} is the incidents table's
 * alias), or ask {@link #counts} per subscriber. An erased subscriber whose consent was withdrawn keeps
 * the withdrawn row, so their incidents stay out after the erasure too.
 */
public final class StatisticsConsent {

    /** A SQL condition on {@code incidents i}: true unless its subscriber withdrew the consent. */
    public static final String INCIDENTS_COUNTED = "NOT EXISTS (SELECT 1 FROM consents sc WHERE sc.subscriber_id ="
            + " i.subscriber_id AND sc.purpose = 'ANONYMOUS_STATISTICS' AND sc.granted = FALSE)";

    private StatisticsConsent() {
    }

    /** Whether the incidents of {@code subscriberId} may be counted. Blocking. */
    public static boolean counts(Connection c, String subscriberId) throws SQLException {
        return ConsentGate.granted(c, subscriberId, ConsentPurpose.ANONYMOUS_STATISTICS);
    }
}
