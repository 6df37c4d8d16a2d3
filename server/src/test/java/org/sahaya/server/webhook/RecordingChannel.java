package org.sahaya.server.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/** An in-memory SMS, push or voice channel: records every hand-over and answers Twilio-like ids. */
final class RecordingChannel implements NotificationChannel {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Channel channel;
    private final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();

    RecordingChannel(Channel channel) {
        this.channel = channel;
    }

    List<OutgoingMessage> sent() {
        return sent;
    }

    List<OutgoingMessage> sentFor(String incidentId) {
        return sent.stream().filter(m -> m.incidentId().equals(incidentId)).toList();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) {
        sent.add(message);
        String prefix = switch (channel) {
            case SMS -> "SM";
            case VOICE -> "CA";
            default -> "PN";
        };
        return new SendReceipt(prefix + String.format("%032d", SEQ.incrementAndGet()));
    }
}
