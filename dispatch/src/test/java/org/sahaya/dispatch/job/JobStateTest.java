package org.sahaya.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobStateTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void onlyAnOfferCanBeAcceptedOrRunOut() {
        assertThat(JobState.OFFERED.canMoveTo(JobState.ACCEPTED)).isTrue();
        assertThat(JobState.OFFERED.canMoveTo(JobState.TIMED_OUT)).isTrue();
        assertThat(JobState.ACCEPTED.canMoveTo(JobState.TIMED_OUT)).isFalse();
        assertThat(JobState.ACCEPTED.canMoveTo(JobState.ACCEPTED)).isFalse();
    }

    @Test
    void anEndedJobStaysEnded() {
        for (JobState end : JobState.values()) {
            if (!end.isLive()) {
                for (JobState next : JobState.values()) {
                    assertThat(end.canMoveTo(next)).as("%s -> %s", end, next).isFalse();
                }
            }
        }
    }

    @Test
    void aJobEndedTwiceIsRefused() {
        Job job = Job.offered("JOB-1", "INC-1", "AMB-1", "FLEET-1", JobRole.PRIMARY, NOW, NOW.plusSeconds(60))
                .ended(JobState.DECLINED, NOW, "tyre burst", "FLEET-1");

        assertThat(job.isLive()).isFalse();
        assertThatThrownBy(() -> job.ended(JobState.DONE, NOW, "closed", "sahaya")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.accepted(NOW, "crew")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void jobIdsNameTheirIncidentAndAreNumbered() {
        assertThat(Jobs.idOf("INC-MGX2K9QZ-4F7Q2A", 2)).isEqualTo("JOB-MGX2K9QZ-4F7Q2A-2");
        assertThat(Jobs.idOf("X".repeat(64), 1)).hasSizeLessThanOrEqualTo(64);
    }
}
