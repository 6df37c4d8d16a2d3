package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;

/**
 * One section of an import file as its kind read it: the records it accepted, each with the line and
 * place it came from, so that a refusal found later (by {@link RecordKind#write}) still names its line.
 *
 * @param <R> the kind's record
 */
final class Loaded<R> {

    private final RecordKind<R> kind;
    private final List<R> records = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private final Map<String, Integer> idLines = new HashMap<>();
    private int entries;

    Loaded(RecordKind<R> kind) {
        this.kind = kind;
    }

    RecordKind<R> kind() {
        return kind;
    }

    String section() {
        return kind.section();
    }

    List<R> records() {
        return records;
    }

    int line(int i) {
        return lines.get(i);
    }

    int index(int i) {
        return indexes.get(i);
    }

    /** How many entries the section had, accepted or not. */
    int entries() {
        return entries;
    }

    /** The next entry index, for a refusal that happens before {@link #add} (not an object). */
    int skip() {
        return entries++;
    }

    /** Reads one entry with its kind; what it refuses goes to {@code refusals}. */
    void add(int line, JsonObject json, List<Refusal> refusals) {
        int index = entries++;
        R record;
        try {
            record = kind.read(json);
        } catch (RecordRefused e) {
            for (RecordRefused.Fault f : e.faults()) {
                refusals.add(new Refusal(line, section(), index, idOf(json), f.field(), f.reason(), f.status()));
            }
            return;
        } catch (RuntimeException e) {
            // a member of the wrong JSON type that the kind read without checking; its value stays unsaid
            refusals.add(new Refusal(line, section(), index, idOf(json), "", "cannot be read (a member has the wrong"
                    + " type: " + e.getClass().getSimpleName() + ")", 422));
            return;
        }
        String id = kind.id(record);
        Integer first = idLines.putIfAbsent(id, line);
        if (first != null) {
            refusals.add(new Refusal(line, section(), index, id, "id", "appears twice in " + section()
                    + ", first at line " + first, 409));
            return;
        }
        records.add(record);
        lines.add(line);
        indexes.add(index);
    }

    /** The id an entry names, for a refusal of an entry its kind could not read. */
    static String idOf(JsonObject json) {
        for (String key : new String[] {"id", "account", "name"}) {
            Object value = json.getValue(key);
            if (value instanceof String || value instanceof Number) {
                String s = value.toString();
                return s.length() > 64 ? s.substring(0, 64) + "..." : s;
            }
        }
        return null;
    }
}
