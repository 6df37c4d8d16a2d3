package org.sahaya.server.gateway.dc09.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.sahaya.server.gateway.dc09.message.Dc09Message;

/** The decisions that need no database: heartbeats, the timestamp window, the rate limit of supervision. */
class MessageIntakeTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> heard = new ArrayList<>();
    private final DeviceActivity activity = (device, at, gateway) -> heard.add(device + "@" + at + " " + gateway);

    private MessageIntake intake(DeviceRateLimit limit) {
        return new MessageIntake(null, null, activity, limit,
                new TimestampWindow(Duration.ofSeconds(40), Duration.ofSeconds(20)), clock);
    }

    private static Dc09Message nullMessage(Dc09Account account, Instant timestamp) {
        return new Dc09Message(new Dc09Frame("NULL", false, "0001", null, "0", account.account(), ""), account, "",
                List.of(), timestamp);
    }

    private static Dc09Account account(Duration window) {
        return new Dc09Account("1001", null, null, "demo-0501", null, window, true);
    }

    private Dc09Answer answer(MessageIntake intake, Dc09Message message) {
        return intake.answer(message).result().answer();
    }

    @Test
    void nullSupervisionMessageIsAHeartbeatAndGetsAck() {
        Dc09Answer answer = answer(intake(new DeviceRateLimit(1, 5, clock)), nullMessage(account(null), NOW.minusSeconds(5)));

        assertThat(answer).isInstanceOf(Dc09Answer.Ack.class);
        assertThat(heard).containsExactly("demo-0501@" + NOW + " dc09");
    }

    @Test
    void staleTimestampGetsNakAndCountsForNothing() {
        Dc09Answer answer = answer(intake(new DeviceRateLimit(1, 5, clock)), nullMessage(account(null), NOW.minusSeconds(41)));

        assertThat(answer).isInstanceOf(Dc09Answer.Nak.class);
        assertThat(heard).isEmpty();
    }

    @Test
    void timestampFromTheFutureBeyondTheWindowGetsNak() {
        assertThat(answer(intake(new DeviceRateLimit(1, 5, clock)), nullMessage(account(null), NOW.plusSeconds(21))))
                .isInstanceOf(Dc09Answer.Nak.class);
    }

    @Test
    void anAccountsOwnWindowReplacesTheDefault() {
        MessageIntake intake = intake(new DeviceRateLimit(1, 5, clock));

        assertThat(answer(intake, nullMessage(account(Duration.ofMinutes(5)), NOW.minusSeconds(200))))
                .isInstanceOf(Dc09Answer.Ack.class);
        assertThat(answer(intake, nullMessage(account(Duration.ofSeconds(5)), NOW.minusSeconds(10))))
                .isInstanceOf(Dc09Answer.Nak.class);
    }

    @Test
    void aMessageWithoutATimestampGetsNakAndCountsForNothing() {
        Dc09Answer answer = answer(intake(new DeviceRateLimit(1, 5, clock)), nullMessage(account(null), null));

        assertThat(answer).isInstanceOf(Dc09Answer.Nak.class);
        assertThat(heard).isEmpty();
    }

    @Test
    void supervisionBeyondTheRateLimitGetsNakUntilTokensReturn() {
        MessageIntake intake = intake(new DeviceRateLimit(1, 2, clock));
        Dc09Message beat = nullMessage(account(null), NOW);

        assertThat(answer(intake, beat)).isInstanceOf(Dc09Answer.Ack.class);
        assertThat(answer(intake, beat)).isInstanceOf(Dc09Answer.Ack.class);
        assertThat(answer(intake, beat)).isInstanceOf(Dc09Answer.Nak.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(answer(intake, beat)).isInstanceOf(Dc09Answer.Ack.class);
    }
}
