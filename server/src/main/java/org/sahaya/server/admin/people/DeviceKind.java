package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Devices of subscribers. A new device gets a generated secret unless its JSON carries one (hardware
 * migrated with its secret); the secret is stored sealed and shown once ({@link #issuedSecrets}).
 * An existing device keeps its secret unless one is given. Gateways read the device's row at each
 * authentication, so a write is live at its commit.
 */
public final class DeviceKind implements RecordKind<DeviceRecord> {

    private static final int BATCH = 1000;

    private final SecretBox secrets;
    private final boolean allowDemo;

    /** The operator's kind: demo ids and the {@code demo} flag are refused. */
    public DeviceKind(SecretBox secrets) {
        this(secrets, false);
    }

    /**
     * @param allowDemo true only for a demo node loading its own demo city: then {@code demo-NNNN} ids and
     *                  {@code "demo": true} (a published secret) are taken; an operator's import and the API
     *                  refuse both
     */
    public DeviceKind(SecretBox secrets, boolean allowDemo) {
        this.secrets = secrets;
        this.allowDemo = allowDemo;
    }

    @Override
    public String section() {
        return "devices";
    }

    @Override
    public String id(DeviceRecord record) {
        return record.id();
    }

    @Override
    public DeviceRecord read(JsonObject json) throws RecordRefused {
        Checks checks = new Checks();
        String id = checks.id(json, "id", "id", true);
        String subscriberId = checks.id(json, "subscriberId", "subscriberId", true);
        String secret = checks.text(json, "secret", "secret", 200, false);
        if (secret != null && secret.length() < 16) {
            checks.fault("secret", "must be at least 16 characters");
        }
        if (id != null && id.startsWith("demo-") && !allowDemo) {
            checks.fault("id", "ids starting with demo- are the demo city's");
        }
        boolean demo = json.getValue("demo") != null && Boolean.TRUE.equals(checks.bool(json, "demo", "demo"));
        if (demo && !allowDemo) {
            checks.fault("demo", "only the demo city's own devices are demo devices");
        } else if (demo && (secret == null || id == null || !id.startsWith("demo-"))) {
            checks.fault("demo", "a demo device has a demo- id and its published secret");
        }
        checks.orRefuse();
        return secret == null ? new DeviceRecord(id, subscriberId, DeviceSecrets.generate(), true)
                : new DeviceRecord(id, subscriberId, secret, false, demo);
    }

    @Override
    public Written write(Connection c, DeviceRecord record) throws SQLException, RecordRefused {
        return writeAll(c, List.of(record)).get(0);
    }

    @Override
    public List<Written> writeAll(Connection c, List<DeviceRecord> records) throws SQLException, RecordRefused {
        Set<String> subscribers = SubscriberRows.existing(c, "subscribers",
                records.stream().map(DeviceRecord::subscriberId).distinct().toList());
        Set<String> erased = subscribers.isEmpty() ? Set.of() : SubscriberRows.erased(c, subscribers);
        Map<String, String> owners = new HashMap<>(owners(c, records.stream().map(DeviceRecord::id).toList()));
        List<Fault> faults = new ArrayList<>();
        List<DeviceRecord> created = new ArrayList<>();
        List<DeviceRecord> updated = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            DeviceRecord d = records.get(i);
            String at = records.size() == 1 ? "" : "devices[" + i + "].";
            String owner = owners.get(d.id());
            if (!subscribers.contains(d.subscriberId())) {
                faults.add(new Fault(at + "subscriberId", "no subscriber has this id", records.size() == 1 ? 404 : 422));
            } else if (erased.contains(d.subscriberId())) {
                faults.add(SubscriberRows.erasedFault(at + "subscriberId", d.subscriberId()));
            } else if (owner != null && !owner.equals(d.subscriberId())) {
                faults.add(new Fault(at + "id", "this device id belongs to another subscriber", 409));
            } else {
                (owner == null ? created : updated).add(d);
                owners.put(d.id(), d.subscriberId());
                written.add(owner == null ? Written.CREATED : Written.UPDATED);
            }
        }
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO devices (id, subscriber_id, secret, demo) VALUES (?,?,?,?)");
             PreparedStatement update = c.prepareStatement("UPDATE devices SET secret = ? WHERE id = ?")) {
            int n = 0;
            for (DeviceRecord d : created) {
                insert.setString(1, d.id());
                insert.setString(2, d.subscriberId());
                insert.setString(3, secrets.seal(SecretColumn.DEVICE_SECRET, d.id(), d.secret()));
                insert.setBoolean(4, d.demo());
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            for (DeviceRecord d : updated) {
                if (!d.generated()) {
                    update.setString(1, secrets.seal(SecretColumn.DEVICE_SECRET, d.id(), d.secret()));
                    update.setString(2, d.id());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        return written;
    }

    @Override
    public Map<String, String> issuedSecrets(List<DeviceRecord> created) {
        Map<String, String> issued = new LinkedHashMap<>();
        created.stream().filter(DeviceRecord::generated).forEach(d -> issued.put(d.id(), d.secret()));
        return issued;
    }

    private static Map<String, String> owners(Connection c, List<String> ids) throws SQLException {
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SubscriberRows.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SubscriberRows.CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subscriber_id FROM devices WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return found;
    }

    /** The device as the API answers it, never with a secret; empty if unknown. Blocking. */
    public Optional<JsonObject> view(Connection c, String id) throws SQLException {
        return views(c, "id = ?", id).stream().findFirst();
    }

    /** The subscriber's devices, by id. Blocking. */
    public List<JsonObject> ofSubscriber(Connection c, String subscriberId) throws SQLException {
        return views(c, "subscriber_id = ?", subscriberId);
    }

    private static List<JsonObject> views(Connection c, String where, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, subscriber_id, demo, previous_secret_until, revoked_at"
                + " FROM devices WHERE " + where + " ORDER BY id")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<JsonObject> out = new ArrayList<>();
                while (rs.next()) {
                    var until = Jdbc.getInstant(rs, "previous_secret_until");
                    var revoked = Jdbc.getInstant(rs, "revoked_at");
                    out.add(new JsonObject().put("id", rs.getString("id")).put("subscriberId", rs.getString("subscriber_id"))
                            .put("demo", rs.getBoolean("demo"))
                            .put("previousSecretUntil", until == null ? null : until.toString())
                            .put("revokedAt", revoked == null ? null : revoked.toString()));
                }
                return out;
            }
        }
    }
}
