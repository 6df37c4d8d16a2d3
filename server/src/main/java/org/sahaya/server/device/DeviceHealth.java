package org.sahaya.server.device;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.DeviceSettings;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.grid.GridCallbacks;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.intake.IntakeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device health: every gateway reports here what it heard, and a periodic sweep raises DEVICE_OFFLINE
 * once per silence and LOW_BATTERY once per low period, as alerts through the same reception as a
 * device's own (so they are stored, correlated and told to the family like any record-only alert).
 *
 * <p>Why the grid and not a table for the live time: {@link #heard} runs on an event loop for every
 * message of every device, so it must be a non-blocking, memory-speed write that a future cluster
 * shares; an entry processor on the owning partition is both. The sweep (a virtual thread) copies
 * newer sightings into {@code device_health}, so a restart judges each device by its persisted
 * last-heard time and remembers which silences it already raised. A crash loses at most one sweep
 * period of sightings, which the grace period covers.
 */
public final class DeviceHealth implements DeviceActivity, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHealth.class);
    /** Sightings written per transaction by a sweep. */
    static final int PERSIST_BATCH = 500;

    private final Sightings lastHeard;
    private final Database database;
    private final Offload offload;
    private final DeviceSettings settings;
    private final Clock clock;
    private final Function<Alert, Future<IntakeResult>> reception;
    private final HealthRules rules;
    private final DeviceHealthRepository repository = new DeviceHealthRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private Vertx vertx;
    private long timer = -1;

    /** @param reception where raised alerts go: the node's alert reception (persist, triage, tell) */
    public DeviceHealth(Grid grid, Database database, Offload offload, DeviceSettings settings, Clock clock,
                        Function<Alert, Future<IntakeResult>> reception) {
        this.lastHeard = new GridSightings(grid);
        this.database = database;
        this.offload = offload;
        this.settings = settings;
        this.clock = clock;
        this.reception = reception;
        this.rules = new HealthRules(settings);
    }

    @Override
    public void heard(String deviceId, Instant at, String gateway) {
        heard(deviceId, at, gateway, null);
    }

    /** A heartbeat that reported the battery's charge (0–100). Non-blocking. */
    public void heard(String deviceId, Instant at, String gateway, Integer batteryPercent) {
        try {
            // DIRECT: a bare exceptionally() would start a thread per heartbeat (GridCallbacks says why).
            lastHeard.note(deviceId, new Seen(at.toEpochMilli(), gateway, batteryPercent))
                    .whenCompleteAsync((ok, e) -> {
                        if (e != null) {
                            LOG.warn("Could not note that device {} was heard: {}", deviceId, Redacted.describe(e));
                        }
                    }, GridCallbacks.DIRECT);
        } catch (RuntimeException e) {
            // The grid is shutting down: the device's next message will be noted.
            LOG.debug("Grid unavailable while noting device {}", deviceId);
        }
    }

    /** Starts the periodic sweep; a sweep still running when the next is due is not doubled. */
    public void start(Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(settings.sweep().toMillis(), id -> {
            if (sweeping.compareAndSet(false, true)) {
                offload.execute(() -> {
                    try {
                        sweep();
                    } catch (RuntimeException e) {
                        LOG.error("Device health sweep failed; the next one retries", Redacted.of(e));
                    } finally {
                        sweeping.set(false);
                    }
                });
            }
        });
    }

    /**
     * One sweep: persist newer sightings, then judge every device heard at least once. Blocking;
     * public so tests can run one deterministically.
     *
     * @return what it concluded, one verdict per change
     */
    public List<HealthVerdict> sweep() {
        Instant now = clock.instant();
        persistSightings();
        List<HealthVerdict> verdicts = database.withConnection(c -> repository.toJudge(c, now, settings))
                .stream().flatMap(state -> rules.judge(state, now).stream()).toList();
        for (HealthVerdict verdict : verdicts) {
            try {
                apply(verdict, now);
            } catch (RuntimeException e) {
                LOG.error("Device {}: could not apply {}; the next sweep retries", verdict.deviceId(),
                        verdict.getClass().getSimpleName(), Redacted.of(e));
            }
        }
        return verdicts;
    }

    /**
     * Writes the sightings noted since the last sweep, {@link #PERSIST_BATCH} devices per transaction so
     * that alert receipts never wait behind one long write, and forgets each one written unless a newer
     * one arrived meanwhile. The grid map thus holds only what is not yet in the database: a sweep's work
     * grows with the devices heard since the last one, not with every device ever heard.
     */
    private void persistSightings() {
        List<Map.Entry<String, Seen>> batch = new ArrayList<>(PERSIST_BATCH);
        for (Map.Entry<String, Seen> e : lastHeard.pending()) {
            batch.add(Map.entry(e.getKey(), e.getValue()));
            if (batch.size() == PERSIST_BATCH) {
                persist(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            persist(batch);
        }
    }

    private void persist(List<Map.Entry<String, Seen>> batch) {
        database.inTransaction(c -> {
            for (Map.Entry<String, Seen> e : batch) {
                repository.heard(c, e.getKey(), e.getValue());
            }
            return null;
        });
        // Only once committed; a newer sighting noted meanwhile stays for the next sweep.
        batch.forEach(e -> lastHeard.forget(e.getKey(), e.getValue()));
    }

    private void apply(HealthVerdict verdict, Instant now) {
        switch (verdict) {
            case HealthVerdict.Offline o -> {
                IntakeResult result = raise(new Alert(o.alertId(), o.deviceId(), AlertType.DEVICE_OFFLINE,
                        o.overdueSince(), now, null, null, null));
                database.inTransaction(c -> {
                    repository.offline(c, o.deviceId(), now, result.receipt().incidentId());
                    return null;
                });
                LOG.info("Device {} is silent past its interval: DEVICE_OFFLINE on {}", o.deviceId(),
                        result.receipt().incidentId());
            }
            case HealthVerdict.BackOnline b -> database.inTransaction(c -> {
                if (b.incidentId() != null) {
                    timeline.append(c, new TimelineEntry(b.incidentId(), now, TimelineStage.DEVICE_BACK_ONLINE, "Device "
                            + b.deviceId() + " heard again" + (b.gateway() == null ? "" : " over " + b.gateway())
                            + " at " + b.heardAt()));
                }
                repository.backOnline(c, b.deviceId());
                return null;
            });
            case HealthVerdict.BatteryLow l -> raise(new Alert(l.alertId(), l.deviceId(), AlertType.LOW_BATTERY,
                    l.reportedAt(), now, null, null, null));
            case HealthVerdict.BatteryCharged ch -> database.inTransaction(c -> {
                repository.charged(c, ch.deviceId());
                return null;
            });
        }
    }

    private IntakeResult raise(Alert alert) {
        try {
            return reception.apply(alert).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while raising " + alert, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not raise " + alert, e);
        }
    }

    /** Sets a device's own expected heartbeat interval; null returns it to the node's default. Blocking. */
    public void expectEvery(String deviceId, java.time.Duration interval) {
        database.inTransaction(c -> {
            repository.interval(c, deviceId, interval);
            return null;
        });
    }

    @Override
    public void close() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
