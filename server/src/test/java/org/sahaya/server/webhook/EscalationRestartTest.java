package org.sahaya.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;

/**
 * The escalation timer is a row, not memory: a node started after the first one stopped makes the
 * call. Both nodes start outside the test method: a cold start's class loading on a busy machine
 * is not what the event-loop guard is here to catch.
 */
class EscalationRestartTest {

    @TempDir
    static Path data;
    static String incident;
    static boolean calledBeforeStop;
    static FamilyNode second;

    @BeforeAll
    static void firstNodeStopsBeforeTheCallIsDueThenASecondStarts() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        Map<String, String> settings = Map.of("SAHAYA_ESCALATION_P2_VOICE_AFTER_SECONDS", "60");
        try (FamilyNode first = new FamilyNode(data, clock, settings)) {
            first.family("demo-0301", FamilyNode.contact("C301", "son", "+447911123601", 1, null));
            incident = first.alertAndAwaitFamily("demo-0301", "restart-1");
            calledBeforeStop = !first.voice.sentFor(incident).isEmpty();
        }
        clock.advance(Duration.ofSeconds(61));
        second = new FamilyNode(data, clock, settings);
    }

    @AfterAll
    static void stop() {
        second.close();
    }

    @Test
    void voiceCallIsMadeByTheNextNodeWhenTheFirstStoppedBeforeItWasDue() {
        assertThat(calledBeforeStop).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> second.voice.sentFor(incident).size() == 1);
        assertThat(second.voice.sentFor(incident).getFirst().phone()).isEqualTo("+447911123601");
    }
}
