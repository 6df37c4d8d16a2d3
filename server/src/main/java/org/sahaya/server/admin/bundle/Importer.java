package org.sahaya.server.admin.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordKind.Written;
import org.sahaya.server.admin.RecordRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a {@link BundleReader} or {@link CsvReader} read, all of it or nothing: only a file with
 * no refusal is written, in one transaction, section by section in load order through each kind's
 * {@link RecordKind#writeAll}; a record a kind refuses there (a contact whose subscriber is neither in
 * the file nor in the database) is found with its line and the whole transaction rolled back. After the
 * commit each kind makes its records live ({@link RecordKind#published}). Blocking.
 */
public final class Importer {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    /**
     * Runs inside the transaction once everything is written, before the commit, with the secrets issued
     * to new records: the command line writes its secrets file here, so that a file that cannot be written
     * leaves nothing behind (no device whose secret nobody has).
     */
    @FunctionalInterface
    public interface BeforeCommit {
        BeforeCommit NOTHING = secrets -> { };

        void accept(Map<String, Map<String, String>> secrets) throws IOException;
    }

    private final Database database;

    public Importer(Database database) {
        this.database = database;
    }

    /**
     * @param publish whether to make the records live on the members after the commit (a running node: yes;
     *                the command line writing into a database no member runs on: no)
     * @throws org.sahaya.core.persistence.PersistenceException if the database failed (nothing was written)
     * @throws UncheckedIOException if {@code beforeCommit} failed (nothing was written)
     */
    public ImportReport write(BundleContents contents, boolean publish, BeforeCommit beforeCommit) {
        if (!contents.refusals().isEmpty()) {
            return ImportReport.refused(byLine(contents.refusals()));
        }
        Map<String, ImportReport.Count> counts = new LinkedHashMap<>();
        Map<String, Map<String, String>> secrets;
        try {
            secrets = database.inTransaction(c -> {
                List<Refusal> refusals = new ArrayList<>();
                Map<String, Map<String, String>> issued = new LinkedHashMap<>();
                for (Loaded<?> section : contents.sections()) {
                    write(c, section, refusals, counts, issued);
                }
                if (!refusals.isEmpty()) {
                    throw new RolledBack(refusals);
                }
                try {
                    beforeCommit.accept(issued);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return issued;
            });
        } catch (RolledBack refused) {
            return ImportReport.refused(byLine(refused.refusals));
        }
        List<String> unpublished = publish ? publish(contents) : List.of();
        LOG.info("Imported {} records in one transaction: {}", contents.entries(), counts);
        return new ImportReport(List.of(), counts, secrets, unpublished);
    }

    private static <R> void write(Connection c, Loaded<R> section, List<Refusal> refusals,
                                  Map<String, ImportReport.Count> counts, Map<String, Map<String, String>> issued)
            throws SQLException {
        List<R> records = section.records();
        if (section.entries() == 0) {
            return;
        }
        RecordKind<R> kind = section.kind();
        List<Written> written;
        Savepoint before = c.setSavepoint();
        try {
            written = kind.writeAll(c, records);
            c.releaseSavepoint(before);
        } catch (RecordRefused batchRefused) {
            // the batch does not say which record: undo it and write one by one to find each with its line
            c.rollback(before);
            written = oneByOne(c, section, refusals);
        }
        List<R> created = new ArrayList<>();
        int updated = 0;
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) == Written.CREATED) {
                created.add(records.get(i));
            } else if (written.get(i) == Written.UPDATED) {
                updated++;
            }
        }
        counts.put(section.section(), new ImportReport.Count(created.size(), updated));
        Map<String, String> secrets = created.isEmpty() ? Map.of() : kind.issuedSecrets(created);
        if (!secrets.isEmpty()) {
            issued.put(section.section(), new LinkedHashMap<>(secrets));
        }
    }

    /** Each record in a savepoint of its own; a refused one is undone and reported, null in the answer. */
    private static <R> List<Written> oneByOne(Connection c, Loaded<R> section, List<Refusal> refusals)
            throws SQLException {
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < section.records().size(); i++) {
            R record = section.records().get(i);
            Savepoint one = c.setSavepoint();
            try {
                written.add(section.kind().write(c, record));
                c.releaseSavepoint(one);
            } catch (RecordRefused e) {
                c.rollback(one);
                written.add(null);
                for (RecordRefused.Fault f : e.faults()) {
                    refusals.add(new Refusal(section.line(i), section.section(), section.index(i),
                            section.kind().id(record), f.field(), f.reason(), f.status()));
                }
            }
        }
        return written;
    }

    private static List<String> publish(BundleContents contents) {
        List<String> unpublished = new ArrayList<>();
        for (Loaded<?> section : contents.sections()) {
            if (!section.records().isEmpty() && !published(section)) {
                unpublished.add(section.section());
            }
        }
        return unpublished;
    }

    private static <R> boolean published(Loaded<R> section) {
        try {
            section.kind().published(section.records());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Imported {} were written but not made live on every member", section.section(), Redacted.of(e));
            return false;
        }
    }

    private static List<Refusal> byLine(List<Refusal> refusals) {
        return refusals.stream().sorted(Comparator.comparingInt(Refusal::line)).toList();
    }

    /** Leaves the transaction so that it rolls back, carrying what was refused. */
    private static final class RolledBack extends RuntimeException {
        private final transient List<Refusal> refusals;

        RolledBack(List<Refusal> refusals) {
            super(null, null, false, false);
            this.refusals = refusals;
        }
    }
}
