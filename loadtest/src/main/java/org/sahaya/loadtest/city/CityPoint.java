package org.sahaya.loadtest.city;

import java.util.List;

/**
 * Everything measured at one alert rate of the city scenario.
 *
 * @param node       every stream against the node
 * @param reference  the HTTP streams against the PostGIS reference dispatcher; empty when not asked for
 * @param baseline   the HTTP streams against the bare endpoint; empty when not asked for
 * @param stages     the node's own stage timers over the measured period
 * @param invariants what the node's API said afterwards
 * @param crews      the crews' status reports to the node by status and answer, and the jobs they worked
 *                   ({@link Crews#answers()}); empty when crews were off
 */
public record CityPoint(int alertRate, CityScenario scenario, List<StreamResult> node, List<StreamResult> reference,
                        List<StreamResult> baseline, List<StageRow> stages, InvariantCheck.Result invariants,
                        java.util.Map<String, Integer> crews) {

    /** The device ack budget of DESIGN.md, from the devices' side (intended send → answer). */
    public static final double ACK_BUDGET_MS = 10;

    /**
     * DESIGN.md's goals all held: every alert stream answered without error and at p99 ≤ 10 ms,
     * the node's dispatch_decided and first_notification p99 within 20 and 100 ms, invariants intact.
     */
    public boolean meetsBudgets() {
        boolean acks = node.stream().filter(s -> s.plan().kind().isAlert()).allMatch(s ->
                s.result().errorCount() == 0 && s.result().ok() > 0 && s.result().latency().p99Ms() <= ACK_BUDGET_MS);
        return acks && stages.stream().allMatch(StageRow::withinBudget) && invariants.holds();
    }
}
