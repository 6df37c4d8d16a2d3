package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.geo.index.RandomFleet.BENGALURU;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class UnitIndexConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int UNITS_PER_WRITER = 250;
    private static final int UPDATES_PER_WRITER = 20_000;
    private static final double CITY_RADIUS = 50_000;

    private final UnitIndex index = new UnitIndex();
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void searchesDuringAStormOfPositionReportsAreSaneAndTheFinalStateIsExact() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<Future<Map<String, IndexedUnit>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> moveOwnUnits(writer)));
        }
        List<Future<?>> readers = List.of(
                pool.submit(() -> searchWhile(writing, searches)),
                pool.submit(() -> searchWhile(writing, searches)));

        // Each writer owns its units, so the last state it wrote is the truth to check against.
        Map<String, IndexedUnit> expected = new HashMap<>();
        for (Future<Map<String, IndexedUnit>> writer : writers) {
            expected.putAll(writer.get());
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get(); // rethrows any assertion that failed on a reader thread
        }

        assertThat(searches).hasPositiveValue();
        assertThat(index.size()).isEqualTo(expected.size());
        assertThat(index.cellMemberships()).as("each unit filed under exactly one cell").isEqualTo(expected.size());
        for (IndexedUnit unit : expected.values()) {
            assertThat(index.get(unit.unitId())).contains(unit);
            assertThat(index.nearest(unit.position(), 1, u -> u.unitId().equals(unit.unitId()), 1.0))
                    .extracting(Candidate::unitId).containsExactly(unit.unitId());
        }
        assertThat(index.nearest(BENGALURU, expected.size() + 10, u -> true, CITY_RADIUS))
                .extracting(Candidate::unitId).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void aSearchNeverReturnsAUnitWhoseRemovalHadFinished() throws Exception {
        List<IndexedUnit> units = new RandomFleet(7).units(2_000, BENGALURU, 0.05);
        units.forEach(u -> index.upsert(u.unitId(), u.position(), u.capability(), u.available()));
        Set<String> removed = ConcurrentHashMap.newKeySet();

        Future<?> remover = pool.submit(() -> units.forEach(u -> {
            index.remove(u.unitId());
            removed.add(u.unitId()); // only after remove() returned
        }));
        Future<?> searcher = pool.submit(() -> {
            do {
                Set<String> goneBeforeSearch = Set.copyOf(removed);
                assertThat(index.nearest(BENGALURU, 50, u -> true, CITY_RADIUS))
                        .extracting(Candidate::unitId)
                        .noneMatch(goneBeforeSearch::contains);
            } while (!remover.isDone());
        });

        remover.get();
        searcher.get();
        assertThat(index.size()).isZero();
        assertThat(index.cellMemberships()).isZero();
    }

    private Map<String, IndexedUnit> moveOwnUnits(int writer) {
        RandomFleet fleet = new RandomFleet(writer);
        Map<String, IndexedUnit> latest = new HashMap<>();
        for (int update = 0; update < UPDATES_PER_WRITER; update++) {
            String id = "W%d-%03d".formatted(writer, fleet.random().nextInt(UNITS_PER_WRITER));
            if (fleet.random().nextInt(50) == 0) {
                index.remove(id);
                latest.remove(id);
                continue;
            }
            // Mostly short hops within a cell or two, sometimes a jump across town.
            IndexedUnit before = latest.get(id);
            GeoPoint at = before == null || fleet.random().nextInt(10) == 0
                    ? fleet.pointAround(BENGALURU, 0.15)
                    : fleet.pointAround(before.position(), 0.005);
            IndexedUnit unit = new IndexedUnit(id, at, fleet.random().nextBoolean() ? "ALS" : "BLS",
                    fleet.random().nextInt(4) != 0);
            index.upsert(unit.unitId(), unit.position(), unit.capability(), unit.available());
            latest.put(id, unit);
        }
        return latest;
    }

    private void searchWhile(AtomicBoolean writing, AtomicInteger searches) {
        RandomFleet places = new RandomFleet(99);
        while (writing.get()) {
            int k = 1 + places.random().nextInt(8);
            List<Candidate> found = index.nearest(places.pointAround(BENGALURU, 0.15), k,
                    u -> u.available() && u.capability().equals("ALS"), 20_000);

            assertThat(found).hasSizeLessThanOrEqualTo(k)
                    .isSortedAccordingTo(NearestCandidates.CLOSEST_FIRST)
                    .allSatisfy(c -> assertThat(c.capability()).isEqualTo("ALS"))
                    .extracting(Candidate::unitId).doesNotHaveDuplicates();
            searches.incrementAndGet();
        }
    }
}
