package org.sahaya.server.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.sahaya.core.persistence.IncidentRepository.Position;

/**
 * The incident list's page cursor as clients see it: opaque, URL-safe text naming the last incident
 * of a page by its place in the list order (opened_at, then id). Clients only hand it back; its
 * content may change between versions, which the leading tag tells apart.
 */
public final class IncidentCursor {

    private static final String TAG = "i1";
    private static final int MAX_ID = 64;

    private IncidentCursor() {
    }

    public static String encode(Position position) {
        String plain = TAG + "|" + position.openedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one {@link #encode} made */
    public static Position decode(String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = plain.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(TAG) || parts[2].isEmpty() || parts[2].length() > MAX_ID) {
            throw invalid();
        }
        try {
            return new Position(Instant.parse(parts[1]), parts[2]);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException(
                "the cursor is not one this API gave out; pass the X-Next-Cursor of the previous page, or none to start");
    }
}
