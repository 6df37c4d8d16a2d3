package org.sahaya.server.admin.bundle;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sahaya.server.admin.RecordKind;

/**
 * Reads one section of a city from CSV, for the big tables ({@code subscribers}, {@code contacts},
 * {@code devices}): a header line names the members, each row becomes the same JSON object the bundle
 * would hold, and goes through the same kind. A dotted header nests ({@code home.lat} is
 * {@code {"home": {"lat": ...}}}); list members are split at {@code |}; an empty cell leaves the member
 * out. Members are strings unless the header says otherwise ({@code rank:number}, {@code preferred:boolean},
 * {@code channels[]}, {@code consents:json}) or the member is one of those known to be numbers, flags,
 * lists or JSON (docs/import.md), so that an id such as {@code 1001} stays a string.
 */
public final class CsvReader {

    private static final Set<String> NUMBERS = Set.of("home.lat", "home.lon", "position.lat", "position.lon",
            "rank", "timestampWindowSeconds");
    /** The flags of the kinds, with each consent's {@code consents.PURPOSE.granted}. */
    private static final Set<String> FLAGS = flags();
    private static final Set<String> LISTS = Set.of("channels", "pushTokens", "capabilities",
            "medicalProfile.conditions", "medicalProfile.allergies");
    private static final Set<String> JSON = Set.of("consents", "medicalProfile.medications", "beds", "geometry",
            "quietHours");

    /** How a column's cells become JSON. */
    private enum Type { STRING, NUMBER, FLAG, LIST, JSON }

    private record Column(String[] path, Type type) {
    }

    private final List<RecordKind<?>> kinds;

    public CsvReader(List<RecordKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** Reads every row of {@code section}; every refusal is in the answer, with its line. */
    public BundleContents read(Reader in, String section) throws IOException {
        BundleContents contents = new BundleContents(kinds);
        Loaded<?> loaded = contents.section(section);
        if (loaded == null) {
            contents.refuse(Refusal.ofFile(1, section, CityKinds.SECTIONS.contains(section)
                    ? "this node has no record kind that loads " + section
                    : "is not a section of a city bundle; the sections are " + CityKinds.SECTIONS));
            return contents;
        }
        CsvRows rows = new CsvRows(in);
        try {
            CsvRows.Row header = rows.next();
            if (header == null) {
                contents.refuse(Refusal.ofFile(1, section, "the file is empty; it starts with a header line"));
                return contents;
            }
            List<Column> columns = header.fields().stream().map(CsvReader::column).toList();
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (row.fields().size() != columns.size()) {
                    contents.refusals().add(new Refusal(row.line(), section, loaded.skip(), null, "", "has "
                            + row.fields().size() + " fields, the header " + columns.size(), 422));
                    continue;
                }
                JsonObject json = new JsonObject();
                String wrong = null;
                for (int i = 0; i < columns.size() && wrong == null; i++) {
                    wrong = put(json, columns.get(i), row.fields().get(i));
                }
                if (wrong != null) {
                    contents.refusals().add(new Refusal(row.line(), section, loaded.skip(), Loaded.idOf(json), wrong,
                            "is not valid JSON", 422));
                } else {
                    loaded.add(row.line(), json, contents.refusals());
                }
            }
        } catch (CsvRows.CsvException e) {
            contents.refuse(Refusal.ofFile(e.line(), section, "malformed CSV: " + e.getMessage()));
        }
        return contents;
    }

    private static Column column(String header) {
        String name = header.strip();
        Type type = null;
        if (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
            type = Type.LIST;
        } else if (name.contains(":")) {
            String suffix = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            name = name.substring(0, name.indexOf(':'));
            type = switch (suffix) {
                case "number" -> Type.NUMBER;
                case "boolean" -> Type.FLAG;
                case "json" -> Type.JSON;
                default -> Type.STRING;
            };
        }
        if (type == null) {
            type = NUMBERS.contains(name) ? Type.NUMBER : FLAGS.contains(name) ? Type.FLAG
                    : LISTS.contains(name) ? Type.LIST : JSON.contains(name) ? Type.JSON : Type.STRING;
        }
        return new Column(name.split("\\."), type);
    }

    /** @return the member's name if its cell is not what its type needs (only JSON can be), else null */
    private static String put(JsonObject json, Column column, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        Object value;
        switch (column.type()) {
            case NUMBER -> value = number(cell);
            case FLAG -> value = switch (cell.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> cell; // the kind names the member and why
            };
            case LIST -> value = new JsonArray(new ArrayList<>(Arrays.asList(cell.split("\\|", -1))));
            case JSON -> {
                try {
                    value = io.vertx.core.json.Json.decodeValue(cell);
                } catch (DecodeException e) {
                    return String.join(".", column.path());
                }
            }
            default -> value = cell;
        }
        JsonObject at = json;
        String[] path = column.path();
        for (int i = 0; i < path.length - 1; i++) {
            JsonObject inner = at.getJsonObject(path[i]);
            if (inner == null) {
                inner = new JsonObject();
                at.put(path[i], inner);
            }
            at = inner;
        }
        at.put(path[path.length - 1], value);
        return null;
    }

    private static Set<String> flags() {
        Set<String> flags = new java.util.HashSet<>(Set.of("clearTextAllowed", "preferred", "inService", "demo"));
        for (org.sahaya.core.subscriber.ConsentPurpose purpose : org.sahaya.core.subscriber.ConsentPurpose.values()) {
            flags.add("consents." + purpose.name() + ".granted");
        }
        return Set.copyOf(flags);
    }

    /** A number as JSON would have it (a whole number that fits an int is one, as the JSON parser gives it); left a string (for the kind to refuse by name) if it is none. */
    private static Object number(String cell) {
        String s = cell.strip();
        try {
            if (s.contains(".") || s.contains("e") || s.contains("E")) {
                return Double.parseDouble(s);
            }
            long whole = Long.parseLong(s);
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        } catch (NumberFormatException e) {
            return cell;
        }
    }
}
