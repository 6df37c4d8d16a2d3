package org.sahaya.server.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.bundle.BundleReader;
import org.sahaya.server.admin.bundle.ImportReport;
import org.sahaya.server.admin.bundle.Importer;

/**
 * Seeds the demo city the way an operator loads their own: {@link DemoBundle} writes it as a city bundle
 * and the importer loads it through the record kinds, all of it or nothing. Called by {@link DemoSeeder}; only
 * into a database without subscribers. Blocking; before the grid starts (it loads what was written).
 */
public final class DemoImport {

    private DemoImport() {
    }

    /**
     * @param kinds the node's record kinds ({@code CityKinds.of}), which take the demo's {@code "demo": true}
     *              devices and accounts on a demo node
     * @return true if this call wrote the city, false if the database already had subscribers
     * @throws IllegalStateException if a kind refused the demo city (a bug: the message says where)
     */
    public static boolean seedIfEmpty(Database db, DemoCityData data, List<RecordKind<?>> kinds) {
        DirectoryRepository directory = new DirectoryRepository();
        if (db.withConnection(directory::countSubscribers) > 0) {
            return false;
        }
        ImportReport report;
        try {
            report = new Importer(db).write(new BundleReader(kinds).read(new ByteArrayInputStream(bundle(data))), false,
                    Importer.BeforeCommit.NOTHING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PersistenceException e) {
            // two members starting on one empty database: the other wrote the city first
            if (e.isDuplicateKey() && db.withConnection(directory::countSubscribers) > 0) {
                return false;
            }
            throw e;
        }
        if (!report.written()) {
            throw new IllegalStateException("the demo city was refused: " + report.refusals().getFirst().text()
                    + " (" + report.refusals().size() + " refusals)");
        }
        return true;
    }

    /** The city as bundle bytes: the default demo city is about 250 KB. */
    static byte[] bundle(DemoCityData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            DemoBundle.write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
