package org.sahaya.server.gateway.dc09.account;

import io.vertx.core.Future;
import java.util.Optional;

/** Where the gateway finds an account. Must not block the caller. */
@FunctionalInterface
public interface Accounts {

    /** @return the account if it is registered and usable on this node (demo accounts only in demo mode) */
    Future<Optional<Dc09Account>> find(String account);
}
