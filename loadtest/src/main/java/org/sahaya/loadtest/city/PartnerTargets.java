package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * The city's routine traffic over the public HTTP API: device heartbeats (signed like alerts),
 * ambulance positions (the key of the unit's own fleet) and bed boards (the hospital's own key;
 * see {@link DemoKeys}). Each is a pure
 * function of the sequence number, so the node, the reference and the baseline get identical requests.
 */
public final class PartnerTargets {

    /** Units drift up to about 500 m around where they started, as they drive within their area. */
    static final double DRIFT_DEGREES = 0.005;

    private final WebClient client;
    private final Endpoint endpoint;
    private final CityMap city;
    private final int devices;
    private final long timeoutMillis;

    /** @param devices heartbeats cycle over {@code demo-0001 .. demo-<devices>} */
    public PartnerTargets(WebClient client, Endpoint endpoint, CityMap city, int devices, Duration timeout) {
        this.client = client;
        this.endpoint = endpoint;
        this.city = city;
        this.devices = devices;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Heartbeat {@code i} comes from device {@code i mod devices}: every device equally often, evenly spread. */
    public Target heartbeats() {
        return sequence -> {
            String id = Device.demoId(1 + (int) (sequence % devices));
            byte[] body = ("{\"batteryPercent\":" + (50 + sequence % 50) + "}").getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(System.currentTimeMillis());
            return status(client.post(endpoint.port(), endpoint.host(), "/api/v1/devices/" + id + "/heartbeat")
                    .timeout(timeoutMillis)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Device-Id", id)
                    .putHeader("X-Timestamp", timestamp)
                    .putHeader("X-Signature", DeviceSignature.sign(Device.demoSecret(id), timestamp, body))
                    .sendBuffer(Buffer.buffer(body)));
        };
    }

    /** Position {@code i} is unit {@code i mod units}, a little off its start: each unit once a second. */
    public Target positions() {
        return sequence -> {
            CityMap.UnitAt unit = city.units().get((int) (sequence % city.units().size()));
            double[] at = drift(unit, sequence / city.units().size());
            return status(client.post(endpoint.port(), endpoint.host(), "/api/v1/units/" + unit.id() + "/position")
                    .timeout(timeoutMillis)
                    .putHeader("X-Api-Key", DemoKeys.fleetKey(unit.id()))
                    .sendJsonObject(new JsonObject().put("lat", at[0]).put("lon", at[1])));
        };
    }

    /** Bed board {@code i} is hospital {@code i mod hospitals}, repeating the free beds it had (a periodic sync). */
    public Target beds() {
        return sequence -> {
            CityMap.HospitalBoard hospital = city.hospitals().get((int) (sequence % city.hospitals().size()));
            return status(client.request(HttpMethod.PUT, endpoint.port(), endpoint.host(),
                            "/api/v1/hospitals/" + hospital.id() + "/beds")
                    .timeout(timeoutMillis)
                    .putHeader("X-Api-Key", DemoKeys.hospitalKey(hospital.id()))
                    .sendJsonObject(new JsonObject().put("freeBeds", hospital.freeBeds())));
        };
    }

    /** Where a unit is at its {@code tick}-th report: a slow circle around its start, deterministic. */
    static double[] drift(CityMap.UnitAt unit, long tick) {
        double angle = tick * 0.05 + unit.id().hashCode() % 7;
        return new double[] {unit.lat() + DRIFT_DEGREES * StrictMath.sin(angle), unit.lon() + DRIFT_DEGREES * StrictMath.cos(angle)};
    }

    private static Future<Integer> status(Future<HttpResponse<Buffer>> response) {
        return response.map(HttpResponse::statusCode);
    }
}
