package org.sahaya.dispatch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.PersistenceException;

/**
 * The jobs of units, kept in step with their incidents: a unit sent to an incident is offered a job
 * (accept within {@code SAHAYA_ACCEPT_TIMEOUT_SECONDS}); its crew accepting, leaving, or the incident
 * closing ends or moves it; each change is told to {@link JobNews} (the fleet's webhook) in the job's own
 * transaction. Hears the incident workflow as one of its partner listeners; every step is idempotent, since
 * a dispatched incident is announced again after a restart or a take-over. Blocking JDBC.
 */
public final class Jobs implements IncidentListener {

    /** Who ends or accepts a job when no person or partner did. */
    public static final String SAHAYA = "sahaya";

    private final Database database;
    private final Units units;
    private final JobNews news;
    private final Duration acceptTimeout;
    private final Clock clock;
    private final JobRepository jobs = new JobRepository();
    private final IncidentRepository incidents = new IncidentRepository();

    /** @param units names the fleet of a unit offered a job */
    public Jobs(Database database, Units units, JobNews news, Duration acceptTimeout, Clock clock) {
        this.database = database;
        this.units = units;
        this.news = news;
        this.acceptTimeout = acceptTimeout;
        this.clock = clock;
    }

    @Override
    public List<Notification> dispatched(Incident incident) {
        if (incident.state() == IncidentState.DISPATCHED && incident.unitId() != null) {
            offer(incident, incident.unitId(), JobRole.PRIMARY);
        }
        return List.of();
    }

    @Override
    public List<Notification> queued(Incident incident) {
        return List.of();
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
    }

    @Override
    public void changed(IncidentChange change) {
        switch (change) {
            case IncidentChange.UnitReleased r -> end(r.incident(), r.unitId(), endOf(r.reason()), r.why(), SAHAYA);
            case IncidentChange.SupportUnitSent s -> offer(s.incident(), s.unitId(), JobRole.SUPPORT);
            case IncidentChange.UnitProgress p -> acceptedBy(p.incident(), p.unitId(), "status report " + p.status());
            case IncidentChange.HospitalChanged h -> updated(h.incident());
            case IncidentChange.Closed c -> done(c.incident(), c.why());
            case IncidentChange.EtaChanged e -> {
                // The ETA is the crew's own; the fleet is not sent an update per position.
            }
        }
    }

    /**
     * Offers {@code unitId} a job on {@code incident}, unless it already has a live one there.
     *
     * @return the new job; empty if it had one already
     */
    public Optional<Job> offer(Incident incident, String unitId, JobRole role) {
        String fleet = units.unit(unitId).map(Unit::partner).orElse(null);
        try {
            return write(c -> {
                if (jobs.liveOf(c, unitId, incident.id()).isPresent()) {
                    return List.of();
                }
                Instant now = clock.instant();
                Job job = Job.offered(idOf(incident.id(), jobs.countOnIncident(c, incident.id()) + 1), incident.id(),
                        unitId, fleet, role, now, now.plus(acceptTimeout));
                jobs.insert(c, job);
                return List.of(new JobEvent(JobEvent.Kind.JOB_OFFERED, job, incident));
            }).stream().findFirst();
        } catch (PersistenceException e) {
            if (e.isDuplicateKey()) {
                return Optional.empty(); // another thread offered the same job at the same moment
            }
            throw e;
        }
    }

    public Optional<Job> find(String jobId) {
        return database.withConnection(c -> jobs.find(c, jobId));
    }

    /** The unit's live job (OFFERED or ACCEPTED), if any. */
    public Optional<Job> liveOfUnit(String unitId) {
        return database.withConnection(c -> jobs.liveOfUnit(c, unitId));
    }

    /** OFFERED jobs past their deadline, oldest first. */
    public List<Job> overdue(int limit) {
        return database.withConnection(c -> jobs.overdue(c, clock.instant(), limit));
    }

    /**
     * The job accepted by {@code by}, if it was OFFERED.
     *
     * @return the job as it is now; empty for an unknown job
     */
    public Optional<Job> accept(String jobId, String by) {
        return change(jobId, job -> job.state() == JobState.OFFERED
                ? new Step(job.accepted(clock.instant(), by).updated(), JobEvent.Kind.JOB_UPDATED) : null);
    }

