package org.sahaya.server.gateway.dc09.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.frame.BadFrame;

class MessageReaderTest {

    private static final Dc09Account PLAIN = new Dc09Account("1001", null, null, "demo-0501", null, null, true);

    private static Dc09Frame frame(String token, boolean encrypted) {
        return new Dc09Frame(token, encrypted, "0007", null, "0", "1001", "");
    }

    @Test
    void readsSiaEventsZonesAndTheTimestamp() {
        Dc09Message m = MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|Nri1/MA01/FA02]_10:00:00,01-02-2026");

        assertThat(m.events()).extracting(Dc09Event::code).containsExactly("MA", "FA");
        assertThat(m.events()).extracting(Dc09Event::zone).containsExactly("01", "02");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(m.data()).isEqualTo("Nri1/MA01/FA02");
    }

    @Test
    void readsAContactIdEventWithQualifierAndZone() {
        Dc09Message m = MessageReader.read(frame("ADM-CID", false), PLAIN, "#1001|3101 01 015][X0]_10:00:00,01-02-2026");

        assertThat(m.events()).containsExactly(new Dc09Event(Dc09Event.Kind.CONTACT_ID, "101", '3', "015"));
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void aNullMessageHasNoEvents() {
        assertThat(MessageReader.read(frame("NULL", false), PLAIN, "]_10:00:00,01-02-2026").events()).isEmpty();
    }

    @Test
    void refusesContentThatDoesNotFollowItsType() {
        assertThatThrownBy(() -> MessageReader.read(frame("ADM-CID", false), PLAIN, "#1001|99]")).isInstanceOf(BadFrame.class);
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|nothing]")).isInstanceOf(BadFrame.class);
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1002|NMA01]")).hasMessageContaining("account");
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|NMA01")).hasMessageContaining("bracket");
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|NMA01]_99:00:00,01-02-2026"))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|NMA01]junk"))
                .hasMessageContaining("after the data");
    }

    @Test
    void anEncryptedMessageMustCarryATimestamp() {
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", true), PLAIN, "#1001|NMA01]"))
                .hasMessageContaining("timestamp");
    }

    @Test
    void aMessageInTheClearMustCarryATimestampToo() {
        assertThatThrownBy(() -> MessageReader.read(frame("SIA-DCS", false), PLAIN, "#1001|NMA01]"))
                .isInstanceOf(BadFrame.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> MessageReader.read(frame("NULL", false), PLAIN, "]"))
                .isInstanceOf(BadFrame.class).hasMessageContaining("timestamp");
    }
}
