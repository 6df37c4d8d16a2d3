package org.sahaya.notify.ack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.plan.NotificationPlanner;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.notify.template.SmsSegments;

/**
 * What the acknowledgement link costs in SMS parts, in every language: at most one more part
 * (measured: English DISPATCHED 132 septets/1 part -> 201/2; Indic and Arabic 3 -> 4 parts; German
 * QUEUED 181/2 -> 250/2). {@link SmsAckHint} therefore adds it to non-Indian numbers only when free.
 */
class AckLinkCostTest {

    @Test
    void theLinkAddsAtMostOnePartInEveryLanguage() {
        String link = new AckLinks("secret", "https://sahaya.example", Duration.ofHours(24))
                .link("NTF-MWTBUIF5-IFS5VT", Instant.parse("2025-01-15T14:05:40Z"));
        org.assertj.core.api.Assertions.assertThat(link).hasSizeLessThanOrEqualTo(70);
        for (String lang : MessageTemplates.LANGUAGES) {
            Contact c = new Contact("CON-1", "SUB-1", "Ravi", "son", "+447911123456", lang, "Europe/London", 1, null);
            for (var req : List.of(FamilyFixture.dispatched(Priority.P1, List.of(c), Channel.SANDBOX),
                    FamilyFixture.queued(Priority.P1, List.of(c), Channel.SANDBOX))) {
                String t = new NotificationPlanner().plan(req).getFirst().text();
                SmsSegments a = SmsSegments.of(t);
                SmsSegments b = SmsSegments.of(t + "\n" + link);
                org.assertj.core.api.Assertions.assertThat(b.segments()).as(lang + " " + req.step())
                        .isLessThanOrEqualTo(a.segments() + 1);
            }
        }
    }
}
