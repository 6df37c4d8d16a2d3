package org.sahaya.server.gateway.dc09.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.message.Dc09Event;
import org.sahaya.server.gateway.dc09.message.Dc09Message;

class RetransmissionKeyTest {

    private static final Dc09Account ACCOUNT = new Dc09Account("1001", null, null, "demo-0501", null, null, true);
    private static final Dc09Event MA = new Dc09Event(Dc09Event.Kind.SIA, "MA", '1', "01");
    private static final Instant AT = Instant.parse("2026-01-02T10:03:00Z");

    private static Dc09Message message(String seq, String data, Instant timestamp) {
        return new Dc09Message(new Dc09Frame("SIA-DCS", false, seq, null, "0", "1001", ""), ACCOUNT, data, List.of(MA),
                timestamp);
    }

    @Test
    void aRetransmissionWithANewTimestampHasTheSameAlertId() {
        String first = RetransmissionKey.of(message("0042", "Nri1/MA01", AT), AT).alertId(0, MA);
        String again = RetransmissionKey.of(message("0042", "Nri1/MA01", AT.plusSeconds(30)), AT.plusSeconds(30))
                .alertId(0, MA);

        assertThat(again).isEqualTo(first).startsWith("dc09-1001-0042-").endsWith("-0MA");
    }

    @Test
    void otherSequenceOrDataIsAnotherAlert() {
        String first = RetransmissionKey.of(message("0042", "Nri1/MA01", AT), AT).alertId(0, MA);

        assertThat(RetransmissionKey.of(message("0043", "Nri1/MA01", AT), AT).alertId(0, MA)).isNotEqualTo(first);
        assertThat(RetransmissionKey.of(message("0042", "Nri1/MA02", AT), AT).alertId(0, MA)).isNotEqualTo(first);
    }

    @Test
    void aRetransmissionInTheNextSlotFindsTheOriginalThroughPrevious() {
        Instant slotEnd = Instant.parse("2026-01-02T10:09:59Z");
        String first = RetransmissionKey.of(message("0042", "Nri1/MA01", slotEnd), slotEnd).alertId(0, MA);
        RetransmissionKey later = RetransmissionKey.of(message("0042", "Nri1/MA01", slotEnd), slotEnd.plusSeconds(20));

        assertThat(later.alertId(0, MA)).isNotEqualTo(first);
        assertThat(later.previous().alertId(0, MA)).isEqualTo(first);
    }

    @Test
    void theSameSequenceAfterAPanelRebootHoursLaterIsANewAlert() {
        String first = RetransmissionKey.of(message("0001", "Nri1/MA01", AT), AT).alertId(0, MA);
        RetransmissionKey later = RetransmissionKey.of(message("0001", "Nri1/MA01", AT), AT.plusSeconds(3 * 3600));

        assertThat(later.alertId(0, MA)).isNotEqualTo(first);
        assertThat(later.previous().alertId(0, MA)).isNotEqualTo(first);
    }

    @Test
    void aReplayFindsTheOriginalsIdsFromAnySlot() {
        String first = RetransmissionKey.of(message("0042", "Nri1/MA01", AT), AT).alertId(0, MA);
        RetransmissionKey later = RetransmissionKey.of(message("0042", "Nri1/MA01", AT), AT.plusSeconds(25 * 60));

        assertThat(first).startsWith(later.stem() + "-");
        assertThat(later.alertId(0, MA)).isNotEqualTo(first);
        assertThat(later.sameAs(first).alertId(0, MA)).isEqualTo(first);
    }

    @Test
    void theReplayWindowCoversTheWholeTimestampWindowAndAtLeastASlot() {
        assertThat(RetransmissionKey.replayWindow(new TimestampWindow(java.time.Duration.ofSeconds(40),
                java.time.Duration.ofSeconds(20)))).isEqualTo(RetransmissionKey.SLOT);
        assertThat(RetransmissionKey.replayWindow(new TimestampWindow(java.time.Duration.ofMinutes(30),
                java.time.Duration.ofMinutes(30)))).isEqualTo(java.time.Duration.ofHours(1));
    }
}
