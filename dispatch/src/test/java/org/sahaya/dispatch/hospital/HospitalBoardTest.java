package org.sahaya.dispatch.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.east;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.claims.GridBedClaims;

class HospitalBoardTest {

    private final Database database = TestCity.openDatabase();
    private final Grid grid = TestCity.startGrid(database);

    @AfterEach
    void stop() {
        grid.close();
        database.close();
    }

    @Test
    void startsWithTheHospitalsInTheGridAndFollowsTheirChanges() {
        Hospital bowring = TestCity.hospital("Bowring Hospital", east(MG_ROAD, 1_000), false, Map.of(BedKind.ER, 2));
        grid.hospitals().put(bowring.id(), bowring);

        try (HospitalBoard board = new HospitalBoard(grid)) {
            assertThat(board.get(bowring.id())).contains(bowring);

            Hospital manipal = TestCity.hospital("Manipal Hospital", east(MG_ROAD, 3_000), true, Map.of(BedKind.ICU, 1));
            grid.hospitals().put(manipal.id(), manipal);
            new GridBedClaims(grid).reserve(bowring.id(), "INC-1", BedKind.ER);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(board.all()).extracting(Hospital::id).containsExactlyInAnyOrder(bowring.id(), manipal.id());
                assertThat(board.get(bowring.id()).orElseThrow().free(BedKind.ER)).isEqualTo(1);
            });
        }
    }
}
