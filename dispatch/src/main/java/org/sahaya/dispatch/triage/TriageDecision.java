package org.sahaya.dispatch.triage;

import java.time.Duration;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/**
 * What triage decided for one alert.
 *
 * @param priority           urgency
 * @param action             dispatch now, verify first, or record only
 * @param needs              unit level to send (null when recording only)
 * @param bedKind            bed to reserve (null when recording only)
 * @param verificationWindow how long to wait for an "I'm OK" before dispatch (zero unless VERIFY_FIRST)
 * @param reason             one sentence for the timeline
 */
public record TriageDecision(
        Priority priority,
        TriageAction action,
        UnitLevel needs,
        BedKind bedKind,
        Duration verificationWindow,
        String reason) {
}
