package org.sahaya.notify.channel.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.util.Objects;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/**
 * SMS through Twilio's Messages API with the official SDK. One request per call (no SDK retries,
 * see {@link TwilioTransport}); delivery receipts come back to {@link TwilioAccount#statusCallback()}.
 * Blocking, thread-safe.
 */
public final class TwilioSmsChannel implements NotificationChannel {

    private final TwilioAccount account;
    private final TwilioRestClient client;

    public TwilioSmsChannel(TwilioAccount account) {
        this(account, TwilioClients.restClient(account));
    }

    TwilioSmsChannel(TwilioAccount account, TwilioRestClient client) {
        this.account = Objects.requireNonNull(account, "account");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        if (message.phone() == null || message.phone().isBlank()) {
            throw ChannelException.permanent("NO_PHONE", "the contact has no phone number");
        }
        try {
            Message sent = Message.creator(new PhoneNumber(message.phone()), new PhoneNumber(account.from()), message.text())
                    .setStatusCallback(account.statusCallback())
                    .create(client);
            return new SendReceipt(sent.getSid());
        } catch (TwilioException e) {
            throw TwilioFailures.of(e);
        }
    }
}
