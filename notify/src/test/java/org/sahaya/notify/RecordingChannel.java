package org.sahaya.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/** Counts every hand-over before passing it on, or answers every send with a fixed failure. */
final class RecordingChannel implements NotificationChannel {

    private final NotificationChannel next;
    private final Exception failure;
    private final List<OutgoingMessage> handed = new CopyOnWriteArrayList<>();

    private RecordingChannel(NotificationChannel next, Exception failure) {
        this.next = next;
        this.failure = failure;
    }

    static RecordingChannel passingTo(NotificationChannel next) {
        return new RecordingChannel(next, null);
    }

    static RecordingChannel failingWith(Exception failure) {
        return new RecordingChannel(null, failure);
    }

    List<OutgoingMessage> handed() {
        return handed;
    }

    @Override
    public Channel channel() {
        return Channel.SANDBOX;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        handed.add(message);
        if (failure instanceof ChannelException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        return next.send(message);
    }
}
