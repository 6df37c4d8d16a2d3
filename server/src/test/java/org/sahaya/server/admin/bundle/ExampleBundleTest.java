package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.TableRows;
import org.sahaya.server.TestNode;
import org.sahaya.server.admin.RecordKind;

/**
 * The example files of docs/examples import as docs/import.md says, through the real record kinds an
 * operator's import uses ({@link CityKinds#of}) into a node's database: no refusal; the same file again
 * reports every record updated and changes no row.
 */
class ExampleBundleTest {

    /** The repository's docs/examples, from the server module the tests run in. */
    static final Path EXAMPLES = Path.of("..", "docs", "examples");

    /** The tables the example fills. */
    private static final List<String> TABLES = List.of("partners", "hospitals", "hospital_beds",
            "hospital_bed_capacity", "service_areas", "units", "unit_service_areas", "subscribers", "consents",
            "devices", "contacts", "contact_preferences", "contact_push_tokens", "dc09_accounts");

    @TempDir
    Path dir;

    @Test
    void theExampleCityImportsTwiceAndTheExampleCsvToo() throws Exception {
        List<RecordKind<?>> kinds = CityKinds.of(TestNode.secrets(), null, Clock.systemUTC(), unit -> { });
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            BundleContents read = read(kinds);
            assertThat(read.refusals()).isEmpty();
            assertThat(read.city().getString("name")).isEqualTo("Kochi");

            ImportReport report = new Importer(db).write(read, false, Importer.BeforeCommit.NOTHING);

            assertThat(report.refusals()).isEmpty();
            assertThat(report.counts()).containsEntry("fleets", new ImportReport.Count(2, 0))
                    .containsEntry("hospitals", new ImportReport.Count(3, 0))
                    .containsEntry("serviceAreas", new ImportReport.Count(1, 0))
                    .containsEntry("units", new ImportReport.Count(4, 0))
                    .containsEntry("subscribers", new ImportReport.Count(3, 0))
                    .containsEntry("devices", new ImportReport.Count(4, 0))
                    .containsEntry("contacts", new ImportReport.Count(4, 0))
                    .containsEntry("dc09Accounts", new ImportReport.Count(1, 0));
            assertThat(report.secrets().get("devices")).hasSize(4);
            Map<String, Object> first = contents(db);

            ImportReport again = new Importer(db).write(read(kinds), false, Importer.BeforeCommit.NOTHING);

            assertThat(again.refusals()).isEmpty();
            assertThat(again.counts()).containsEntry("fleets", new ImportReport.Count(0, 2))
                    .containsEntry("units", new ImportReport.Count(0, 4))
                    .containsEntry("subscribers", new ImportReport.Count(0, 3))
                    .containsEntry("devices", new ImportReport.Count(0, 4))
                    .containsEntry("contacts", new ImportReport.Count(0, 4))
                    .containsEntry("dc09Accounts", new ImportReport.Count(0, 1));
            assertThat(again.secrets()).isEmpty();
            assertThat(contents(db)).isEqualTo(first);

            try (Reader csv = Files.newBufferedReader(EXAMPLES.resolve("contacts.csv"))) {
                ImportReport contacts = new Importer(db).write(new CsvReader(kinds).read(csv, "contacts"), false,
                        Importer.BeforeCommit.NOTHING);
                assertThat(contacts.refusals()).isEmpty();
                assertThat(contacts.counts()).containsExactly(Map.entry("contacts", new ImportReport.Count(0, 2)));
            }
        }
    }

    private static BundleContents read(List<RecordKind<?>> kinds) throws Exception {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("city-bundle.json"))) {
            return new BundleReader(kinds).read(in);
        }
    }

    /** Every row of the tables the example fills, the consents' recording times left out. */
    private static Map<String, Object> contents(Database db) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String table : TABLES) {
            var rows = TableRows.of(db, TestNode.secrets(), table);
            if (table.equals("consents")) {
                rows.forEach(row -> row.remove("RECORDED_AT"));
            }
            all.put(table, rows);
        }
        return all;
    }
}
