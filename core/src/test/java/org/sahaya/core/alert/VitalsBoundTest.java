package org.sahaya.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VitalsBoundTest {

    private static Alert alert(String vitals) {
        return new Alert("a-1", "demo-0001", AlertType.FALL, Instant.EPOCH, Instant.EPOCH, null, null, vitals);
    }

    @Test
    void vitalsWithinTheBoundAreKeptAsSent() {
        Alert a = alert("{\"heartRate\":131,\"ecg\":{\"lead\":[1,2,3]}}");
        assertThat(a.vitalsJson()).isEqualTo("{\"heartRate\":131,\"ecg\":{\"lead\":[1,2,3]}}");
        assertThat(a.extrasTruncated()).isFalse();
        assertThat(alert(null).extrasTruncated()).isFalse();
    }

    @Test
    void entriesThatWouldPassTheBoundAreDroppedAndLaterSmallOnesKept() {
        Alert a = alert("{\"heartRate\":131,\"ecg\":\"" + "9".repeat(9_000) + "\",\"responsive\":false}");
        assertThat(a.vitalsJson()).isEqualTo("{\"heartRate\":131,\"responsive\":false}");
        assertThat(a.extrasTruncated()).isTrue();
    }

    @Test
    void manySmallEntriesAreKeptUpToExactlyTheBound() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < 2_000; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        Alert a = alert(b.append('}').toString());
        assertThat(a.vitalsJson().length()).isLessThanOrEqualTo(VitalsBound.MAX_CHARS).isGreaterThan(VitalsBound.MAX_CHARS - 12);
        assertThat(a.vitalsJson()).startsWith("{\"k0\":0,\"k1\":1,").endsWith("}");
        assertThat(a.extrasTruncated()).isTrue();
    }

    @Test
    void entriesNestedDeeperThanTheBoundAreDropped() {
        String deep = "{\"a\":".repeat(9) + "1" + "}".repeat(9);
        Alert a = alert("{\"hr\":60,\"deep\":" + deep + "}");
        assertThat(a.vitalsJson()).isEqualTo("{\"hr\":60}");
        assertThat(a.extrasTruncated()).isTrue();
        String ok = "{\"a\":".repeat(7) + "1" + "}".repeat(7);
        assertThat(alert("{\"deep\":" + ok + "}").extrasTruncated()).isFalse();
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertThat(alert("{\"note\":\"[[[[[[[[[[{{{{{{{{{\\\"\"}").extrasTruncated()).isFalse();
    }

    @Test
    void oversizedVitalsThatAreNotAnObjectAreDroppedWhole() {
        Alert a = alert("[" + "1,".repeat(5_000) + "1]");
        assertThat(a.vitalsJson()).isNull();
        assertThat(a.extrasTruncated()).isTrue();
        assertThat(alert("x".repeat(9_000)).vitalsJson()).isNull();
    }
}
