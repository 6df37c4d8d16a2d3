package org.sahaya.notify.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void inAZoneWithoutDaylightSavingTheNightEndsAtSevenLocal() {
        Instant kolkata2300 = Instant.parse("2025-06-01T17:30:00Z");
        Instant kolkata0300 = Instant.parse("2025-06-01T21:30:00Z");
        Instant kolkata1200 = Instant.parse("2025-06-01T06:30:00Z");

        assertThat(NIGHT.nextAllowed(kolkata2300, KOLKATA)).isEqualTo(Instant.parse("2025-06-02T01:30:00Z"));
        assertThat(NIGHT.nextAllowed(kolkata0300, KOLKATA)).isEqualTo(Instant.parse("2025-06-02T01:30:00Z"));
        assertThat(NIGHT.nextAllowed(kolkata1200, KOLKATA)).isEqualTo(kolkata1200);
    }

    @Test
    void inLondonSevenOClockIsSevenGmtInWinterAndSixUtcInSummer() {
        assertThat(NIGHT.nextAllowed(Instant.parse("2025-01-15T23:30:00Z"), LONDON))
                .isEqualTo(Instant.parse("2025-01-16T07:00:00Z"));
        assertThat(NIGHT.nextAllowed(Instant.parse("2025-07-15T22:30:00Z"), LONDON))
                .isEqualTo(Instant.parse("2025-07-16T06:00:00Z"));
    }

    @Test
    void theNightTheClocksGoForwardEndsAtSevenSummerTime() {
        // 30 March 2025, 01:00 UTC: London jumps from 01:00 GMT to 02:00 BST.
        assertThat(NIGHT.nextAllowed(Instant.parse("2025-03-29T23:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
    }

    @Test
    void anEndInsideTheSpringForwardGapMovesForwardRatherThanBeingSkipped() {
        QuietHours toHalfPastOne = new QuietHours(LocalTime.of(0, 0), LocalTime.of(1, 30));
        // 00:30 GMT on 30 March; 01:30 local does not exist that night, 02:30 BST (01:30 UTC) comes instead.
        assertThat(toHalfPastOne.nextAllowed(Instant.parse("2025-03-30T00:30:00Z"), LONDON))
                .isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void aDaytimeWindowDoesNotSpanMidnight() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(siesta.contains(Instant.parse("2025-01-15T14:00:00Z"), LONDON)).isTrue();
        assertThat(siesta.contains(Instant.parse("2025-01-15T23:00:00Z"), LONDON)).isFalse();
    }
}
