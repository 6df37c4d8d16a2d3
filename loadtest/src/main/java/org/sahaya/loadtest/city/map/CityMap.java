package org.sahaya.loadtest.city.map;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The ambulances and hospitals of the demo city as the node's public API shows them, read once
 * before a run: units {@code AMB-001, AMB-002, ...} and hospitals {@code H-01, H-02, ...}, each
 * until the first 404. The position streams move these units around their stations; the bed
 * streams report these boards; the reference dispatcher is loaded with the same units.
 */
public record CityMap(List<UnitAt> units, List<HospitalBoard> hospitals) {

    /** An ambulance where the node had it at the start. */
    public record UnitAt(String id, double lat, double lon, String level) {
    }

    /** A hospital's free beds per kind, as its board said at the start, e.g. {@code {"ER":12,"ICU":3}}. */
    public record HospitalBoard(String id, JsonObject freeBeds) {
    }

    private static final int MAX = 999;

    public CityMap {
        units = List.copyOf(units);
        hospitals = List.copyOf(hospitals);
    }

    public static Future<CityMap> read(WebClient client, Endpoint node, Duration timeout) {
        return units(client, node, timeout, 1, new ArrayList<>())
                .compose(units -> hospitals(client, node, timeout, 1, new ArrayList<>())
                        .map(hospitals -> new CityMap(units, hospitals)));
    }

    private static Future<List<UnitAt>> units(WebClient client, Endpoint node, Duration timeout, int n, List<UnitAt> found) {
        String id = String.format(Locale.ROOT, "AMB-%03d", n);
        return get(client, node, timeout, "/api/v1/units/" + id).compose(unit -> {
            if (unit == null || n > MAX) {
                return Future.succeededFuture(found);
            }
            JsonObject at = unit.getJsonObject("position", new JsonObject());
            found.add(new UnitAt(id, at.getDouble("lat", 0.0), at.getDouble("lon", 0.0), unit.getString("level")));
            return units(client, node, timeout, n + 1, found);
        });
    }

    private static Future<List<HospitalBoard>> hospitals(WebClient client, Endpoint node, Duration timeout, int n,
                                                         List<HospitalBoard> found) {
        String id = String.format(Locale.ROOT, "H-%02d", n);
        return get(client, node, timeout, "/api/v1/hospitals/" + id).compose(board -> {
            if (board == null || n > MAX) {
                return Future.succeededFuture(found);
            }
            found.add(new HospitalBoard(id, board.getJsonObject("freeBeds", new JsonObject())));
            return hospitals(client, node, timeout, n + 1, found);
        });
    }

    /** The JSON answer, or null on 404. */
    private static Future<JsonObject> get(WebClient client, Endpoint node, Duration timeout, String path) {
        return client.get(node.port(), node.host(), path).timeout(timeout.toMillis()).send().compose(r -> switch (r.statusCode()) {
            case 200 -> Future.succeededFuture(r.bodyAsJsonObject());
            case 404 -> Future.succeededFuture(null);
            default -> Future.failedFuture("GET " + path + " answered " + r.statusCode());
        });
    }
}
