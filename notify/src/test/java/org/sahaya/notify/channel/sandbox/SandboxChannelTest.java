package org.sahaya.notify.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

class SandboxChannelTest {

    private final Database database = FamilyFixture.openDatabase();
    private final SandboxChannel channel = new SandboxChannel(database, FamilyFixture.CLOCK);
    private final SandboxInbox inbox = new SandboxInbox(database);

    @AfterEach
    void close() {
        database.close();
    }

    private static OutgoingMessage message(String id, String phone, String text) {
        return new OutgoingMessage(id, "INC-1", Channel.SANDBOX, phone, null, "en", text);
    }

    @Test
    void sendingRecordsTheMessageWhereTheInboxCanReadIt() throws ChannelException {
        SendReceipt receipt = channel.send(message("N-1", "+447700900123", "Asha: fall detected"));

        SandboxMessage recorded = inbox.latest(10).getFirst();
        assertThat(receipt.providerId()).isEqualTo(SandboxChannel.PROVIDER_PREFIX + recorded.seq());
        assertThat(recorded).isEqualTo(new SandboxMessage(recorded.seq(), "N-1", "+447700900123", "en",
                "Asha: fall detected", FamilyFixture.NOW));
    }

    @Test
    void handingTheSameNotificationOverTwiceRecordsItOnceWithOneReceipt() throws ChannelException {
        SendReceipt first = channel.send(message("N-1", "+447700900123", "Asha: fall detected"));
        SendReceipt again = channel.send(message("N-1", "+447700900123", "Asha: fall detected"));

        assertThat(again).isEqualTo(first);
        assertThat(inbox.latest(10)).hasSize(1);
    }

    @Test
    void theInboxShowsTheLatestMessagesNewestFirst() throws ChannelException {
        for (int i = 1; i <= 5; i++) {
            channel.send(message("N-" + i, "+447700900123", "message " + i));
        }

        assertThat(inbox.latest(3)).extracting(SandboxMessage::body).containsExactly("message 5", "message 4", "message 3");
    }

    @Test
    void theInboxCanShowOnePhoneOnly() throws ChannelException {
        channel.send(message("N-1", "+447700900123", "to London"));
        channel.send(message("N-2", "+971501234567", "to Dubai"));
        channel.send(message("N-3", "+447700900123", "to London again"));

        assertThat(inbox.latest(10, "+971501234567")).extracting(SandboxMessage::body).containsExactly("to Dubai");
        assertThat(inbox.latest(10, "+447700900123")).hasSize(2);
    }

    @Test
    void aContactWithoutAPhoneIsAPermanentFailure() {
        assertThatThrownBy(() -> channel.send(message("N-1", null, "Asha: fall detected")))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.reason()).isEqualTo("NO_PHONE");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void recordedMessagesKeepPhoneAndTextOutOfLogs() throws ChannelException {
        channel.send(message("N-1", "+447700900123", "Asha: fall detected"));

        assertThat(inbox.latest(1).getFirst().toString()).doesNotContain("+44", "Asha");
        assertThat(message("N-1", "+447700900123", "Asha").toString()).doesNotContain("+44", "Asha");
    }
}
