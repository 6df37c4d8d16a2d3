package org.sahaya.loadtest.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Crc16Arc;
import org.sahaya.core.dc09.Dc09Envelope;

class SiaFrameTest {

    @Test
    void frameCarriesCrcAndLengthOfItsTextFromTheOpeningQuote() {
        String frame = SiaFrame.plain(42, "1001", "Nri1/MA01", Instant.parse("2026-11-25T01:02:03Z"));

        String text = "\"SIA-DCS\"0042L0#1001[#1001|Nri1/MA01]_01:02:03,11-25-2026";
        assertThat(frame).isEqualTo("\n" + String.format("%04X", Crc16Arc.of(text.getBytes(StandardCharsets.US_ASCII)))
                + String.format("%04X", text.length()) + text + "\r");
    }

    @Test
    void sequenceOutsideTheFourDigitsIsRefused() {
        assertThatThrownBy(() -> SiaFrame.plain(10_000, "1001", "Nri1/RP01", Instant.now()))
                .hasMessageContaining("sequence");
    }

    @Test
    void answerNamesItsTokenAndTheSequenceItAnswers() {
        String ack = Dc09Envelope.wrap("\"ACK\"0042L0#1001[]_01:02:03,11-25-2026");
        String nak = Dc09Envelope.wrap("\"NAK\"0000R0L0A0[]_01:02:03,11-25-2026");

        assertThat(SiaFrame.answer(ack.substring(0, ack.length() - 1))).isEqualTo(new SiaFrame.Answer("ACK", 42));
        assertThat(SiaFrame.answer(nak.substring(0, nak.length() - 1)).acknowledged()).isFalse();
    }

    @Test
    void answerWithABadCrcIsRefused() {
        String ack = Dc09Envelope.wrap("\"ACK\"0042L0#1001[]_01:02:03,11-25-2026");
        String corrupted = ack.substring(0, ack.length() - 1).replace("0042", "0043");

        assertThatThrownBy(() -> SiaFrame.answer(corrupted)).hasMessageContaining("CRC");
    }
}
