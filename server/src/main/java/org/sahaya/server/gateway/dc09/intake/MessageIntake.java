package org.sahaya.server.gateway.dc09.intake;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.dispatch.intake.IntakeResult;
import org.sahaya.dispatch.intake.UnknownDeviceException;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.sahaya.server.gateway.dc09.message.Dc09Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the answer to a readable message: NAK without a timestamp, outside the timestamp window or
 * over the rate limit (never for an emergency), ACK for a NULL supervision message (a heartbeat), and
 * for events ACK only once every alert of the message is persisted. A retransmission, and a replay
 * of a message already taken, maps to the same alert ids as the original for as long as the
 * timestamp window could let it through ({@link RetransmissionKey#replayWindow}), so the intake
 * answers it from what it stored the first time: ACK, and no new incident.
 */
public final class MessageIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);

    /** The answer, and what to do once it is on the wire. */
    public record Reply(Dc09Answer answer, Runnable sent) {
        public static Reply of(Dc09Answer answer) {
            return new Reply(answer, () -> { });
        }
    }

    private final AlertReception reception;
    private final KnownAlerts known;
    private final DeviceActivity activity;
    private final DeviceRateLimit rateLimit;
    private final TimestampWindow window;
    private final Clock clock;

    public MessageIntake(AlertReception reception, KnownAlerts known, DeviceActivity activity, DeviceRateLimit rateLimit,
                  TimestampWindow window, Clock clock) {
        this.reception = reception;
        this.known = known;
        this.activity = activity;
        this.rateLimit = rateLimit;
        this.window = window;
        this.clock = clock;
    }

    public Future<Reply> answer(Dc09Message message) {
        Instant now = clock.instant();
        Dc09Account account = message.account();
        TimestampWindow accountWindow = window.forAccount(account);
        if (message.timestamp() == null) {
            return Future.succeededFuture(Reply.of(new Dc09Answer.Nak("a message must carry a timestamp")));
        }
        if (!accountWindow.contains(message.timestamp(), now)) {
            return Future.succeededFuture(Reply.of(new Dc09Answer.Nak("timestamp outside the window")));
        }
        activity.heard(account.deviceId(), now, "dc09");
        Dc09Answer.Ack ack = new Dc09Answer.Ack(message.frame(), message.frame().encrypted() ? account.key() : null);
        if (message.events().isEmpty()) {
            return Future.succeededFuture(Reply.of(rateLimit.admitRoutine(account.deviceId())
                    ? ack : new Dc09Answer.Nak("rate limit")));
        }
        List<AlertType> types = message.events().stream()
                .map(e -> EventMapping.alertType(e).orElse(AlertType.TEST)).toList();
        if (!admitted(account.deviceId(), types)) {
            return Future.succeededFuture(Reply.of(new Dc09Answer.Nak("rate limit")));
        }
        RetransmissionKey key = RetransmissionKey.of(message, now);
        Instant since = now.minus(RetransmissionKey.replayWindow(accountWindow));
        return known.receivedSince(account.deviceId(), key.stem() + "-", since)
                .compose(original -> store(message, types, original.map(key::sameAs).orElse(key), now))
                .map(stored -> new Reply(ack, () -> stored.forEach(s -> reception.acknowledged(s.alert(), s.result()))))
                .recover(failure -> Future.succeededFuture(Reply.of(refusal(message, failure))));
    }

    /** An emergency is always taken, and routine events with it; routine messages only while the account has tokens. */
    private boolean admitted(String deviceId, List<AlertType> types) {
        boolean urgent = false;
        boolean all = true;
        for (AlertType type : types) {
            urgent |= DeviceRateLimit.isNeverDropped(type);
            all &= rateLimit.admit(deviceId, type);
        }
        return urgent || all;
    }

    private Future<List<Stored>> store(Dc09Message message, List<AlertType> types, RetransmissionKey key, Instant now) {
        Instant occurredAt = message.timestamp();
        List<Future<Stored>> stored = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Alert alert = new Alert(key.alertId(i, message.events().get(i)), message.account().deviceId(), types.get(i),
                    occurredAt, now, null, null, null);
            stored.add(reception.receive(alert).map(result -> new Stored(alert, result)));
        }
        return Future.all(stored).map(all -> all.<Stored>list());
    }

    private static Dc09Answer refusal(Dc09Message message, Throwable failure) {
        if (failure instanceof UnknownDeviceException) {
            return new Dc09Answer.Duh(message.frame());
        }
        LOG.warn("DC-09 message of account {} not stored ({}): NAK, the panel will retransmit",
                message.frame().account(), failure.getClass().getSimpleName());
        return new Dc09Answer.Nak("not stored");
    }

    private record Stored(Alert alert, IntakeResult result) {
    }
}
