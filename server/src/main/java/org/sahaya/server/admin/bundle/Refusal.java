package org.sahaya.server.admin.bundle;

/**
 * One thing refused in an import file, where it is: its line, its section and place there, the
 * record's id if it has one, the field at fault (a path such as {@code home.lat}; empty for the whole
 * entry) and why.
 *
 * @param line    the line of the entry (or of the member at fault) in the file, from 1
 * @param section the bundle section ({@code subscribers}), or the top-level member ({@code format})
 * @param index   the entry's place in its section from 0, or -1 for no entry
 * @param id      the record's id, or null
 * @param status  the HTTP status the API answers for the same refusal: 422, 404 or 409
 */
public record Refusal(int line, String section, int index, String id, String field, String reason, int status) {

    /** A refusal of the file itself (format, malformed JSON, an unknown section). */
    static Refusal ofFile(int line, String section, String reason) {
        return new Refusal(line, section, -1, null, "", reason, 422);
    }

    /** {@code line 17 subscribers[3] id=S-9 home.lat: must be between -90 and 90}. */
    public String text() {
        StringBuilder s = new StringBuilder("line ").append(line).append(' ').append(section);
        if (index >= 0) {
            s.append('[').append(index).append(']');
        }
        if (id != null) {
            s.append(" id=").append(id);
        }
        if (!field.isEmpty()) {
            s.append(' ').append(field);
        }
        return s.append(": ").append(reason).toString();
    }
}
