package org.sahaya.server.gateway.dc09;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.gateway.dc09.account.Accounts;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;
import org.sahaya.server.gateway.dc09.intake.KnownAlerts;

/**
 * Accounts and stored alerts from the database, read on virtual threads. The alerts stored are the
 * frames kept for recognising a replay: durable and the same on every member. A node not started in
 * demo mode does not know demo accounts: they get DUH, like any unknown account.
 */
public final class Dc09Directory implements Accounts, KnownAlerts {

    private final Database database;
    private final Offload offload;
    private final boolean demo;
    private final Dc09AccountRepository accounts;

    /** @param secrets opens the accounts' sealed AES keys */
    public Dc09Directory(Database database, Offload offload, boolean demo, SecretBox secrets) {
        this.database = database;
        this.accounts = new Dc09AccountRepository(secrets);
        this.offload = offload;
        this.demo = demo;
    }

    @Override
    public Future<Optional<Dc09Account>> find(String account) {
        // An account whose device was revoked is unknown from that moment: DUH, as for any unknown account.
        return offload.submit(() -> database.withConnection(c -> accounts.find(c, account)
                        .filter(a -> !revoked(c, a.deviceId()))))
                .map(found -> found.filter(a -> demo || !a.demo()));
    }

    private static boolean revoked(java.sql.Connection c, String deviceId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT revoked_at FROM devices WHERE id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getObject(1) != null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read device " + deviceId, e);
        }
    }

    @Override
    public Future<Optional<String>> receivedSince(String deviceId, String idPrefix, Instant since) {
        return offload.submit(() -> database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT alert_id FROM alerts WHERE device_id = ?"
                    + " AND alert_id LIKE ? ESCAPE '\\' AND received_at >= ? ORDER BY received_at DESC, alert_id")) {
                ps.setString(1, deviceId);
                ps.setString(2, idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                Jdbc.setInstant(ps, 3, since);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        }));
    }
}
