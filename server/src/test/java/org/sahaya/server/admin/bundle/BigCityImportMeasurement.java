package org.sahaya.server.admin.bundle;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;

/**
 * Not a test: a measurement of the import pipeline (streaming parse, the kinds' checks, one transaction
 * of JDBC batches into the embedded H2 file) for a city of 100,000 subscribers with 2 contacts and a
 * device each, over the test kinds. It asserts nothing about time; it prints what it took. Run it with
 * {@code -Dsahaya.measure=true -Dtest=BigCityImportMeasurement} (and {@code -Dsahaya.measure.subscribers=N}).
 */
@EnabledIfSystemProperty(named = "sahaya.measure", matches = "true")
class BigCityImportMeasurement {

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        int subscribers = Integer.getInteger("sahaya.measure.subscribers", 100_000);
        Path file = dir.resolve("big-city.json");
        long t0 = System.nanoTime();
        BigCity.write(file, subscribers, 42);
        long generated = System.nanoTime();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            TestKinds kinds = new TestKinds();
            long t1 = System.nanoTime();
            BundleContents read;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                read = new BundleReader(kinds.all()).read(in);
            }
            long parsed = System.nanoTime();
            ImportReport report = new Importer(db).write(read, true, Importer.BeforeCommit.NOTHING);
            long written = System.nanoTime();
            ImportReport again = new Importer(db).write(new BundleReader(kinds.all())
                    .read(new BufferedInputStream(Files.newInputStream(file), 1 << 16)), true, Importer.BeforeCommit.NOTHING);
            long reimported = System.nanoTime();
            System.out.printf("IMPORT MEASUREMENT: %d subscribers, %d entries, file %.1f MB; generate %.1f s; parse and"
                            + " check %.1f s; write (one transaction) %.1f s; total import %.1f s; re-import (all updates)"
                            + " %.1f s; refusals %d; counts %s; re-import %s; heap used %d MB%n",
                    subscribers, read.entries(), Files.size(file) / 1e6, (generated - t0) / 1e9, (parsed - t1) / 1e9,
                    (written - parsed) / 1e9, (written - t1) / 1e9, (reimported - written) / 1e9,
                    report.refusals().size(), report.counts(), again.counts(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }
}
