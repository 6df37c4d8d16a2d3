package org.sahaya.server.admin;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One kind of record an operator puts in (subscribers, contacts, devices, DC-09 accounts, fleets,
 * units, hospitals, service areas): the one piece of code behind both the administration API and
 * {@code sahaya import}, so that a record is checked, stored and made live the same way by both.
 *
 * <p>A change goes through three steps: {@link #read} checks a record's JSON and names every field it
 * refuses, touching nothing; {@link #write} stores it inside the caller's transaction (the API's one
 * record, or the import's whole file); after the commit, {@link #published} makes it live on every
 * member (grid maps, this and the other members' caches, gateway sessions).
 *
 * @param <R> the checked record
 */
public interface RecordKind<R> {

    /** The record kind's name, also its section in an import bundle: {@code subscribers}, {@code units}... */
    String section();

    /** The record's id, which makes a write idempotent: writing the same id again updates it. */
    String id(R record);

    /**
     * Checks a record as the API's body or the bundle's entry has it.
     *
     * @throws RecordRefused naming each field refused and why; nothing was changed
     */
    R read(JsonObject json) throws RecordRefused;

    /**
     * Stores the record, creating or updating it by id. Checks what needs the database (a subscriber that
     * must exist, a call sign taken by another unit) and refuses with {@link RecordRefused}. Blocking.
     *
     * @return whether the record was created or an existing one updated
     */
    Written write(Connection c, R record) throws SQLException, RecordRefused;

    /**
     * Stores many records in one transaction: the import's path. The default writes them one by one;
     * a kind with big tables (subscribers, contacts, devices) overrides it with JDBC batches.
     */
    default List<Written> writeAll(Connection c, List<R> records) throws SQLException, RecordRefused {
        java.util.ArrayList<Written> written = new java.util.ArrayList<>(records.size());
        for (R record : records) {
            written.add(write(c, record));
        }
        return written;
    }

    /** After the commit: makes the records live on every member. Not blocking on the event loop. */
    default void published(List<R> records) {
    }

    /**
     * Secrets issued to records this write created, by record id, to show once (the new devices' secrets);
     * empty for most kinds.
     */
    default Map<String, String> issuedSecrets(List<R> created) {
        return Map.of();
    }

    /** What a write did. */
    enum Written { CREATED, UPDATED }
}
