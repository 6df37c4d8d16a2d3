package org.sahaya.notify.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.plan.NotificationPlanner;
import org.sahaya.notify.plan.PlannedMessage;
import org.sahaya.notify.template.SmsSegments;

class SmsAckHintTest {

    private static final String LINK = new AckLinks("secret", "https://sahaya.example", Duration.ofHours(24))
            .link("NTF-MWTBUIF5-IFS5VT", Instant.parse("2025-01-15T14:05:40Z"));

    @Test
    void anIndianNumberAlwaysGetsTheLinkBecauseItCannotReplyBySms() {
        String text = english();
        assertThat(SmsAckHint.withLink(text, LINK, "+919845012345")).isEqualTo(text + "\n" + LINK);
    }

    @Test
    void elsewhereTheLinkIsAddedOnlyWhenItCostsNoExtraPart() {
        String text = english();
        String withLink = text + "\n" + LINK;
        assertThat(SmsSegments.of(text).segments()).isEqualTo(1);
        assertThat(SmsSegments.of(withLink).segments()).isEqualTo(2);

        assertThat(SmsAckHint.withLink(text, LINK, "+447911123456")).isEqualTo(text);
        assertThat(SmsAckHint.withLink("Short.", LINK, "+447911123456")).isEqualTo("Short.\n" + LINK);
    }

    @Test
    void twoWaySmsReachesEveryCountryButIndia() {
        assertThat(TwoWaySms.reaches("+447911123456")).isTrue();
        assertThat(TwoWaySms.reaches("+14085550123")).isTrue();
        assertThat(TwoWaySms.reaches("+919845012345")).isFalse();
        assertThat(TwoWaySms.reaches(null)).isFalse();
    }

    private static String english() {
        List<PlannedMessage> plan = new NotificationPlanner().plan(
                FamilyFixture.dispatched(Priority.P1, List.of(FamilyFixture.RAVI_LONDON), Channel.SANDBOX));
        return plan.getFirst().text();
    }
}
