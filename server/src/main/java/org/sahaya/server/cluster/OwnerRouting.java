package org.sahaya.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.sahaya.dispatch.workflow.IncidentPlacement.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an incident's work to the member that owns it, over the clustered event bus. The member that
 * received an alert is rarely its owner; the owner runs the dispatch and keeps its timers, so two
 * members never work one incident. When the owner does not answer (it just died and the cluster has
 * not noticed yet), the hand-over is tried again until ownership has moved to a live member; only
 * after {@link #GIVE_UP} does the receiving member run the work itself.
 */
public final class OwnerRouting {

    static final Duration RETRY = Duration.ofMillis(250);
    static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final long SEND_TIMEOUT_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OwnerRouting.class);

    private final Vertx vertx;
    private final IncidentOwnership ownership;
    private MessageConsumer<JsonObject> consumer;

    public OwnerRouting(Vertx vertx, IncidentOwnership ownership) {
        this.vertx = vertx;
        this.ownership = ownership;
    }

    /** Starts taking work handed to this member. Blocking until the consumer is registered cluster-wide. */
    public void serve(Work work) throws Exception {
        consumer = vertx.eventBus().<JsonObject>consumer(address(ownership.self()), message -> {
            JsonObject body = message.body();
            work.runHere(body.getString("incidentId"), instant(body.getString("receivedAt")),
                    body.containsKey("verifyAfterMs") ? Duration.ofMillis(body.getLong("verifyAfterMs")) : null);
            message.reply(null);
        });
        consumer.completion().await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Runs the work on the incident's owner: {@code here} if this member owns it, else handed over. */
    public void route(String incidentId, Instant receivedAt, Duration verifyAfter, Work here) {
        route(incidentId, receivedAt, verifyAfter, here, System.nanoTime());
    }

    private void route(String incidentId, Instant receivedAt, Duration verifyAfter, Work work, long since) {
        Optional<UUID> owner = ownership.remoteOwner(incidentId);
        if (owner.isEmpty()) {
            work.runHere(incidentId, receivedAt, verifyAfter);
            return;
        }
        JsonObject body = new JsonObject().put("incidentId", incidentId);
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt.toString());
        }
        if (verifyAfter != null) {
            body.put("verifyAfterMs", verifyAfter.toMillis());
        }
        vertx.eventBus().request(address(owner.get()), body, new DeliveryOptions().setSendTimeout(SEND_TIMEOUT_MS))
                .onFailure(e -> {
                    if (System.nanoTime() - since > GIVE_UP.toNanos()) {
                        LOG.warn("Incident {}: its owner did not take it for {} s; working it here", incidentId,
                                GIVE_UP.toSeconds());
                        work.runHere(incidentId, receivedAt, verifyAfter);
                    } else {
                        vertx.setTimer(RETRY.toMillis(), t -> route(incidentId, receivedAt, verifyAfter, work, since));
                    }
                });
    }

    public void close() {
        if (consumer != null) {
            consumer.unregister();
        }
    }

    static String address(UUID member) {
        return "sahaya.incident.work." + member;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
