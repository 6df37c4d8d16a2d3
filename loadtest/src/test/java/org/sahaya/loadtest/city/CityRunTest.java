package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.run.Ticker;
import org.sahaya.loadtest.alerts.AlertTarget;
import org.sahaya.loadtest.alerts.IncidentSample;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.dc09.Dc09AlertTarget;
import org.sahaya.loadtest.dc09.Dc09Panels;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * A few seconds of a tiny city scenario, every stream at once and a surge, against a stand-in node
 * on real sockets (HTTP routes of the v1 contract that check the device signatures and partner
 * keys, and a DC-09 receiver that ACKs by sequence). The real node is not started here: loadtest
 * does not depend on server; the lead's quiet re-run exercises it.
 */
class CityRunTest {

    private final Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
    private Vertx vertx;
    private WebClient client;
    private Endpoint http;
    private Endpoint dc09;

    @BeforeEach
    void startStandIn() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        http = new Endpoint("127.0.0.1", vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            String kind = path.endsWith("/heartbeat") ? "heartbeat" : path.endsWith("/position") ? "position"
                    : path.endsWith("/beds") ? "beds" : "alert";
            boolean allowed = switch (kind) {
                case "position" -> DemoKeys.fleetKey(path.split("/")[4]).equals(request.getHeader("X-Api-Key"));
                case "beds" -> DemoKeys.hospitalKey(path.split("/")[4]).equals(request.getHeader("X-Api-Key"));
                default -> signed(request.getHeader("X-Device-Id"), request.getHeader("X-Timestamp"),
                        request.getHeader("X-Signature"), body);
            };
            heard.computeIfAbsent(allowed ? kind : "refused", k -> new AtomicInteger()).incrementAndGet();
            int status = !allowed ? 401 : switch (kind) {
                case "heartbeat" -> 204;
                case "alert" -> 202;
                default -> 200;
            };
            request.response().setStatusCode(status).end(kind.equals("alert")
                    ? new JsonObject().put("incidentId", "I-1").put("status", "RECORDED").encode() : "");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort());
        NetServer receiver = vertx.createNetServer().connectHandler(socket -> socket.handler(RecordParser.newDelimited("\r", frame -> {
            String text = frame.toString(StandardCharsets.ISO_8859_1);
            int at = text.indexOf("\"SIA-DCS\"") + 9;
            String ack = "\"ACK\"" + text.substring(at, at + 4) + "L0#1001[]";
            heard.computeIfAbsent("dc09", k -> new AtomicInteger()).incrementAndGet();
            socket.write(Buffer.buffer("\n" + String.format("%04X%04X", crc(ack), ack.length()) + ack + "\r", "ISO-8859-1"));
        }))).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        dc09 = new Endpoint("127.0.0.1", receiver.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyStreamOfATinyCityIsSentAtItsRateAndAnswered() throws Exception {
        CityMap city = new CityMap(List.of(new CityMap.UnitAt("AMB-001", 12.97, 77.59, "ALS"),
                new CityMap.UnitAt("AMB-002", 12.93, 77.62, "BLS")),
                List.of(new CityMap.HospitalBoard("H-01", new JsonObject().put("ER", 3))));
        CityScenario scenario = new CityScenario(0.001, 10, 3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ZERO, Duration.ofSeconds(2), 2, 1, false, true);
        Dc09Panels panels = Dc09Panels.connect(vertx, dc09, 5, 1).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        PartnerTargets partners = new PartnerTargets(client, http, city, 550, Duration.ofSeconds(5));
        IncidentSample sample = new IncidentSample(1, 1000);

        List<StreamResult> results = new CityRun(scenario.streams(), plan -> target(plan, partners, panels, sample), 64,
                Duration.ofSeconds(5), Ticker.system()).run("stand-in", () -> { });

        assertThat(results).extracting(r -> r.plan().name()).containsExactly("heartbeats", "positions", "beds",
                "alerts-http", "alerts-dc09", "surge-alerts-http", "surge-alerts-dc09");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.result().errors()).as(r.plan().name()).isEmpty();
            assertThat(r.result().ok()).as(r.plan().name()).isEqualTo(r.plan().rate() * r.plan().schedule().duration().toSeconds());
        });
        assertThat(heard).doesNotContainKey("refused");
        assertThat(heard.get("dc09").get()).isEqualTo(2 + 2); // 1/s background and 2/s surge (for 1 s) over DC-09
        assertThat(sample.entries()).hasSize(heard.get("alert").get()).allMatch(e -> e.incidentId().equals("I-1"));
    }

    private Target target(StreamPlan plan, PartnerTargets partners, Dc09Panels panels, IncidentSample sample) {
        TrafficMix mix = new TrafficMix(550, plan.name().hashCode());
        return switch (plan.kind()) {
            case HEARTBEAT -> partners.heartbeats();
            case POSITION -> partners.positions();
            case BEDS -> partners.beds();
            case ALERT_DC09 -> new Dc09AlertTarget(panels, mix, Duration.ofSeconds(5));
            case ALERT_HTTP -> new AlertTarget(client, http, plan.name(), mix, sample,
                    Duration.ofSeconds(5));
            case ALERT_MQTT -> null;
        };
    }

    private static boolean signed(String device, String timestamp, String signature, Buffer body) {
        return device != null && timestamp != null && signature != null
                && DeviceSignature.sign(Device.demoSecret(device), timestamp, body.getBytes()).equals(signature);
    }

    private static int crc(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
