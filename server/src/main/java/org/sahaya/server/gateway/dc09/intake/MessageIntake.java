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
 * Decides the answer to a readable message: NAK outside the timestamp window or over the rate
 * limit (never for an emergency), ACK for a NULL supervision message (a heartbeat), and for events
 * ACK only once every alert of the message is persisted. A retransmission maps to the same alert
 * ids ({@link RetransmissionKey}), so the intake answers it from what it stored the first time.
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
        if (message.timestamp() != null && !window.forAccount(account).contains(message.timestamp(), now)) {
            return Future.succeededFuture(Reply.of(new Dc09Answer.Nak("timestamp outside the window")));
        }
        activity.heard(account.deviceId(), now, "dc09");
        Dc09Answer.Ack ack = new Dc09Answer.Ack(message.frame(), account.key());
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
        RetransmissionKey earlier = key.previous();
        return known.contains(account.deviceId(), earlier.alertId(0, message.events().get(0)))
                .compose(seen -> store(message, types, seen ? earlier : key, now))
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
        Instant occurredAt = message.timestamp() == null ? now : message.timestamp();
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
