package org.sahaya.notify.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.fake.FakeTwilio;

/** The fake's status callbacks are signed the way Twilio signs them: the SDK's own validator agrees. */
class StatusCallbackSignatureTest {

    FakeTwilio twilio;
    HttpServer webhook;
    final AtomicReference<String> signature = new AtomicReference<>();
    final AtomicReference<Map<String, String>> params = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        twilio = FakeTwilio.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/webhooks/twilio/status", exchange -> {
            signature.set(exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            params.set(form);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
        twilio.close();
    }

    @Test
    void anUndeliveredSmsIsReportedWithA30003ThatTwiliosValidatorAccepts() throws Exception {
        URI publicBase = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort());
        TwilioSmsChannel sms = new TwilioSmsChannel(new TwilioAccount(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                FakeTwilio.FROM, twilio.baseUrl(), publicBase, Duration.ofSeconds(2)));
        String sid = sms.send(new OutgoingMessage("N-1", "INC-1", Channel.SMS, "+447700900123", null, "en", "hello"))
                .providerId();

        int answered = twilio.sendStatusCallback(sid, "undelivered", 30003);

        assertThat(answered).isEqualTo(204);
        assertThat(params.get()).containsEntry("MessageSid", sid).containsEntry("MessageStatus", "undelivered")
                .containsEntry("ErrorCode", "30003");
        String url = publicBase + "/webhooks/twilio/status";
        assertThat(new RequestValidator(FakeTwilio.AUTH_TOKEN).validate(url, params.get(), signature.get())).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, params.get(), signature.get())).isFalse();
        Map<String, String> tampered = new HashMap<>(params.get());
        tampered.put("MessageStatus", "delivered");
        assertThat(new RequestValidator(FakeTwilio.AUTH_TOKEN).validate(url, tampered, signature.get())).isFalse();
    }
}
