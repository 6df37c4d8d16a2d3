package org.sahaya.notify.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.notify.fake.FakeTwilio.Failure;

/** The real Twilio SDK, through our transport, against the local fake Twilio. */
class TwilioSmsChannelTest {

    static final String RAVI = "+447700900123";
    static final URI PUBLIC = URI.create("https://sahaya.example.org");

    static FakeTwilio twilio;
    static TwilioSmsChannel sms;

    @BeforeAll
    static void start() {
        twilio = FakeTwilio.start();
        sms = new TwilioSmsChannel(account(twilio.baseUrl(), FakeTwilio.AUTH_TOKEN));
    }

    @AfterAll
    static void stop() {
        twilio.close();
    }

    @BeforeEach
    void reset() {
        twilio.reset();
    }

    /** Generous: on a loaded machine the SDK's first call is slow, and only the timeout tests may time out. */
    static TwilioAccount account(URI base, String token) {
        return account(base, token, Duration.ofSeconds(10));
    }

    static TwilioAccount account(URI base, String token, Duration timeout) {
        return new TwilioAccount(FakeTwilio.ACCOUNT_SID, token, FakeTwilio.FROM, base, PUBLIC, timeout);
    }

    static OutgoingMessage message(String phone) {
        return new OutgoingMessage("N-1", "INC-1", Channel.SMS, phone, null, "en-GB",
                "Asha: fall detected at 14:05. Ambulance KA-07 on the way, ETA 7 minutes.");
    }

    @Test
    void smsReachesTwilioWithRecipientTextAndStatusCallback() throws Exception {
        SendReceipt receipt = sms.send(message(RAVI));

        assertThat(twilio.requests()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("message");
            assertThat(r.to()).isEqualTo(RAVI);
            assertThat(r.from()).isEqualTo(FakeTwilio.FROM);
            assertThat(r.body()).isEqualTo(message(RAVI).text());
            assertThat(r.statusCallback()).isEqualTo("https://sahaya.example.org/webhooks/twilio/status");
            assertThat(receipt.providerId()).isEqualTo(r.sid()).startsWith("SM");
        });
    }

    @Test
    void anInvalidNumberIsAPermanentFailureThatDoesNotQuoteTheNumber() {
        twilio.failFor(RAVI, Failure.invalidNumber());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> sms.send(message(RAVI)));

        assertThat(e.reason()).isEqualTo("TWILIO_21211");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(RAVI).doesNotContain("7700900123");
    }

    @Test
    void anUnsubscribedRecipientIsAPermanentFailure() {
        twilio.failFor(RAVI, Failure.unsubscribed());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> sms.send(message(RAVI)));

        assertThat(e.reason()).isEqualTo("TWILIO_21610");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsRetryable() {
        twilio.failNext(Failure.tooManyRequests());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> sms.send(message(RAVI)));

        assertThat(e.reason()).isEqualTo("TWILIO_20429");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aServerErrorIsRetryableButTheSdkDoesNotRepeatThePost() {
        twilio.failNext(Failure.internalError(), Failure.unavailable());

        ChannelException first = catchThrowableOfType(ChannelException.class, () -> sms.send(message(RAVI)));

        assertThat(first.reason()).isEqualTo("TWILIO_20500");
        assertThat(first.retryable()).isTrue();
        assertThat(twilio.requestCount()).as("Twilio's NetworkHttpClient would have posted again").isEqualTo(1);

        ChannelException second = catchThrowableOfType(ChannelException.class, () -> sms.send(message(RAVI)));
        assertThat(second.reason()).isEqualTo("TWILIO_20503");
        assertThat(twilio.requestCount()).isEqualTo(2);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAnUnknownOutcomeNotARetry() {
        String slowNumber = "+447700900999";
        twilio.delayFor(slowNumber, Duration.ofSeconds(4));
        TwilioSmsChannel impatient = new TwilioSmsChannel(account(twilio.baseUrl(), FakeTwilio.AUTH_TOKEN,
                Duration.ofSeconds(1)));

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> impatient.send(message(slowNumber)));

        assertThat(e.reason()).isEqualTo("TWILIO_NO_ANSWER");
        assertThat(e.retryable()).as("Twilio may have the message: sending again could duplicate it").isFalse();
        assertThat(twilio.requests()).filteredOn(r -> r.to().equals(slowNumber)).hasSize(1);
    }

    @Test
    void aTwilioThatCannotBeReachedIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsChannel nowhere = new TwilioSmsChannel(account(URI.create("http://127.0.0.1:" + closedPort),
                FakeTwilio.AUTH_TOKEN));

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> nowhere.send(message(RAVI)));

        assertThat(e.reason()).isEqualTo("TWILIO_UNREACHABLE");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void wrongCredentialsArePermanentAndTheTokenIsNotQuoted() {
        TwilioSmsChannel wrong = new TwilioSmsChannel(account(twilio.baseUrl(), "not-the-token"));

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> wrong.send(message(RAVI)));

        assertThat(e.reason()).isEqualTo("TWILIO_20003");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain("not-the-token");
    }

    @Test
    void aContactWithoutAPhoneIsRefusedBeforeAnyRequest() {
        ChannelException e = catchThrowableOfType(ChannelException.class, () -> sms.send(message(null)));

        assertThat(e.reason()).isEqualTo("NO_PHONE");
        assertThat(twilio.requestCount()).isZero();
    }
}
