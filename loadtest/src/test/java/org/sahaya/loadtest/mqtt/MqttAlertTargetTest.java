package org.sahaya.loadtest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sahaya.loadtest.run.OpenLoopRun;
import org.sahaya.loadtest.run.RunResult;
import org.sahaya.loadtest.run.Schedule;
import org.sahaya.loadtest.run.Ticker;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.baseline.MqttBaselineServer;

/** MQTT mode end to end against the bare MQTT echo: every scheduled publish is answered by its PUBACK. */
class MqttAlertTargetTest {

    @Test
    void everyPublishOfAnOpenLoopRunIsAnsweredByItsPuback() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (MqttBaselineServer echo = MqttBaselineServer.start().await(10, TimeUnit.SECONDS);
             MqttDevices devices = MqttDevices.connect(vertx, echo.endpoint(), 5, 16).await(10, TimeUnit.SECONDS)) {
            MqttAlertTarget target = new MqttAlertTarget(devices, "t", new TrafficMix(5, 1), Duration.ofSeconds(5));

            RunResult result = new OpenLoopRun(new Schedule(100, Duration.ZERO, Duration.ofMillis(500)), target, 64,
                    Duration.ofSeconds(5), Ticker.system()).run("echo");

            assertThat(result.scheduled()).isEqualTo(50);
            assertThat(result.errors()).isEmpty();
            assertThat(result.ok()).isEqualTo(50);
        } finally {
            vertx.close().await();
        }
    }
}
