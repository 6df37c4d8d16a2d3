package org.sahaya.server.access;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Finds the person behind a session token (from {@code Authorization: Bearer} or the session
 * cookie), touching the session so it stays alive while in use. Empty for an unknown, ended or
 * idle-expired session. Never blocks the caller's thread.
 */
@FunctionalInterface
public interface SessionLookup {

    Future<Optional<Caller>> session(String token, String address);
}
