package org.sahaya.core.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.Database;

/**
 * A burst of grid operations with callbacks starts no platform thread per operation. Before
 * {@link GridCallbacks}, on a machine whose common fork-join pool has parallelism 1 (2 cores), each
 * callback below ran on a new thread: the count grew by about one per operation.
 */
class GridCallbackThreadsTest {

    private static final int OPERATIONS = 2_000;

    private static Database database;
    private static Grid grid;

    @BeforeAll
    static void start() {
        database = Database.open("jdbc:h2:mem:callbacks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        grid = Grid.start(database, "test-" + UUID.randomUUID(), 5801, List.of());
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void callbacksOfABurstOfGridOperationsStartNoThreadPerOperation() throws Exception {
        IMap<String, Long> map = grid.hazelcast().getMap("callback-burst-" + UUID.randomUUID());
        map.set("warm", 0L);
        map.getAsync("warm").toCompletableFuture().get(10, TimeUnit.SECONDS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();

        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            String key = "k" + (i % 50);
            // The shapes the node uses: an entry processor with exceptionally() (a heartbeat's sighting),
            // a read with whenComplete() and thenApply() (a partner key, Vert.x's cluster manager).
            done.add(map.submitToKey(key, new Increment()).exceptionally(e -> null).toCompletableFuture());
            CompletableFuture<Object> read = new CompletableFuture<>();
            map.getAsync(key).thenApply(v -> v).whenComplete((v, e) -> read.complete(v));
            done.add(read);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        // Hazelcast's own pools may grow a little under the burst; one thread per callback would be thousands.
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(100);
        assertThat(map.get("k0")).isEqualTo(OPERATIONS / 50);
    }

    @Test
    void aGridFutureCompletesAVertxFutureWithoutAThreadOfItsOwn() throws Exception {
        IMap<String, String> map = grid.hazelcast().getMap("callback-vertx-" + UUID.randomUUID());
        map.set("key", "value");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();

        List<io.vertx.core.Future<String>> reads = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            reads.add(GridCallbacks.onContext(map.getAsync("key")));
        }
        for (io.vertx.core.Future<String> read : reads) {
            assertThat(read.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("value");
        }

        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(100);
    }

    private static final class Increment implements EntryProcessor<String, Long, Long> {
        @Override
        public Long process(Map.Entry<String, Long> entry) {
            long next = entry.getValue() == null ? 1 : entry.getValue() + 1;
            entry.setValue(next);
            return next;
        }
    }
}
