package org.sahaya.server.gateway.dc09.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Dc09Envelope;
import org.sahaya.core.dc09.Dc09Frame;

class FrameReaderTest {

    private static String framed(String text) {
        String f = Dc09Envelope.wrap(text);
        return f.substring(1, f.length() - 1);
    }

    @Test
    void readsTheHeaderOfAnAdmCidMessage() {
        Dc09Frame f = FrameReader.read(framed("\"ADM-CID\"0042R1AL2#1001[#1001|1100 01 015]_10:00:00,01-02-2026"));

        assertThat(f.token()).isEqualTo("ADM-CID");
        assertThat(f.encrypted()).isFalse();
        assertThat(f.sequence()).isEqualTo("0042");
        assertThat(f.receiver()).isEqualTo("1A");
        assertThat(f.prefix()).isEqualTo("2");
        assertThat(f.account()).isEqualTo("1001");
        assertThat(f.body()).isEqualTo("#1001|1100 01 015]_10:00:00,01-02-2026");
    }

    @Test
    void marksAnEncryptedMessageByTheStarOfItsId() {
        Dc09Frame f = FrameReader.read(framed("\"*SIA-DCS\"0001L0#2001[" + "AB".repeat(16)));

        assertThat(f.encrypted()).isTrue();
        assertThat(f.token()).isEqualTo("SIA-DCS");
        assertThat(f.receiver()).isNull();
    }

    @Test
    void refusesAWrongCrc() {
        String good = framed("\"NULL\"0001L0#1001[]");
        String bad = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);

        assertThatThrownBy(() -> FrameReader.read(bad)).isInstanceOf(BadFrame.class).hasMessageContaining("CRC");
    }

    @Test
    void refusesALengthThatDoesNotMatch() {
        String good = framed("\"NULL\"0001L0#1001[]");
        String bad = good.substring(0, 4) + "0099" + good.substring(8);

        assertThatThrownBy(() -> FrameReader.read(bad)).isInstanceOf(BadFrame.class).hasMessageContaining("length");
    }

    @Test
    void refusesAMalformedHeaderWithoutNamingAnAccount() {
        assertThatThrownBy(() -> FrameReader.read(framed("\"NULL\"01L0#1001[]")))
                .isInstanceOfSatisfying(BadFrame.class, e -> assertThat(e.frame()).isNull());
        assertThatThrownBy(() -> FrameReader.read("nonsense")).isInstanceOf(BadFrame.class);
    }

    @Test
    void unknownMessageTypeKeepsTheHeaderForADuh() {
        assertThatThrownBy(() -> FrameReader.read(framed("\"SIA-XYZ\"0003L0#1001[]")))
                .isInstanceOfSatisfying(BadFrame.class, e -> assertThat(e.frame().account()).isEqualTo("1001"));
    }
}
