package org.sahaya.core.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class Dc09FrameTest {

    @Test
    void aBuiltFrameOpensAndReadsBackToItsParts() {
        Dc09Frame built = new Dc09Frame(Dc09Frame.SIA_DCS, true, "0042", "1A", "2", "1001", "ABCD");
        String framed = built.framed();

        assertThat(framed).startsWith("\n").endsWith("\r").contains("\"*SIA-DCS\"0042R1AL2#1001[ABCD");
        assertThat(Dc09Frame.read(Dc09Envelope.open(framed.substring(1, framed.length() - 1)))).isEqualTo(built);
    }

    @Test
    void aFrameWithoutReceiverLeavesItOut() {
        assertThat(new Dc09Frame("ACK", false, "0001", null, "0", "1001", "]").text()).isEqualTo("\"ACK\"0001L0#1001[]");
    }

    @Test
    void timestampIsUtcInTheFramesOwnLayout() {
        assertThat(Dc09Frame.timestamp(Instant.parse("2026-11-25T01:02:03Z"))).isEqualTo("_01:02:03,11-25-2026");
    }

    @Test
    void openRefusesWhatTheCrcOrLengthDoNotCover() {
        String good = Dc09Envelope.wrap("\"NULL\"0001L0#1001[]");
        String frame = good.substring(1, good.length() - 1);

        assertThatThrownBy(() -> Dc09Envelope.open(frame + "X")).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> Dc09Envelope.open(frame.replace("1001", "1002"))).hasMessageContaining("CRC");
        assertThatThrownBy(() -> Dc09Envelope.open("ZZZZ0001x")).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> Dc09Envelope.open("short")).hasMessageContaining("too short");
    }

    @Test
    void readRefusesAHeaderWithoutAccount() {
        assertThatThrownBy(() -> Dc09Frame.read("\"NAK\"0000R0L0A0[]")).isInstanceOf(MalformedFrameException.class);
    }
}
