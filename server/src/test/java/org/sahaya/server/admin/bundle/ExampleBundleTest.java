package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.admin.RecordKind;

/** The example files of docs/examples read and import as docs/import.md says. */
class ExampleBundleTest {

    /** The repository's docs/examples, from the server module the tests run in. */
    static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @TempDir
    Path dir;

    @Test
    void theExampleCityImportsAndTheExampleCsvToo() throws Exception {
        TestKinds test = new TestKinds();
        List<RecordKind<?>> kinds = new ArrayList<>(test.all());
        kinds.addAll(AnyKind.others());
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null);
             InputStream in = Files.newInputStream(EXAMPLES.resolve("city-bundle.json"))) {
            BundleContents read = new BundleReader(kinds).read(in);
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

            try (Reader csv = Files.newBufferedReader(EXAMPLES.resolve("contacts.csv"))) {
                ImportReport again = new Importer(db).write(new CsvReader(kinds).read(csv, "contacts"), false,
                        Importer.BeforeCommit.NOTHING);
                assertThat(again.counts()).containsExactly(Map.entry("contacts", new ImportReport.Count(0, 2)));
            }
        }
    }
}
