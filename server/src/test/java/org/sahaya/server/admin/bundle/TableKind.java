package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;

/**
 * A test-only record kind over one existing table: what a real kind does at the seam (read refuses by
 * field, write creates or updates by id and refuses a reference that is not there, writeAll in JDBC
 * batches), with nothing of a real kind's rules. The real kinds are the people and place helpers'.
 */
abstract class TableKind implements RecordKind<TableKind.Row> {

    /** A checked record: the row's columns in order, the first its id. */
    record Row(String id, Map<String, Object> columns) {
    }

    /** A column that refers to another table's id, e.g. contacts.subscriber_id to subscribers.id. */
    record Reference(String column, String field, String table) {
    }

    private final String section;
    private final String table;
    private final List<Reference> references;
    final List<List<Row>> published = new CopyOnWriteArrayList<>();

    TableKind(String section, String table, List<Reference> references) {
        this.section = section;
        this.table = table;
        this.references = references;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String id(Row record) {
        return record.id();
    }

    /** The row's columns (the id first) from the entry, or a refusal naming the field. */
    abstract Map<String, Object> columns(JsonObject json, List<RecordRefused.Fault> faults);

    @Override
    public Row read(JsonObject json) throws RecordRefused {
        List<RecordRefused.Fault> faults = new ArrayList<>();
        if (!(json.getValue("id") instanceof String id) || id.isBlank()) {
            faults.add(RecordRefused.Fault.invalid("id", "is required"));
            throw new RecordRefused(faults);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.putAll(columns(json, faults));
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
        return new Row(id, columns);
    }

    @Override
    public Written write(Connection c, Row record) throws SQLException, RecordRefused {
        for (Reference r : references) {
            Object target = record.columns().get(r.column());
            if (target != null && !exists(c, r.table(), Set.of((String) target)).contains(target)) {
                throw new RecordRefused(List.of(new RecordRefused.Fault(r.field(), "no " + r.table() + " " + target
                        + " in the file or the database", 404)));
            }
        }
        return writeAll(c, List.of(record)).getFirst();
    }

    @Override
    public List<Written> writeAll(Connection c, List<Row> records) throws SQLException, RecordRefused {
        for (Reference r : references) {
            Set<String> wanted = new HashSet<>();
            records.forEach(row -> wanted.add((String) row.columns().get(r.column())));
            wanted.remove(null);
            if (!exists(c, r.table(), wanted).containsAll(wanted)) {
                throw RecordRefused.of(r.field(), "refers to records that are not there");
            }
        }
        Set<String> ids = new HashSet<>();
        records.forEach(row -> ids.add(row.id()));
        Set<String> existing = exists(c, table, ids);
        List<Written> written = new ArrayList<>(records.size());
        List<String> names = List.copyOf(records.getFirst().columns().keySet());
        String insert = "INSERT INTO " + table + " (" + String.join(",", names) + ") VALUES ("
                + String.join(",", names.stream().map(n -> "?").toList()) + ")";
        String update = "UPDATE " + table + " SET " + String.join(",", names.subList(1, names.size()).stream()
                .map(n -> n + " = COALESCE(?, " + n + ")").toList()) + " WHERE id = ?";
        try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement upd = c.prepareStatement(update)) {
            int pending = 0;
            for (Row row : records) {
                boolean exists = existing.contains(row.id());
                if (!exists) {
                    created(row);
                }
                List<Object> values = new ArrayList<>(row.columns().values());
                if (exists) {
                    for (int i = 1; i < values.size(); i++) {
                        upd.setObject(i, values.get(i));
                    }
                    upd.setObject(values.size(), row.id());
                    upd.addBatch();
                    written.add(Written.UPDATED);
                } else {
                    for (int i = 0; i < values.size(); i++) {
                        ins.setObject(i + 1, values.get(i));
                    }
                    ins.addBatch();
                    written.add(Written.CREATED);
                }
                if (++pending % 1000 == 0) {
                    ins.executeBatch();
                    upd.executeBatch();
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        return written;
    }

    /** A new record was written (a device kind issues its secret here). */
    void created(Row row) {
    }

    @Override
    public void published(List<Row> records) {
        published.add(List.copyOf(records));
    }

    /** Which of {@code ids} the table holds, asked 500 at a time. */
    static Set<String> exists(Connection c, String table, Set<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", chunk.stream().map(id -> "?").toList());
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
