package org.sahaya.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.IncidentRepository.Position;

class IncidentCursorTest {

    @Test
    void aCursorNamesExactlyThePositionItWasMadeFrom() {
        Position last = new Position(Instant.parse("2026-11-25T01:00:00.123456Z"), "INC-7f3a|odd");

        String cursor = IncidentCursor.encode(last);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(IncidentCursor.decode(cursor)).isEqualTo(last);
    }

    @Test
    void anythingElseIsRefusedAsNotACursorOfThisApi() {
        for (String bad : new String[] {"", "!!", "bm90LWEtY3Vyc29y", encoded("i1|2026-11-25T01:00:00Z|"),
                encoded("i1|yesterday|INC-1"), encoded("i0|2026-11-25T01:00:00Z|INC-1"),
                encoded("i1|2026-11-25T01:00:00Z|" + "x".repeat(65))}) {
            assertThatThrownBy(() -> IncidentCursor.decode(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Next-Cursor");
        }
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
