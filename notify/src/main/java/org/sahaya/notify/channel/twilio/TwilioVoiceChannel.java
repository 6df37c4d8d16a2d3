package org.sahaya.notify.channel.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.util.List;
import java.util.Objects;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;

/**
 * A phone call through Twilio's Calls API: the message is read in the contact's language and a
 * key press (1) acknowledges it through {@link TwilioAccount#gatherAction}. The TwiML travels
 * inline with the request, so the call needs no fetch back to us before it can speak. Progress
 * (ringing, answered, completed, no-answer) comes back to {@link TwilioAccount#statusCallback()}.
 * Blocking, thread-safe; one request per call.
 */
public final class TwilioVoiceChannel implements NotificationChannel {

    /** Seconds Twilio lets the phone ring before reporting no-answer. */
    static final int RING_SECONDS = 30;

    private final TwilioAccount account;
    private final TwilioRestClient client;

    public TwilioVoiceChannel(TwilioAccount account) {
        this(account, TwilioClients.restClient(account));
    }

    TwilioVoiceChannel(TwilioAccount account, TwilioRestClient client) {
        this.account = Objects.requireNonNull(account, "account");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public SendReceipt send(OutgoingMessage message) throws ChannelException {
        if (message.phone() == null || message.phone().isBlank()) {
            throw ChannelException.permanent("NO_PHONE", "the contact has no phone number");
        }
        String twiml = VoiceScript.twiml(message.text(), message.language(),
                account.gatherAction(message.notificationId()));
        try {
            Call call = Call.creator(new PhoneNumber(message.phone()), new PhoneNumber(account.from()), new Twiml(twiml))
                    .setStatusCallback(account.statusCallback())
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .setTimeout(RING_SECONDS)
                    .create(client);
            return new SendReceipt(call.getSid());
        } catch (TwilioException e) {
            throw TwilioFailures.of(e);
        }
    }
}
