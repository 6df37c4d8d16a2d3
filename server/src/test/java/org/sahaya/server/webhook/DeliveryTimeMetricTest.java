package org.sahaya.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.management.MetricsScrape;

/** Twilio's delivered receipt times the message by its channel, once, on the management port's /metrics. */
class DeliveryTimeMetricTest {

    @TempDir
    static Path data;
    static FamilyNode family;

    @BeforeAll
    static void start() throws Exception {
        family = new FamilyNode(data, Clock.systemUTC(), Map.of("SAHAYA_ESCALATION_P2_VOICE_AFTER_SECONDS", "3600"));
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void aDeliveredReceiptTimesTheMessageOnItsChannelOnce() {
        family.family("demo-0111", FamilyNode.contact("C111", "son", "+447911123411", 1, null));
        String incident = family.alertAndAwaitFamily("demo-0111", "dt-1");
        String sid = family.notification(incident, "SMS", "C111").getString("providerId");

        for (int i = 0; i < 2; i++) {
            assertThat(family.twilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "delivered"))
                    .statusCode()).isEqualTo(204);
        }

        DeviceClient operator = new DeviceClient(family.node.managementPort());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MetricsScrape metrics = new MetricsScrape(operator.get("/metrics").body());
            assertThat(metrics.sum("sahaya_notification_delivery_seconds_count", Map.of("channel", "sms"))).isEqualTo(1);
            assertThat(metrics.sum("sahaya_notification_delivery_seconds_count", Map.of("channel", "push"))).isZero();
            assertThat(metrics.sum("sahaya_provider_handover_seconds_count", Map.of("channel", "sms"))).isGreaterThanOrEqualTo(1);
        });
    }
}
