package org.sahaya.server.report.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.server.report.sla.SlaReport.Cause;
import org.sahaya.server.report.sla.SlaReport.Targets;

/** The report's decisions on plain rows, without a database. */
class SlaCalculatorTest {

    private static final Instant T = Instant.parse("2026-11-02T04:30:00Z");
    private static final ZoneId CITY = ZoneId.of("Asia/Kolkata");
    private final SlaCalculator calculator = new SlaCalculator(Targets.CONTRACT, CITY);

    @Test
    void percentilesAreNearestRankSoEachIsATimeSomeIncidentTook() {
        List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(SlaCalculator.rank(ten, 50)).isEqualTo(5);
        assertThat(SlaCalculator.rank(ten, 90)).isEqualTo(9);
        assertThat(SlaCalculator.rank(List.of(7L), 90)).isEqualTo(7);
        assertThat(SlaCalculator.rank(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
    }

    @Test
    void exactlyFiveMinutesIsNotUnderFiveMinutes() {
        IncidentMeasure onTheLine = IncidentMeasure.of(facts("I-1", accepted(300), sms(5, 119L, null)), Targets.CONTRACT);
        IncidentMeasure justUnder = IncidentMeasure.of(facts("I-2", accepted(299.999), sms(5, 120L, null)),
                Targets.CONTRACT);
        assertThat(onTheLine.acceptCause()).isEqualTo(Cause.UNKNOWN);
        assertThat(onTheLine.familyCause()).isNull();
        assertThat(justUnder.acceptCause()).isNull();
        assertThat(justUnder.familyCause()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void aHeldDispatchExplainsABreachBeforeAQueueAndAQueueBeforeADecline() {
        SlaFacts all = new SlaFacts("I-1", T, "CLOSED", null, null, "FLEET-1",
                List.of(stamp("QUEUED", 1), stamp("DISPATCH_HELD", 2)),
                List.of(job("DECLINED", null, 50), job("ACCEPTED", 400.0, null)), List.of(), List.of(), List.of());
        assertThat(IncidentMeasure.of(all, Targets.CONTRACT).acceptCause()).isEqualTo(Cause.HELD_MINORITY);
        SlaFacts queued = new SlaFacts("I-2", T, "CLOSED", null, null, "FLEET-1", List.of(stamp("QUEUED", 1)),
                all.jobs(), List.of(), List.of(), List.of());
        assertThat(IncidentMeasure.of(queued, Targets.CONTRACT).acceptCause()).isEqualTo(Cause.NO_UNIT_FREE);
        SlaFacts declinedBeforeJobsExisted = new SlaFacts("I-3", T, "CLOSED", null, null, "FLEET-1",
                List.of(stamp("DISPATCHED", 1), stamp("UNIT_EN_ROUTE", 400)), List.of(), List.of(), List.of(),
                List.of(T.plusSeconds(30)));
        assertThat(IncidentMeasure.of(declinedBeforeJobsExisted, Targets.CONTRACT).acceptCause())
                .isEqualTo(Cause.CREW_DID_NOT_ACCEPT);
    }

    @Test
    void aQueueAfterTheUnitAcceptedDoesNotExplainTheBreach() {
        // re-queued after the crew accepted late (the unit broke down): the late acceptance is not the queue's doing
        SlaFacts f = new SlaFacts("I-1", T, "CLOSED", null, null, "FLEET-1", List.of(stamp("QUEUED", 500)),
                List.of(job("DONE", 400.0, null)), List.of(), List.of(), List.of());
        assertThat(IncidentMeasure.of(f, Targets.CONTRACT).acceptCause()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void neverAcceptedIsABreachWithoutATime() {
        SlaFacts f = new SlaFacts("I-1", T, "QUEUED", null, null, null, List.of(stamp("QUEUED", 1)), List.of(),
                List.of(sms(5, 30L, null)), List.of(), List.of());
        SlaReport report = calculator.report(List.of(f), T, T.plusSeconds(86_400), SlaGrouping.FLEET, null);
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("(none)");
            assertThat(g.accepted().measured()).isZero();
            assertThat(g.accepted().shareUnderTarget()).isEqualTo(0.0);
            assertThat(g.breaches()).singleElement().satisfies(b -> {
                assertThat(b.seconds()).isNull();
                assertThat(b.cause()).isEqualTo(Cause.NO_UNIT_FREE);
            });
        });
    }

    @Test
    void aChannelWithoutReceiptsCountsWhenSentButNeverWhenFailed() {
        SlaFacts.Message sandboxFailed = new SlaFacts.Message("SANDBOX", "FAILED", T, T.plusSeconds(3), null, null);
        SlaFacts.Message push = new SlaFacts.Message("PUSH", "SENT", T, T.plusSeconds(9), null, null);
        SlaFacts.Message smsWithoutReceipt = new SlaFacts.Message("SMS", "SENT", T, T.plusSeconds(2), null, null);
        SlaFacts f = new SlaFacts("I-1", T, "CLOSED", null, null, null, List.of(), List.of(job("DONE", 10.0, null)),
                List.of(sandboxFailed, smsWithoutReceipt, push), List.of(), List.of());
        IncidentMeasure m = IncidentMeasure.of(f, Targets.CONTRACT);
        assertThat(m.familyMs()).isEqualTo(9_000);
        assertThat(m.familyCause()).isNull();
    }

    @Test
    void theWeeklyTrendStartsOnTheCitysMondays() {
        // Sunday 23:00 IST and Monday 00:30 IST fall in two weeks though both are Sunday in UTC
        Instant sundayNight = Instant.parse("2026-11-08T17:30:00Z");
        Instant mondayMorning = Instant.parse("2026-11-08T19:00:00Z");
        SlaFacts sunday = new SlaFacts("I-1", sundayNight, "CLOSED", null, null, null, List.of(),
                List.of(new SlaFacts.Job("U-1", "FLEET-1", "PRIMARY", "DONE", sundayNight, sundayNight.plusSeconds(10), null)),
                List.of(), List.of(), List.of());
        SlaFacts monday = new SlaFacts("I-2", mondayMorning, "CLOSED", null, null, null, List.of(),
                List.of(new SlaFacts.Job("U-1", "FLEET-1", "PRIMARY", "DONE", mondayMorning, mondayMorning.plusSeconds(900),
                        null)), List.of(), List.of(), List.of());
        List<SlaCalculator.Week> weeks = calculator.weeks(calculator.measures(List.of(sunday, monday), SlaGrouping.MONTH,
                null));
        assertThat(weeks).extracting(w -> w.monday().toString(), SlaCalculator.Week::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-02", 1.0),
                        org.assertj.core.groups.Tuple.tuple("2026-11-09", 0.0));
    }

    @Test
    void aPeriodIsBoundedAndNamesTheFieldAtFault() {
        assertThat(SlaPeriod.parse("2026-11-01", "2026-12-01", CITY).from()).isEqualTo("2026-10-31T18:30:00Z");
        assertThat(SlaPeriod.parse("2026-11-01T00:00:00Z", "2027-11-01T00:00:00Z", CITY).to())
                .isEqualTo("2027-11-01T00:00:00Z");
        assertField(() -> SlaPeriod.parse(null, "2026-12-01", CITY), "from");
        assertField(() -> SlaPeriod.parse("2026-13-01", "2026-12-01", CITY), "from");
        assertField(() -> SlaPeriod.parse("2026-11-01", "yesterday", CITY), "to");
        assertField(() -> SlaPeriod.parse("2026-11-01", "2026-11-01", CITY), "to");
        assertField(() -> SlaPeriod.parse("2026-11-01", "2027-11-02", CITY), "to");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(SlaCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SlaCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(SlaCsv.number(0.5714)).isEqualTo("0.5714");
        assertThat(SlaCsv.number(420.0)).isEqualTo("420");
    }

    private static void assertField(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(SlaPeriod.Invalid.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static SlaFacts facts(String id, SlaFacts.Job job, SlaFacts.Message message) {
        return new SlaFacts(id, T, "CLOSED", null, null, "FLEET-1", List.of(), List.of(job), List.of(message), List.of(),
                List.of());
    }

    private static SlaFacts.Job accepted(double seconds) {
        return job("DONE", seconds, null);
    }

    private static SlaFacts.Job job(String state, Double acceptedSeconds, Integer endedSeconds) {
        return new SlaFacts.Job("U-1", "FLEET-1", "PRIMARY", state, T,
                acceptedSeconds == null ? null : T.plusMillis((long) (acceptedSeconds * 1000)),
                endedSeconds == null ? null : T.plusSeconds(endedSeconds));
    }

    private static SlaFacts.Message sms(long sent, Long delivered, Long failed) {
        return new SlaFacts.Message("SMS", failed == null ? "DELIVERED" : "FAILED", T, T.plusSeconds(sent),
                delivered == null ? null : T.plusSeconds(delivered), failed == null ? null : T.plusSeconds(failed));
    }

    private static SlaFacts.Stamp stamp(String stage, long seconds) {
        return new SlaFacts.Stamp(stage, T.plusSeconds(seconds));
    }

}
