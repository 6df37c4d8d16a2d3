package org.sahaya.notify.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckLinksTest {

    private static final Instant NOW = Instant.parse("2025-01-15T14:05:40Z");
    private final AckLinks links = new AckLinks("secret", "https://s.example", Duration.ofHours(24));

    @Test
    void aLinkItMadeChecksAsValidForItsNotificationUntilItExpires() {
        String token = links.token("NTF-MWTBUIF5-IFS5VT", NOW);

        assertThat(links.link("NTF-MWTBUIF5-IFS5VT", NOW)).isEqualTo("https://s.example/a/" + token);
        assertThat(links.check(token, NOW.plus(Duration.ofHours(23))))
                .isEqualTo(new AckLinks.Check.Valid("NTF-MWTBUIF5-IFS5VT"));
        assertThat(links.check(token, NOW.plus(Duration.ofHours(25))))
                .isEqualTo(new AckLinks.Check.Expired("NTF-MWTBUIF5-IFS5VT"));
    }

    @Test
    void aTamperedOrForeignTokenIsForged() {
        String token = links.token("NTF-1", NOW);
        String otherId = token.replace("NTF-1", "NTF-2");
        String longer = token.replaceFirst("\\.([0-9a-z]+)\\.", ".zzzzzz.");
        String foreign = new AckLinks("other", "https://s.example", Duration.ofHours(24)).token("NTF-1", NOW);

        for (String bad : new String[] {otherId, longer, foreign, "", "not-a-token", null}) {
            assertThat(links.check(bad, NOW)).isInstanceOf(AckLinks.Check.Forged.class);
        }
    }
}
