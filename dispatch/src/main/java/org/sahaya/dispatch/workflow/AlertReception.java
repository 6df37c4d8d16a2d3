package org.sahaya.dispatch.workflow;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.metrics.Stage;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.intake.IntakeResult;

/**
 * Where every gateway hands a normalised alert: persisted and triaged off the event loop, then the
 * incident's work (dispatch, notification) starts whether or not the device ever reads our answer.
 */
public final class AlertReception {

    private final AlertIntake intake;
    private final Offload offload;
    private final StageTimers timers;
    private final IncidentWorkflow workflow;
    private final Clock clock;
    private final IncidentListener listener;

    /** @param listener hears of every alert stored (stand-downs, silent devices, low batteries for the family) */
    public AlertReception(AlertIntake intake, Offload offload, StageTimers timers, IncidentWorkflow workflow, Clock clock,
                          IncidentListener listener) {
        this.intake = intake;
        this.offload = offload;
        this.timers = timers;
        this.workflow = workflow;
        this.clock = clock;
        this.listener = listener;
    }

    /** Completes once the alert is persisted: only then may the gateway acknowledge the device. */
    public Future<IntakeResult> receive(Alert alert) {
        return offload.submit(() -> intake.receive(alert)).onSuccess(result -> {
            if (!result.receipt().duplicate()) {
                timers.record(Stage.TRIAGE, Duration.between(alert.receivedAt(), clock.instant()));
                workflow.start(result, alert.receivedAt());
                if (result.incident() != null) {
                    listener.alertStored(alert, result.incident(), result.receipt().outcome());
                }
            }
        });
    }

    /** The gateway has answered the device. */
    public void acknowledged(Alert alert, IntakeResult result) {
        timers.record(Stage.ACK, Duration.between(alert.receivedAt(), clock.instant()));
    }
}
