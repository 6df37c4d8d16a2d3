package org.sahaya.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/** Hand-overs and failures counted per channel and provider; the channel itself unchanged. */
class MeteredChannelTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void takenMessagesAreTimedAndRefusalsAndErrorsCountedByKind() throws Exception {
        NotificationChannel sms = MeteredChannel.all(Map.of(Channel.SMS, new Scripted()), registry).get(Channel.SMS);

        assertThat(sms.send(message("ok")).providerId()).isEqualTo("P-ok");
        assertThatThrownBy(() -> sms.send(message("busy"))).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> sms.send(message("bad"))).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> sms.send(message("bug"))).isInstanceOf(IllegalStateException.class);

        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.idempotent()).isTrue();
        assertThat(registry.get(MeteredChannel.HANDOVER).tags("channel", "sms", "provider", "scripted").timer().count())
                .isEqualTo(1);
        for (String outcome : new String[] {"retryable", "permanent", "error"}) {
            assertThat(registry.get(MeteredChannel.FAILURES).tags("channel", "sms", "provider", "scripted", "outcome", outcome)
                    .counter().count()).as(outcome).isEqualTo(1);
        }
    }

    private static OutgoingMessage message(String id) {
        return new OutgoingMessage(id, "INC-1", Channel.SMS, "+447911123456", null, "en", "text", null);
    }

    /** Answers by the notification id: ok, busy (retryable), bad (permanent), bug (throws). */
    static final class Scripted implements NotificationChannel {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendReceipt send(OutgoingMessage message) throws ChannelException {
            return switch (message.notificationId()) {
                case "busy" -> throw ChannelException.retryable("PROVIDER_UNAVAILABLE", "503", null);
                case "bad" -> throw ChannelException.permanent("INVALID_NUMBER", "21211");
                case "bug" -> throw new IllegalStateException("a bug");
                default -> new SendReceipt("P-" + message.notificationId());
            };
        }

        @Override
        public boolean idempotent() {
            return true;
        }
    }
}
