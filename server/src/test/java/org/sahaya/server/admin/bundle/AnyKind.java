package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.util.List;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;

/** A test-only kind that takes any entry with a string {@code idField} and stores nothing. */
record AnyKind(String section, String idField) implements RecordKind<JsonObject> {

    /** The sections the test kinds do not cover. */
    static List<RecordKind<?>> others() {
        return List.of(new AnyKind("hospitals", "id"), new AnyKind("serviceAreas", "name"), new AnyKind("units", "id"),
                new AnyKind("dc09Accounts", "account"));
    }

    @Override
    public String id(JsonObject record) {
        return record.getString(idField);
    }

    @Override
    public JsonObject read(JsonObject json) throws RecordRefused {
        if (!(json.getValue(idField) instanceof String)) {
            throw RecordRefused.of(idField, "is required");
        }
        return json;
    }

    @Override
    public Written write(Connection c, JsonObject record) {
        return Written.CREATED;
    }
}
