package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.sahaya.server.admin.RecordKind;

/**
 * A city record kind as the administration API uses it beyond the import's seam: the record as it stands
 * (for GET, and for a PUT, whose body is laid over it before {@link #read}), in the same JSON shape the
 * kind reads, secrets left out.
 */
public interface CityKind<R> extends RecordKind<R> {

    /** The record as stored, or empty for an unknown (or removed) one. Blocking. */
    Optional<JsonObject> current(Connection c, String id) throws SQLException;

    /**
     * What a PUT's body is laid over: the record as stored, less what must change only when the body says
     * so (a hospital's free beds, which move with every reservation).
     */
    default JsonObject base(JsonObject current) {
        return current.copy();
    }
}
