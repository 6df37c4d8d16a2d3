package org.sahaya.server.gateway.dc09;

import io.vertx.core.Future;
import java.util.Optional;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.AlertRepository;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.gateway.dc09.account.Accounts;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;
import org.sahaya.server.gateway.dc09.intake.KnownAlerts;

/**
 * Accounts and stored alerts from the database, read on virtual threads. A node not started in
 * demo mode does not know demo accounts: they get DUH, like any unknown account.
 */
public final class Dc09Directory implements Accounts, KnownAlerts {

    private final Database database;
    private final Offload offload;
    private final boolean demo;
    private final Dc09AccountRepository accounts;
    private final AlertRepository alerts = new AlertRepository();

    /** @param secrets opens the accounts' sealed AES keys */
    public Dc09Directory(Database database, Offload offload, boolean demo, SecretBox secrets) {
        this.database = database;
        this.accounts = new Dc09AccountRepository(secrets);
        this.offload = offload;
        this.demo = demo;
    }

    @Override
    public Future<Optional<Dc09Account>> find(String account) {
        return offload.submit(() -> database.withConnection(c -> accounts.find(c, account)))
                .map(found -> found.filter(a -> demo || !a.demo()));
    }

    @Override
    public Future<Boolean> contains(String deviceId, String alertId) {
        return offload.submit(() -> database.withConnection(c -> alerts.receipt(c, deviceId, alertId).isPresent()));
    }
}
