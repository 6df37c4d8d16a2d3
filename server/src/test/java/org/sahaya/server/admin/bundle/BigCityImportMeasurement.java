package org.sahaya.server.admin.bundle;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.TestNode;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;

/**
 * Not a test: a measurement of the import (streaming parse, the real kinds' checks, one transaction of
 * their JDBC batches into the embedded H2 file, the commit) for a city of 100,000 subscribers with 2
 * contacts and a device each, through {@link CityKinds#of} as {@code sahaya import} runs it. It asserts
 * only that nothing was refused; it prints what each step took. Run it with
 * {@code -Dsahaya.measure=true -Dtest=BigCityImportMeasurement} (and {@code -Dsahaya.measure.subscribers=N}).
 */
@EnabledIfSystemProperty(named = "sahaya.measure", matches = "true")
class BigCityImportMeasurement {

    @TempDir
    Path dir;

    /** {@code kind} with the milliseconds its writeAll took added to {@code spent}, by section. */
    private static <R> RecordKind<R> timed(RecordKind<R> kind, Map<String, Long> spent) {
        return new RecordKind<>() {
            @Override
            public String section() {
                return kind.section();
            }

            @Override
            public String id(R record) {
                return kind.id(record);
            }

            @Override
            public R read(io.vertx.core.json.JsonObject json) throws RecordRefused {
                return kind.read(json);
            }

            @Override
            public Written write(Connection c, R record) throws SQLException, RecordRefused {
                return kind.write(c, record);
            }

            @Override
            public List<Written> writeAll(Connection c, List<R> records) throws SQLException, RecordRefused {
                long start = System.nanoTime();
                try {
                    return kind.writeAll(c, records);
                } finally {
                    spent.merge(section(), (System.nanoTime() - start) / 1_000_000, Long::sum);
                }
            }

            @Override
            public Map<String, String> issuedSecrets(List<R> created) {
                return kind.issuedSecrets(created);
            }
        };
    }

    @Test
    void measure() throws Exception {
        int subscribers = Integer.getInteger("sahaya.measure.subscribers", 100_000);
        Path file = dir.resolve("big-city.json");
        long t0 = System.nanoTime();
        BigCity.write(file, subscribers, 42);
        long generated = System.nanoTime();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            Map<String, Long> spent = new ConcurrentHashMap<>();
            List<RecordKind<?>> kinds = CityKinds.of(TestNode.secrets(), null, Clock.systemUTC(), unit -> { }).stream()
                    .<RecordKind<?>>map(k -> timed(k, spent)).toList();
            long t1 = System.nanoTime();
            BundleContents read;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                read = new BundleReader(kinds).read(in);
            }
            long parsed = System.nanoTime();
            ImportReport report = new Importer(db).write(read, false, Importer.BeforeCommit.NOTHING);
            long written = System.nanoTime();
            Map<String, Long> firstWrite = Map.copyOf(spent);
            spent.clear();
            if (!report.written()) {
                throw new AssertionError("refused: " + report.refusals().size() + ", first "
                        + report.refusals().getFirst().text());
            }
            long t2 = System.nanoTime();
            BundleContents reread;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                reread = new BundleReader(kinds).read(in);
            }
            ImportReport again = new Importer(db).write(reread, false, Importer.BeforeCommit.NOTHING);
            long reimported = System.nanoTime();
            long firstKinds = firstWrite.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("IMPORT MEASUREMENT (real kinds): %d subscribers, %d entries, file %.1f MB; generate %.1f s;"
                            + " parse and check %.1f s; write (one transaction) %.1f s, of which writeAll %.1f s and the"
                            + " rest (savepoints, secrets, commit) %.1f s; total import %.1f s; re-import (all updates,"
                            + " parse included) %.1f s; counts %s; re-import %s; heap used %d MB; writeAll ms per section,"
                            + " first import %s, re-import %s%n",
                    subscribers, read.entries(), Files.size(file) / 1e6, (generated - t0) / 1e9, (parsed - t1) / 1e9,
                    (written - parsed) / 1e9, firstKinds / 1e3, (written - parsed) / 1e9 - firstKinds / 1e3,
                    (written - t1) / 1e9, (reimported - t2) / 1e9, report.counts(), again.counts(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, firstWrite, spent);
        }
    }
}
