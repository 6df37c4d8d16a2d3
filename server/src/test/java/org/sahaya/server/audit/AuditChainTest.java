package org.sahaya.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The chain's encoding: reproducible outside the node, unambiguous, and fitted to what the database keeps. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123456789Z");

    @Test
    void theHashIsTheDocumentedNetstringEncodingSoAnyoneCanRecomputeIt() {
        // Computed with Python's hashlib from server/docs/audit.md, not with this code.
        AuditEvent e = AuditChain.fit(new AuditEvent(AT, "asha", "coordinator", "getIncident", "incidents/I-1",
                "10.0.0.7", "ok"));

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, e))
                .isEqualTo("fa0458b47078dd4b186bbfc6c01d76b8d95acb0e1eb5a0ef43558a200ec69748");
    }

    @Test
    void movingTextFromOneFieldToTheNextChangesTheHash() {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        String one = AuditChain.hash(AuditChain.GENESIS, 1, new AuditEvent(at, "ab", "c", "x", "", "", ""));
        String other = AuditChain.hash(AuditChain.GENESIS, 1, new AuditEvent(at, "a", "bc", "x", "", "", ""));

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void everyFieldTheSeqAndThePreviousHashAreCovered() {
        AuditEvent e = new AuditEvent(AT, "a", "r", "act", "rec", "addr", "ok");
        String base = AuditChain.hash(AuditChain.GENESIS, 7, e);

        assertThat(AuditChain.hash(AuditChain.GENESIS, 8, e)).isNotEqualTo(base);
        assertThat(AuditChain.hash("1".repeat(64), 7, e)).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 7, new AuditEvent(AT.plusNanos(1_000), "a", "r", "act", "rec",
                "addr", "ok"))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 7, new AuditEvent(AT, "a", "r", "act", "rec", "addr",
                "denied"))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 7, new AuditEvent(AT, "a", "r", "act", "rec", "addr2",
                "ok"))).isNotEqualTo(base);
    }

    @Test
    void theInstantIsKeptToTheMicrosecondAsBothDatabasesStoreIt() {
        AuditEvent fitted = AuditChain.fit(new AuditEvent(AT, "a", "", "x", "", "", ""));

        assertThat(fitted.at()).isEqualTo(Instant.parse("2026-12-07T10:15:30.123456Z"));
    }

    @Test
    void longTextIsCutToItsColumnNeverBetweenTheHalvesOfASurrogatePair() {
        String actor = "a".repeat(AuditChain.ACTOR - 1) + "\uD83D\uDE91" + "tail"; // an ambulance emoji at the edge
        AuditEvent fitted = AuditChain.fit(new AuditEvent(AT, actor, "", "x", "r".repeat(500), "", ""));

        assertThat(fitted.actor()).isEqualTo("a".repeat(AuditChain.ACTOR - 1));
        assertThat(fitted.record()).hasSize(AuditChain.RECORD);
    }

    @Test
    void nulAndLoneSurrogatesBecomeReplacementCharacters() {
        AuditEvent fitted = AuditChain.fit(new AuditEvent(AT, "a\u0000b\uD800c", "", "x", "", "", ""));

        assertThat(fitted.actor()).isEqualTo("a\uFFFDb\uFFFDc");
    }
}
