package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;

/**
 * The import over test-only kinds writing real rows: idempotent on ids, all or nothing, every refusal
 * with its line, references inside the file or in the database, CSV as the bundle.
 */
class ImportTest {

    @TempDir
    Path dir;
    private Database db;
    private TestKinds kinds;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null);
        kinds = new TestKinds();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecondImportOfTheSameFileUpdatesAndCreatesNothing() throws Exception {
        String bundle = city(3);
        ImportReport first = importJson(bundle);

        assertThat(first.refusals()).isEmpty();
        assertThat(first.counts()).containsExactly(Map.entry("fleets", new ImportReport.Count(2, 0)),
                Map.entry("subscribers", new ImportReport.Count(3, 0)), Map.entry("devices", new ImportReport.Count(3, 0)),
                Map.entry("contacts", new ImportReport.Count(6, 0)));
        // two devices came without a secret (one was issued each), one brought its own
        assertThat(first.secrets().get("devices")).containsOnlyKeys("D-1", "D-2", "D-3").containsEntry("D-3", "own-secret-3");
        assertThat(kinds.subscribers.published).hasSize(1);
        String tables = dump();

        ImportReport second = importJson(bundle);

        assertThat(second.counts()).containsExactly(Map.entry("fleets", new ImportReport.Count(0, 2)),
                Map.entry("subscribers", new ImportReport.Count(0, 3)), Map.entry("devices", new ImportReport.Count(0, 3)),
                Map.entry("contacts", new ImportReport.Count(0, 6)));
        assertThat(second.secretCount()).isZero();
        assertThat(dump()).isEqualTo(tables);
        assertThat(second.text()).contains("subscribers").contains("3 updated").doesNotContain("secret");
    }

    @Test
    void oneBadEntryAmongManyWritesNothingAndTheReportNamesItsLineAndField() throws Exception {
        StringWriter out = new StringWriter();
        BundleWriter w = new BundleWriter(out).start(null).section("subscribers");
        for (int i = 0; i < 200; i++) {
            w.entry(subscriber("S-" + i, i == 150 ? 95.0 : 12.9));
        }
        w.section("contacts").entry(contact("C-1", "S-1", "+919800000001")).entry(contact("C-2", "S-2", "0800 FAMILY"));
        w.end();

        ImportReport report = importJson(out.toString());

        // line 1 "{", 2 format, 3 the section's opening, so entry i is on line 4 + i; contacts after 200 entries
        assertThat(report.written()).isFalse();
        assertThat(report.refusals()).extracting(Refusal::text).containsExactly(
                "line 154 subscribers[150] id=S-150 home.lat: must be between -90 and 90",
                "line 207 contacts[1] id=C-2 phone: must be an E.164 number (+ and digits)");
        assertThat(count("subscribers") + count("contacts")).isZero();
        assertThat(kinds.subscribers.published).isEmpty();
    }

    @Test
    void aReferenceMustBeInTheFileOrAlreadyInTheDatabase() throws Exception {
        importJson(bundle(Map.of("subscribers", List.of(subscriber("S-OLD", 12.9)))));

        String file = bundle(Map.of("subscribers", List.of(subscriber("S-NEW", 12.9)),
                "contacts", List.of(contact("C-1", "S-NEW", "+919800000001"), contact("C-2", "S-OLD", "+919800000002"),
                        contact("C-3", "S-NOWHERE", "+919800000003"))));
        ImportReport refused = importJson(file);

        assertThat(refused.refusals()).extracting(Refusal::text)
                .containsExactly("line 9 contacts[2] id=C-3 subscriberId: no subscribers S-NOWHERE in the file or the database");
        assertThat(refused.refusals().getFirst().status()).isEqualTo(404);
        assertThat(count("subscribers")).isEqualTo(1);
        assertThat(count("contacts")).isZero();

        ImportReport written = importJson(bundle(Map.of("subscribers", List.of(subscriber("S-NEW", 12.9)),
                "contacts", List.of(contact("C-1", "S-NEW", "+919800000001"), contact("C-2", "S-OLD", "+919800000002")))));
        assertThat(written.counts().get("contacts")).isEqualTo(new ImportReport.Count(2, 0));
    }

    @Test
    void theFileItselfIsCheckedWithLines() throws Exception {
        assertThat(importJson("{\"format\": \"sahaya-city/1\",\n \"subscribers\": [\n {\"id\": \"S-1\",,}]}").refusals())
                .extracting(Refusal::line, Refusal::section).containsExactly(org.assertj.core.groups.Tuple.tuple(3, "bundle"));
        assertThat(importJson("{\"format\": \"sahaya-city/2\", \"subscribers\": []}").refusals())
                .extracting(Refusal::text).containsExactly("line 1 format: must be \"sahaya-city/1\"");
        assertThat(importJson("{\n\"format\": \"sahaya-city/1\",\n\"people\": []}").refusals().getFirst().text())
                .startsWith("line 3 people: is not a section of a city bundle");
        assertThat(importJson("{\"subscribers\": []}").refusals().getFirst().text()).startsWith("line 1 format: missing");
        assertThat(importJson(bundle(Map.of("units", List.of(new JsonObject().put("id", "U-1"), new JsonObject()),
                "serviceAreas", List.of(new JsonObject().put("name", "A"))))).refusals()).extracting(Refusal::text)
                .containsExactly("line 3 serviceAreas: this node has no record kind that loads serviceAreas",
                        "line 6 units: this node has no record kind that loads units");
        assertThat(importJson(bundle(Map.of("subscribers", List.of(subscriber("S-1", 1), subscriber("S-1", 2)))))
                .refusals()).extracting(Refusal::text)
                .containsExactly("line 5 subscribers[1] id=S-1 id: appears twice in subscribers, first at line 4");
    }

    @Test
    void aCsvSectionIsReadAsTheBundleWouldHoldIt() throws Exception {
        importJson(bundle(Map.of("subscribers", List.of(subscriber("S-1", 12.9), subscriber("S-2", 12.9)))));
        String csv = "id,subscriberId,name,relation,phone,rank,pushTokens\n"
                + "C-1,S-1,\"Rao, Anil\",son,+919800000001,1,tok-a|tok-b\n"
                + "\n"
                + "C-2,S-2,\"Line\nbreak\",daughter,+919800000002,2,\n"
                + "C-3,S-2,Priya,daughter,98000,3,\n";

        ImportReport refused = new Importer(db).write(new CsvReader(kinds.all()).read(new StringReader(csv), "contacts"),
                true, Importer.BeforeCommit.NOTHING);
        assertThat(refused.refusals()).extracting(Refusal::text)
                .containsExactly("line 6 contacts[2] id=C-3 phone: must be an E.164 number (+ and digits)");

        ImportReport written = new Importer(db).write(new CsvReader(kinds.all())
                .read(new StringReader(csv.substring(0, csv.indexOf("C-3"))), "contacts"), true, Importer.BeforeCommit.NOTHING);
        assertThat(written.counts()).containsExactly(Map.entry("contacts", new ImportReport.Count(2, 0)));
        String row = db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, call_order, push_token FROM contacts WHERE id = 'C-1'")) {
                rs.next();
                return rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3);
            }
        });
        assertThat(row).isEqualTo("Rao, Anil/1/tok-a");
    }

    @Test
    void aCsvFileIsCheckedWithLines() throws Exception {
        BundleContents read = new CsvReader(kinds.all()).read(new StringReader("id,home.lat,home.lon,name\nS-1,12.9,77.6\n"
                + "S-2,north,77.6,Asha\nS-3,12.9,77.6,\"open"), "subscribers");
        assertThat(read.refusals()).extracting(Refusal::text).containsExactly(
                "line 2 subscribers[0]: has 3 fields, the header 4",
                "line 3 subscribers[1] id=S-2 home.lat: is required (a number)",
                "line 4 subscribers: malformed CSV: a quoted field is not closed");
        assertThat(new CsvReader(kinds.all()).read(new StringReader("id\n"), "units").refusals().getFirst().text())
                .isEqualTo("line 1 units: this node has no record kind that loads units");
    }

    private ImportReport importJson(String json) throws IOException {
        BundleContents read = new BundleReader(kinds.all()).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return new Importer(db).write(read, true, Importer.BeforeCommit.NOTHING);
    }

    /** Two fleets, {@code n} subscribers each with a device and two contacts; device n brings its own secret. */
    static String city(int n) throws IOException {
        StringWriter out = new StringWriter();
        BundleWriter w = new BundleWriter(out).start(new JsonObject().put("name", "Testpur")).section("fleets")
                .entry(new JsonObject().put("id", "FLEET-T1").put("name", "One")).entry(new JsonObject().put("id", "FLEET-T2")
                        .put("name", "Two"))
                .section("subscribers");
        for (int i = 1; i <= n; i++) {
            w.entry(subscriber("S-" + i, 12.9));
        }
        w.section("devices");
        for (int i = 1; i <= n; i++) {
            JsonObject device = new JsonObject().put("id", "D-" + i).put("subscriberId", "S-" + i);
            w.entry(i == n ? device.put("secret", "own-secret-" + i) : device);
        }
        w.section("contacts");
        for (int i = 1; i <= n; i++) {
            w.entry(contact("C-" + i + "-1", "S-" + i, "+9198000" + String.format("%05d", i)));
            w.entry(contact("C-" + i + "-2", "S-" + i, "+4479110" + String.format("%05d", i)));
        }
        w.end();
        return out.toString();
    }

    static String bundle(Map<String, List<JsonObject>> sections) throws IOException {
        StringWriter out = new StringWriter();
        BundleWriter w = new BundleWriter(out).start(null);
        for (String section : CityKinds.SECTIONS) {
            if (sections.containsKey(section)) {
                w.section(section);
                for (JsonObject entry : sections.get(section)) {
                    w.entry(entry);
                }
            }
        }
        w.end();
        return out.toString();
    }

    static JsonObject subscriber(String id, double lat) {
        return new JsonObject().put("id", id).put("name", "Synthetic " + id).put("language", "kn")
                .put("home", new JsonObject().put("lat", lat).put("lon", 77.6));
    }

    static JsonObject contact(String id, String subscriberId, String phone) {
        return new JsonObject().put("id", id).put("subscriberId", subscriberId).put("name", "Family " + id)
                .put("relation", "son").put("phone", phone).put("timeZone", "Europe/London").put("rank", 1)
                .put("channels", new JsonArray().add("SMS"));
    }

    private int count(String table) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private String dump() {
        return db.withConnection(c -> {
            List<String> rows = new ArrayList<>();
            for (String q : List.of("SELECT id, name FROM partners ORDER BY id", "SELECT * FROM subscribers ORDER BY id",
                    "SELECT id, subscriber_id, secret FROM devices ORDER BY id", "SELECT * FROM contacts ORDER BY id")) {
                try (ResultSet rs = c.createStatement().executeQuery(q)) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getObject(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
            return String.join("\n", rows);
        });
    }
}
