package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Database;
import org.sahaya.geo.area.ServiceArea;

/** Reads of the city records for consoles: pages of areas and accounts, a fleet with its units. Blocking. */
public final class CityLists {

    private final Database database;
    private final CityRecords records;

    CityLists(Database database, CityRecords records) {
        this.database = database;
        this.records = records;
    }

    /** A page of service areas as GeoJSON Features, in name order. */
    public List<JsonObject> areaPage(String after, int limit) {
        return database.withConnection(c -> {
            List<JsonObject> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, wkt FROM service_areas WHERE name > ? ORDER BY name LIMIT ?")) {
                ps.setString(1, after == null ? "" : after);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        out.add(ServiceAreaKind.feature(name, ServiceArea.fromWkt(name, rs.getString(2)).outline(),
                                ServiceAreaKind.bound(c, name)));
                    }
                }
            }
            return out;
        });
    }

    /** A page of DC-09 accounts in account order, of one device if given; never a key. */
    public List<JsonObject> accountPage(String after, int limit, String deviceId) {
        return database.withConnection(c -> records.accounts().page(c, after, limit, deviceId));
    }

    /** The fleet with its units (not removed ones), or empty for an unknown fleet. */
    public Optional<JsonObject> fleet(String id) {
        return database.withConnection(c -> {
            Optional<JsonObject> fleet = records.fleets().current(c, id);
            if (fleet.isPresent()) {
                JsonArray list = new JsonArray();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM units WHERE partner_id = ? AND standing <> 'REMOVED' ORDER BY id")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            records.units().current(c, rs.getString(1)).ifPresent(list::add);
                        }
                    }
                }
                fleet.get().put("units", list);
            }
            return fleet;
        });
    }

}