    /**
     * Ends the job as {@code end}, if it is live; a job already ended so keeps its state and takes {@code reason}
     * and {@code by} (a crew's decline through the API arrives after its own status report ended the job).
     *
     * @return the job as it is now; empty for an unknown job
     */
    public Optional<Job> end(String jobId, JobState end, String reason, String by) {
        return change(jobId, job -> job.isLive() ? ended(job.ended(job.state().canMoveTo(end) ? end
                : JobState.WITHDRAWN, clock.instant(), reason, by))
                : job.state() == end ? new Step(job.restated(reason, by), null) : null);
    }

    private void end(Incident incident, String unitId, JobState end, String reason, String by) {
        database.withConnection(c -> jobs.liveOf(c, unitId, incident.id()))
                .ifPresent(job -> end(job.id(), end, reason, by));
    }

    private void acceptedBy(Incident incident, String unitId, String by) {
        database.withConnection(c -> jobs.liveOf(c, unitId, incident.id()))
                .filter(job -> job.state() == JobState.OFFERED)
                .ifPresent(job -> accept(job.id(), by));
    }

    private void updated(Incident incident) {
        write(c -> {
            List<JobEvent> events = new ArrayList<>();
            for (Job job : jobs.liveOnIncident(c, incident.id())) {
                Job next = job.updated();
                jobs.update(c, next);
                events.add(new JobEvent(JobEvent.Kind.JOB_UPDATED, next, incident));
            }
            return events;
        });
    }

    private void done(Incident incident, String why) {
        write(c -> {
            List<JobEvent> events = new ArrayList<>();
            for (Job job : jobs.liveOnIncident(c, incident.id())) {
                Job next = job.ended(JobState.DONE, clock.instant(), why, SAHAYA);
                jobs.update(c, next);
                events.add(new JobEvent(JobEvent.Kind.JOB_DONE, next, incident));
            }
            return events;
        });
    }

    /** A job's next state, and what its fleet is told of it (null: nothing, e.g. only who ended it is restated). */
    private record Step(Job next, JobEvent.Kind told) {
    }

    /** One job changed under its row lock; {@code step} returns null when nothing changes. */
    private Optional<Job> change(String jobId, java.util.function.Function<Job, Step> step) {
        Job[] now = new Job[1];
        write(c -> {
            Optional<Job> locked = jobs.lock(c, jobId);
            if (locked.isEmpty()) {
                return List.of();
            }
            now[0] = locked.get();
            Step next = step.apply(locked.get());
            if (next == null) {
                return List.of();
            }
            now[0] = next.next();
            jobs.update(c, next.next());
            return next.told() == null ? List.of() : List.of(new JobEvent(next.told(), next.next(),
                    incidents.find(c, next.next().incidentId()).orElse(null)));
        });
        return Optional.ofNullable(now[0]);
    }

    private static Step ended(Job ended) {
        return new Step(ended, ended.state() == JobState.DONE ? JobEvent.Kind.JOB_DONE : JobEvent.Kind.JOB_WITHDRAWN);
    }

    /** Writes in one transaction, tells the news in it, and lets the news send after the commit. */
    private List<Job> write(Database.Work<List<JobEvent>> work) {
        boolean[] send = {false};
        List<JobEvent> events = database.inTransaction(c -> {
            List<JobEvent> done = work.run(c);
            for (JobEvent event : done) {
                send[0] |= news.record(c, event);
            }
            return done;
        });
        if (send[0]) {
            news.committed();
        }
        return events.stream().map(JobEvent::job).toList();
    }

    static JobState endOf(IncidentChange.Reason reason) {
        return switch (reason) {
            case DECLINED -> JobState.DECLINED;
            case NOT_ACCEPTED_IN_TIME -> JobState.TIMED_OUT;
            case OUT_OF_SERVICE, REPLACED_BY_COORDINATOR -> JobState.WITHDRAWN;
        };
    }

    /** {@code JOB-<incident id without INC->-<n>}: readable, and two offers of one job at once collide on it. */
    static String idOf(String incidentId, int n) {
        String base = incidentId.startsWith("INC-") ? incidentId.substring(4) : incidentId;
        String id = "JOB-" + base + "-" + n;
        return id.length() <= 64 ? id : "JOB-" + Integer.toHexString(incidentId.hashCode()) + "-" + n;
    }

}
