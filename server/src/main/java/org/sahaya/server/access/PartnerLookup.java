package org.sahaya.server.access;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Finds the partner holding a machine key ({@code X-Api-Key}). Empty for a key no partner holds.
 * Never blocks the caller's thread; keys are compared by hash, never logged.
 */
@FunctionalInterface
public interface PartnerLookup {

    Future<Optional<Caller>> partner(String key, String address);
}
