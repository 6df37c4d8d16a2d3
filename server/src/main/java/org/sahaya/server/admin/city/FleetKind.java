package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.access.partners.PartnerKind;
import org.sahaya.server.access.partners.PartnerRepository;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.delivery.PartnerWebhooks;

/**
 * Fleets for the import: a fleet is a partner of kind FLEET ({@code {"id": "FLEET-2", "name": "..."}}),
 * created without a key (an admin issues one with POST /api/v1/partners/{id}/key, which makes it live on
 * every member). The API creates fleets with POST /api/v1/partners, which issues the first key at once.
 */
public final class FleetKind implements CityKind<FleetKind.Fleet> {

    /** A checked fleet. */
    public record Fleet(String id, String name) {
    }

    private final PartnerRepository partners = new PartnerRepository();

    @Override
    public String section() {
        return "fleets";
    }

    @Override
    public String id(Fleet record) {
        return record.id();
    }

    @Override
    public Fleet read(JsonObject json) throws RecordRefused {
        Fields f = new Fields(json);
        String id = f.matching("id", java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"),
                "1-64 letters, digits or '-' (FLEET-<n> by convention)", true);
        String name = f.text("name", 200, true);
        f.done();
        return new Fleet(id, name);
    }

    @Override
    public Written write(Connection c, Fleet fleet) throws SQLException, RecordRefused {
        Optional<PartnerRepository.Stored> stored = partners.find(c, fleet.id());
        if (stored.isEmpty()) {
            partners.insert(c, new Partner(fleet.id(), PartnerKind.FLEET, fleet.name(), null), null);
            return Written.CREATED;
        }
        if (stored.get().partner().kind() != PartnerKind.FLEET) {
            throw new RecordRefused(List.of(new RecordRefused.Fault("id", "partner " + fleet.id() + " is a "
                    + stored.get().partner().kind() + ", not a fleet", 409)));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE partners SET name = ? WHERE id = ?")) {
            ps.setString(1, fleet.name());
            ps.setString(2, fleet.id());
            ps.executeUpdate();
        }
        return Written.UPDATED;
    }

    @Override
    public Optional<JsonObject> current(Connection c, String id) throws SQLException {
        Optional<JsonObject> fleet = partners.find(c, id).map(PartnerRepository.Stored::partner)
                .filter(p -> p.kind() == PartnerKind.FLEET)
                .map(p -> new JsonObject().put("id", p.id()).put("name", p.name())
                        .put("hasKey", p.keyCreatedAt() != null));
        if (fleet.isPresent()) {
            // Issue 17: where its jobs go (PUT /api/v1/partners/{id}/webhook); the secret only as hasSecret.
            fleet.get().put("webhook", PartnerWebhooks.of(c, id));
        }
        return fleet;
    }
}
