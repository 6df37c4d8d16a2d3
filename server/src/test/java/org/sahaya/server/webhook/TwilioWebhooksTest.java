package org.sahaya.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery receipts and acknowledgements over real HTTP, signed as Twilio signs them. */
class TwilioWebhooksTest {

    @TempDir
    static Path data;
    static FamilyNode family;

    @BeforeAll
    static void start() throws Exception {
        // No escalation during these tests: acknowledgements are looked at on their own.
        family = new FamilyNode(data, Clock.systemUTC(), Map.of("SAHAYA_ESCALATION_P2_VOICE_AFTER_SECONDS", "3600"));
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void signedStatusCallbackMovesStatusForwardAndAnOlderOneDoesNotMoveItBack() {
        family.family("demo-0101", FamilyNode.contact("C101", "son", "+447911123401", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0101", "wh-1");
        JsonObject sms = family.notification(incident, "SMS", "C101");

        HttpResponse<String> delivered = family.twilio("/webhooks/twilio/status",
                Map.of("MessageSid", sms.getString("providerId"), "MessageStatus", "delivered"));
        HttpResponse<String> late = family.twilio("/webhooks/twilio/status",
                Map.of("MessageSid", sms.getString("providerId"), "MessageStatus", "sent"));

        assertThat(delivered.statusCode()).isEqualTo(204);
        assertThat(late.statusCode()).isEqualTo(204);
        JsonObject after = family.notification(incident, "SMS", "C101");
        assertThat(after.getString("status")).isEqualTo("DELIVERED");
        assertThat(statuses(after)).containsExactly("PENDING", "SENT", "DELIVERED");
        assertThat(after.getJsonArray("statusHistory").getJsonObject(2).getString("source")).isEqualTo("twilio-status");
    }

    @Test
    void forgedOrMissingSignatureIsRefusedWith403AndChangesNothing() {
        family.family("demo-0102", FamilyNode.contact("C102", "daughter", "+447911123402", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0102", "wh-2");
        String sid = family.notification(incident, "SMS", "C102").getString("providerId");
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "30003");

        HttpResponse<String> forged = family.twilio("/webhooks/twilio/status", form,
                FamilyNode.sign(FamilyNode.BASE + "/webhooks/twilio/status", form, "not-our-token"));
        HttpResponse<String> unsigned = family.twilio("/webhooks/twilio/status", form, null);
        HttpResponse<String> otherUrl = family.twilio("/webhooks/twilio/status", form,
                FamilyNode.sign("https://attacker.example/webhooks/twilio/status", form, FamilyNode.TOKEN));

        for (HttpResponse<String> r : List.of(forged, unsigned, otherUrl)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("X-Twilio-Signature");
        }
        assertThat(family.notification(incident, "SMS", "C102").getString("status")).isEqualTo("SENT");
    }

    @Test
    void undeliveredSmsEndsFailedWithTwilioReasonOnTheTimeline() {
        family.family("demo-0103", FamilyNode.contact("C103", "son", "+447911123403", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0103", "wh-3");
        String sid = family.notification(incident, "SMS", "C103").getString("providerId");

        family.twilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "undelivered",
                "ErrorCode", "30003"));

        JsonObject failed = family.notification(incident, "SMS", "C103");
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).isEqualTo("TWILIO_30003");
        assertThat(timeline(incident)).anyMatch(m -> m.contains("failed: TWILIO_30003"));
        // The SMS cannot be acknowledged now: the contact's next channel (a call: no app) takes over at once.
        await().atMost(Duration.ofSeconds(20)).until(() -> family.voice.sentFor(incident).size() == 1);
        assertThat(timeline(incident)).anyMatch(m -> m.contains("(SMS) failed over to VOICE"));
    }

    @Test
    void keyPressOneOnTheCallAcknowledgesAndStopsTheEscalationForEveryone() {
        family.family("demo-0104", FamilyNode.contact("C104", "son", "+447911123404", 1, null),
                FamilyNode.contact("C104B", "daughter", "+447911123414", 2, null));
        String incident = family.alertAndAwaitFamily("demo-0104", "wh-4");
        String id = family.notification(incident, "SMS", "C104").getString("id");

        HttpResponse<String> other = family.twilio("/webhooks/twilio/voice/gather?n=" + id, Map.of("Digits", "5"));
        assertThat(other.body()).contains("<Gather").contains("Press 1");
        assertThat(family.notification(incident, "SMS", "C104").getString("status")).isEqualTo("SENT");

        HttpResponse<String> one = family.twilio("/webhooks/twilio/voice/gather?n=" + id, Map.of("Digits", "1"));

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).startsWith("<?xml").contains("<Response><Say").contains("Thank you");
        assertThat(family.notification(incident, "SMS", "C104").getString("status")).isEqualTo("ACKNOWLEDGED");
        JsonObject escalation = family.client.incident(incident).getJsonObject("escalation");
        assertThat(escalation.getString("acknowledgedVia")).isEqualTo("VOICE_KEYPRESS");
        assertThat(escalation.getString("acknowledgedBy")).isEqualTo("son");
        assertThat(escalation.getString("nextStepAt")).isNull();
        assertThat(timeline(incident)).anyMatch(m -> m.startsWith("ACKNOWLEDGED by son via VOICE_KEYPRESS"));
        JsonArray list = new JsonArray(family.client.get("/api/v1/incidents?limit=1000").body());
        assertThat(list.stream().map(o -> (JsonObject) o).filter(i -> i.getString("id").equals(incident)))
                .singleElement().satisfies(i -> assertThat(i.getString("acknowledgedVia")).isEqualTo("VOICE_KEYPRESS"));
    }

    @Test
    void smsReplyFromAUkNumberAcknowledgesButOneFromAnIndianNumberDoesNot() {
        family.family("demo-0105", FamilyNode.contact("C105", "son", "+447911123405", 1, null));
        family.family("demo-0106", FamilyNode.contact("C106", "son", "+919845012345", 1, null));
        String uk = family.alertAndAwaitFamily("demo-0105", "wh-5");
        String india = family.alertAndAwaitFamily("demo-0106", "wh-6");

        HttpResponse<String> fromUk = family.twilio("/webhooks/twilio/sms", Map.of("From", "+447911123405", "Body", "ok "));
        HttpResponse<String> fromIndia = family.twilio("/webhooks/twilio/sms", Map.of("From", "+919845012345", "Body", "1"));

        assertThat(fromUk.statusCode()).isEqualTo(200);
        assertThat(fromUk.body()).contains("<Message>");
        assertThat(family.notification(uk, "SMS", "C105").getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(family.client.incident(uk).getJsonObject("escalation").getString("acknowledgedVia")).isEqualTo("SMS_REPLY");
        assertThat(fromIndia.statusCode()).isEqualTo(200);
        assertThat(fromIndia.body()).doesNotContain("<Message>");
        assertThat(family.notification(india, "SMS", "C106").getString("status")).isEqualTo("SENT");
    }

    @Test
    void linkPageDoesNotAcknowledgeButItsButtonDoes() {
        family.family("demo-0107", FamilyNode.contact("C107", "daughter", "+919845012346", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0107", "wh-7");
        String text = family.sms.sentFor(incident).getFirst().text();
        assertThat(text).contains(FamilyNode.BASE + "/a/");
        String path = text.substring(text.indexOf("/a/", text.indexOf(FamilyNode.BASE)));

        HttpResponse<String> page = family.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(family.notification(incident, "SMS", "C107").getString("status")).isEqualTo("SENT");

        HttpResponse<String> confirmed = family.post(path, "application/x-www-form-urlencoded", "");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(family.notification(incident, "SMS", "C107").getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(family.client.incident(incident).getJsonObject("escalation").getString("acknowledgedVia")).isEqualTo("LINK");
    }

    @Test
    void forgedLinkIsRefusedWith403AndExpiredOneWith410() {
        family.family("demo-0108", FamilyNode.contact("C108", "son", "+919845012347", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0108", "wh-8");
        String id = family.notification(incident, "SMS", "C108").getString("id");
        var links = new org.sahaya.notify.ack.AckLinks("test-link-secret", FamilyNode.BASE, java.time.Duration.ofMinutes(1));
        String expired = links.token(id, java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        String forged = new org.sahaya.notify.ack.AckLinks("other-secret", FamilyNode.BASE, java.time.Duration.ofHours(1))
                .token(id, java.time.Instant.now());

        assertThat(family.get("/a/" + forged).statusCode()).isEqualTo(403);
        assertThat(family.post("/a/" + forged, "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(403);
        assertThat(family.post("/a/" + expired, "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(410);
        assertThat(family.notification(incident, "SMS", "C108").getString("status")).isEqualTo("SENT");
    }

    @Test
    void pushActionWithTheSignedTokenAcknowledges() {
        family.family("demo-0109", FamilyNode.contact("C109", "son", "+447911123409", 1, "fcm-token-109"));
        String incident = family.alertAndAwaitFamily("demo-0109", "wh-9");
        JsonObject push = family.notification(incident, "PUSH", "C109");
        String token = new org.sahaya.notify.ack.AckLinks("test-link-secret", FamilyNode.BASE,
                java.time.Duration.ofHours(1)).token(push.getString("id"), java.time.Instant.now());

        HttpResponse<String> r = family.post("/api/v1/acknowledgements", "application/json",
                new JsonObject().put("token", token).encode());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getBoolean("first")).isTrue();
        assertThat(family.notification(incident, "PUSH", "C109").getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(family.client.incident(incident).getJsonObject("escalation").getString("acknowledgedVia"))
                .isEqualTo("PUSH_ACTION");
    }

    @Test
    void contactWithAnInvalidNumberIsRefusedNamingThePhoneFieldAndAValidOneIsStoredAsE164() {
        String subscriber = family.family("demo-0110");
        JsonObject bad = FamilyNode.contact("C110", "son", "+44 12", 1, null);
        JsonObject good = FamilyNode.contact("C110", "son", "+44 7911 123410", 1, null);

        HttpResponse<String> refused = family.putContact(subscriber, "C110", bad);
        HttpResponse<String> saved = family.putContact(subscriber, "C110", good);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(refused.body()).getString("field")).isEqualTo("phone");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(saved.body()).getString("phone")).isEqualTo("+447911123410");
    }

    private static List<String> statuses(JsonObject notification) {
        return notification.getJsonArray("statusHistory").stream().map(o -> ((JsonObject) o).getString("status")).toList();
    }

    private static List<String> timeline(String incident) {
        return family.client.incident(incident).getJsonArray("timeline").stream()
                .map(o -> ((JsonObject) o).getString("message")).toList();
    }
}
