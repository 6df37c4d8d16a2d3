package org.sahaya.loadtest.report;

import java.util.List;
import org.sahaya.loadtest.alerts.IncidentCheck;
import org.sahaya.loadtest.metrics.StageLatency;
import org.sahaya.loadtest.run.RunResult;

/**
 * Everything measured at one arrival rate.
 *
 * @param node      the node, seen from the devices (intended send → 202)
 * @param baseline  the bare endpoint at the same rate, or null when not asked for
 * @param stages    the node's own stage timers over the run
 * @param incidents the invariant check on a sample of accepted alerts
 */
public record RatePoint(int rate, RunResult node, RunResult baseline, List<StageLatency> stages,
                        IncidentCheck.Result incidents) {

    /** The budget of DESIGN.md: a device is acknowledged within 10 ms at p99. */
    public static final double ACK_BUDGET_P99_MS = 10.0;

    /** p99 from the devices' side within budget, and every scheduled request answered 2xx. */
    public boolean meetsAckBudget() {
        return node.ok() > 0 && node.errorCount() == 0 && node.latency().p99Ms() <= ACK_BUDGET_P99_MS;
    }

    /** Our p99 over the baseline's; NaN without a baseline. */
    public double p99Ratio() {
        return baseline == null ? Double.NaN : node.latency().p99Ms() / baseline.latency().p99Ms();
    }
}
