package org.sahaya.dispatch.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;

/**
 * The follow-up rows on a real database (H2 here, PostgreSQL in {@link AlsFollowUpRepositoryPostgresTest}):
 * one support unit per follow-up however many members try, a unit that left makes it seek again, an ended
 * follow-up takes no unit, and a new BLS-first dispatch opens an ended one again.
 */
class AlsFollowUpRepositoryTest {

    private static final Instant T = Instant.parse("2025-01-15T05:30:00Z");

    private final AlsFollowUpRepository rows = new AlsFollowUpRepository();
    private Database database;

    Database openDatabase() {
        return TestCity.openDatabase();
    }

    @BeforeEach
    void open() {
        database = openDatabase();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aFollowUpTakesOneSupportUnitAndSeeksAgainWhenItLeaves() {
        database.inTransaction(c -> {
            rows.seek(c, "INC-1", "BLS-1", T);
            return null;
        });
        assertThat(seeking()).extracting(AlsFollowUp::incidentId).containsExactly("INC-1");

        assertThat(database.<Boolean>inTransaction(c -> rows.assign(c, "INC-1", "ALS-1", T.plusSeconds(60)))).isTrue();
        assertThat(database.<Boolean>inTransaction(c -> rows.assign(c, "INC-1", "ALS-2", T.plusSeconds(61))))
                .as("another member's unit comes second").isFalse();
        assertThat(seeking()).isEmpty();
        assertThat(find("INC-1")).hasValueSatisfying(f -> {
            assertThat(f.supportUnitId()).isEqualTo("ALS-1");
            assertThat(f.assignedAt()).isEqualTo(T.plusSeconds(60));
        });

        assertThat(database.<Boolean>inTransaction(c -> rows.supportLeft(c, "INC-1", "ALS-2"))).as("not its unit").isFalse();
        assertThat(database.<Boolean>inTransaction(c -> rows.supportLeft(c, "INC-1", "ALS-1"))).isTrue();
        assertThat(seeking()).extracting(AlsFollowUp::incidentId).containsExactly("INC-1");
    }

    @Test
    void anEndedFollowUpTakesNoUnitUntilABasicUnitGoesFirstAgain() {
        database.inTransaction(c -> {
            rows.seek(c, "INC-2", "BLS-1", T);
            return null;
        });
        assertThat(database.<Boolean>inTransaction(c -> rows.end(c, "INC-2", T.plusSeconds(5)))).isTrue();
        assertThat(database.<Boolean>inTransaction(c -> rows.end(c, "INC-2", T.plusSeconds(6)))).as("once").isFalse();
        assertThat(database.<Boolean>inTransaction(c -> rows.assign(c, "INC-2", "ALS-1", T.plusSeconds(7)))).isFalse();

        database.inTransaction(c -> {
            rows.seek(c, "INC-2", "BLS-2", T.plusSeconds(100));
            return null;
        });

        assertThat(find("INC-2")).hasValueSatisfying(f -> {
            assertThat(f.open()).isTrue();
            assertThat(f.firstUnitId()).isEqualTo("BLS-2");
            assertThat(f.requestedAt()).isEqualTo(T.plusSeconds(100));
        });
    }

    private List<AlsFollowUp> seeking() {
        return database.withConnection(rows::seeking);
    }

    private Optional<AlsFollowUp> find(String incidentId) {
        return database.withConnection(c -> rows.find(c, incidentId));
    }
}
