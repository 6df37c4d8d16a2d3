package org.sahaya.notify.channel.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.fake.FakeFcm;

/** The real Firebase Admin SDK, through our transport, against the local fake FCM. */
class FcmPushChannelTest {

    static final String TOKEN = "fcm-token-meera-0001";

    static FakeFcm fcm;
    static FcmPushChannel push;

    @BeforeAll
    static void start() {
        fcm = FakeFcm.start();
        push = new FcmPushChannel(account(fcm));
    }

    @AfterAll
    static void stop() {
        push.close();
        fcm.close();
    }

    @BeforeEach
    void reset() {
        fcm.reset();
    }

    static FcmAccount account(FakeFcm fcm) {
        return account(fcm, Duration.ofSeconds(10));
    }

    static FcmAccount account(FakeFcm fcm, Duration timeout) {
        return new FcmAccount(FakeFcm.PROJECT, FakeFcm.credentials(), fcm.baseUrl(), timeout);
    }

    static OutgoingMessage message(String token) {
        return new OutgoingMessage("NTF-7", "INC-9", Channel.PUSH, "+971501234567", token, "ar",
                "آشا: تم اكتشاف سقوط. سيارة الإسعاف KA-07 في الطريق.");
    }

    @Test
    void anEmergencyPushIsHighPriorityOnAndroidAndACriticalAlertOnIos() throws Exception {
        SendReceipt receipt = push.send(message(TOKEN));

        FakeFcm.Request request = fcm.requests().getFirst();
        assertThat(request.project()).isEqualTo(FakeFcm.PROJECT);
        assertThat(receipt.providerId()).isEqualTo(request.name()).startsWith("projects/sahaya-test/messages/");
        JsonObject m = request.message();
        assertThat(m.getString("token")).isEqualTo(TOKEN);
        assertThat(m.getJsonObject("notification").getString("body")).isEqualTo(message(TOKEN).text());
        assertThat(m.getJsonObject("data").getMap()).containsEntry("incidentId", "INC-9")
                .containsEntry("notificationId", "NTF-7").containsEntry("action", "ACKNOWLEDGE");
        assertThat(m.getJsonObject("android").getString("priority")).isEqualTo("high");
        JsonObject apns = m.getJsonObject("apns");
        assertThat(apns.getJsonObject("headers").getString("apns-priority")).isEqualTo("10");
        assertThat(apns.getJsonObject("headers").getString("apns-push-type")).isEqualTo("alert");
        JsonObject aps = apns.getJsonObject("payload").getJsonObject("aps");
        assertThat(aps.getString("interruption-level")).isEqualTo("critical");
        assertThat(aps.getJsonObject("sound").getInteger("critical")).isEqualTo(1);
        assertThat(aps.getString("category")).isEqualTo(FcmPushChannel.ACK_CATEGORY);
    }

    @ParameterizedTest
    @CsvSource({
            "UNREGISTERED, FCM_UNREGISTERED, false",
            "INVALID_ARGUMENT, FCM_INVALID_ARGUMENT, false",
            "SENDER_ID_MISMATCH, FCM_SENDER_ID_MISMATCH, false",
            "QUOTA_EXCEEDED, FCM_QUOTA_EXCEEDED, true",
            "UNAVAILABLE, FCM_UNAVAILABLE, true",
            "INTERNAL, FCM_INTERNAL, true"})
    void fcmErrorsBecomeReasonCodes(FakeFcm.Failure failure, String reason, boolean retryable) {
        fcm.failFor(TOKEN, failure);

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> push.send(message(TOKEN)));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(fcm.requests()).as("the SDK must not retry on its own").filteredOn(r -> r.token().equals(TOKEN)).hasSize(1);
    }

    @Test
    void aSlowAnswerIsAnUnknownOutcomeNotARetry() {
        String slowToken = "fcm-token-slow";
        fcm.delayFor(slowToken, Duration.ofSeconds(4));

        ChannelException e;
        try (FcmPushChannel impatient = new FcmPushChannel(account(fcm, Duration.ofSeconds(1)))) {
            e = catchThrowableOfType(ChannelException.class, () -> impatient.send(message(slowToken)));
        }

        assertThat(e.reason()).isEqualTo("FCM_NO_ANSWER");
        assertThat(e.retryable()).isFalse();
        assertThat(fcm.requests()).filteredOn(r -> r.token().equals(slowToken)).hasSize(1);
    }

    @Test
    void aContactWithoutTheAppIsRefusedBeforeAnyRequest() {
        ChannelException e = catchThrowableOfType(ChannelException.class, () -> push.send(message(null)));

        assertThat(e.reason()).isEqualTo("NO_PUSH_TOKEN");
        assertThat(fcm.requestCount()).isZero();
    }

    @Test
    void aServiceAccountFileGetsItsAccessTokenFromTheTokenUriItNames(@TempDir Path dir) throws Exception {
        FcmAccount fromFile = FcmAccount.fromServiceAccount(FakeFcm.PROJECT, fcm.writeServiceAccount(dir),
                fcm.baseUrl(), Duration.ofSeconds(2));
        try (FcmPushChannel channel = new FcmPushChannel(fromFile)) {
            channel.send(message(TOKEN));
        }

        assertThat(fcm.tokenRequests()).isEqualTo(1);
        assertThat(fcm.requests()).singleElement().extracting(FakeFcm.Request::token).isEqualTo(TOKEN);
    }
}
