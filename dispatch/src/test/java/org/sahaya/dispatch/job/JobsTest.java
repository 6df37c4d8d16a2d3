package org.sahaya.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.NOW;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;

/**
 * The jobs follow their incidents, on a real database: one offer per unit and incident however often the
 * dispatch is announced, the crew's answer or the incident's end closes it, and each change is told once.
 */
class JobsTest {

    private static Database database;
    private static final List<JobEvent> told = new CopyOnWriteArrayList<>();
    private static Jobs jobs;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        JobNews news = new JobNews() {
            @Override
            public boolean record(Connection c, JobEvent event) {
                told.add(event);
                return true;
            }

            @Override
            public void committed() {
            }
        };
        jobs = new Jobs(database, id -> Optional.of(new Unit(id, "KA-" + id, UnitLevel.BLS, "Station", MG_ROAD,
                UnitStatus.DISPATCHED, null, NOW, "FLEET-7")), news, Duration.ofSeconds(60), TestCity.CLOCK);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aDispatchAnnouncedTwiceOffersOneJob() {
        Incident incident = dispatched(TestCity.id("INC"), "AMB-1");

        jobs.dispatched(incident);
        jobs.dispatched(incident);

        Job job = jobs.liveOfUnit("AMB-1").orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.OFFERED);
        assertThat(job.fleetId()).isEqualTo("FLEET-7");
        assertThat(job.acceptBy()).isEqualTo(NOW.plusSeconds(60));
        assertThat(kinds(job)).containsExactly(JobEvent.Kind.JOB_OFFERED);
    }

    @Test
    void aUnitReleasedForNotAcceptingEndsItsJobTimedOutWithTheWhy() {
        Incident incident = dispatched(TestCity.id("INC"), "AMB-2");
        jobs.dispatched(incident);
        Job job = jobs.liveOfUnit("AMB-2").orElseThrow();

        jobs.changed(new IncidentChange.UnitReleased(incident, NOW, "AMB-2", IncidentChange.Reason.NOT_ACCEPTED_IN_TIME,
                "the crew of KA-2 did not accept within 60 s"));
        jobs.changed(new IncidentChange.UnitReleased(incident, NOW, "AMB-2", IncidentChange.Reason.NOT_ACCEPTED_IN_TIME,
                "heard again"));

        Job ended = jobs.find(job.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(ended.endReason()).isEqualTo("the crew of KA-2 did not accept within 60 s");
        assertThat(jobs.liveOfUnit("AMB-2")).isEmpty();
        assertThat(kinds(job)).containsExactly(JobEvent.Kind.JOB_OFFERED, JobEvent.Kind.JOB_WITHDRAWN);
    }

    @Test
    void progressAcceptsAnOfferAndANewHospitalUpdatesItThenTheCloseEndsIt() {
        Incident incident = dispatched(TestCity.id("INC"), "AMB-3");
        jobs.dispatched(incident);
        Job job = jobs.liveOfUnit("AMB-3").orElseThrow();

        jobs.changed(new IncidentChange.UnitProgress(incident, NOW, "AMB-3", UnitStatus.EN_ROUTE));
        jobs.changed(new IncidentChange.HospitalChanged(incident, NOW, "H-1", "H-2", "H-1 declined"));
        jobs.changed(new IncidentChange.Closed(incident, NOW, IncidentChange.Ending.HANDED_OVER, "handed over"));

        Job done = jobs.find(job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.acceptedAt()).isEqualTo(NOW);
        assertThat(done.updates()).isEqualTo(2);
        assertThat(kinds(job)).containsExactly(JobEvent.Kind.JOB_OFFERED, JobEvent.Kind.JOB_UPDATED,
                JobEvent.Kind.JOB_UPDATED, JobEvent.Kind.JOB_DONE);
    }

    @Test
    void anOfferPastItsDeadlineIsOverdueAndAnAcceptedOneIsNot() {
        Jobs early = new Jobs(database, id -> Optional.empty(), JobNews.NONE, Duration.ofSeconds(1),
                java.time.Clock.fixed(NOW.minusSeconds(3600), java.time.ZoneOffset.UTC));
        Incident waiting = dispatched(TestCity.id("INC"), "AMB-4");
        Incident accepted = dispatched(TestCity.id("INC"), "AMB-5");
        early.dispatched(waiting);
        early.dispatched(accepted);
        jobs.accept(jobs.liveOfUnit("AMB-5").orElseThrow().id(), "crew");

        assertThat(jobs.overdue(1000)).extracting(Job::unitId).contains("AMB-4").doesNotContain("AMB-5");
    }

    private static List<JobEvent.Kind> kinds(Job job) {
        return told.stream().filter(e -> e.job().id().equals(job.id())).map(JobEvent::kind).toList();
    }

    private static Incident dispatched(String id, String unitId) {
        Instant at = NOW;
        return new Incident(id, "SUB-1", AlertType.FALL, Priority.P1, TriageAction.DISPATCH_NOW, IncidentState.DISPATCHED,
                MG_ROAD, at, at, UnitLevel.BLS, null, unitId, "H-1", 420, at);
    }
}
