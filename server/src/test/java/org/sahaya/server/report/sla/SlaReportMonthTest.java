package org.sahaya.server.report.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.json.Json;
import org.sahaya.core.persistence.Database;

/**
 * The done-when of issue 18's service levels: a month of incidents with known times ({@link SlaMonth}),
 * read back by {@link SlaReader} from a real database, and every figure and breach of the report, as JSON
 * and as CSV, against values worked out by hand here.
 *
 * <p>November (the city's: 1 November 00:00 IST until 1 December 00:00 IST) counts I-01..I-06 and I-10:
 * <pre>
 *          accepted  family  on scene  lead   met both
 * I-01        60       20       600    1100   yes
 * I-02       420 *     30       900     -     no  (UNIT_ACCEPTED NO_UNIT_FREE)
 * I-03       350 *    150 *     990     -     no  (UNIT_ACCEPTED CREW_DID_NOT_ACCEPT, FAMILY_DELIVERED PROVIDER_FAILED)
 * I-04        80       10       480     -     yes (accepted = first EN_ROUTE; its notice came after AT_HOSPITAL)
 * I-05       320 *    260 *     700    1000   no  (both HELD_MINORITY)
 * I-06       290      119       600     -     yes (hospital H-2)
 * I-10        30       n/a       -      -     yes (no family messages: the family target does not apply)
 * </pre>
 * Nearest rank: of n sorted values, p50 is the one at rank ceil(n/2), p90 at ceil(0.9 n).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaReportMonthTest {

    @TempDir
    static Path dir;
    private Database database;
    private SlaCalculator calculator;

    /** The embedded database; {@link SlaReportMonthPostgresTest} runs the same month on PostgreSQL. */
    Database openDatabase() {
        return Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null);
    }

    @BeforeAll
    void month() {
        database = openDatabase();
        SlaMonth.write(database);
        calculator = new SlaCalculator(SlaReport.Targets.CONTRACT, SlaMonth.CITY);
    }

    @AfterAll
    void close() {
        database.close();
    }

    /** What one group must show: counts, then seconds or shares in the order the CSV has them. */
    record Expected(String key, int incidents, Double acceptedP50, Double acceptedP90, Double acceptedMax,
                    Double acceptedShare, int familyMeasured, Double familyP50, Double familyP90, Double familyMax,
                    Double familyShare, Double onSceneP50, Double onSceneP90, Double onSceneMax, int leadMeasured,
                    Double leadP50, int slaMet, Double slaShare, boolean meetsTarget) {
    }

    private static final Expected NOVEMBER_ALL = new Expected("ALL", 7, 290.0, 420.0, 420.0, 0.5714,
            6, 30.0, 260.0, 260.0, 0.6667, 600.0, 990.0, 990.0, 2, 1000.0, 4, 0.5714, false);
    private static final Expected FLEET_A = new Expected("FLEET-A", 4, 290.0, 420.0, 420.0, 0.5,
            4, 30.0, 260.0, 260.0, 0.75, 600.0, 900.0, 900.0, 2, 1000.0, 2, 0.5, false);
    private static final Expected FLEET_B = new Expected("FLEET-B", 3, 80.0, 350.0, 350.0, 0.6667,
            2, 10.0, 150.0, 150.0, 0.5, 480.0, 990.0, 990.0, 0, null, 2, 0.6667, false);

    private static final List<String> NOVEMBER_BREACHES = List.of(
            "I-02 UNIT_ACCEPTED 420.0 NO_UNIT_FREE",
            "I-03 UNIT_ACCEPTED 350.0 CREW_DID_NOT_ACCEPT",
            "I-03 FAMILY_DELIVERED 150.0 PROVIDER_FAILED",
            "I-05 UNIT_ACCEPTED 320.0 HELD_MINORITY",
            "I-05 FAMILY_DELIVERED 260.0 HELD_MINORITY");

    @Test
    void novemberByFleetShowsEveryFigureAndBreachAsWorkedOutByHand() {
        SlaReport report = report("2026-11-01", "2026-12-01", SlaGrouping.FLEET, null);
        JsonObject json = new JsonObject(Json.write(report));

        assertThat(json.getString("groupBy")).isEqualTo("fleet");
        assertThat(json.getString("from")).isEqualTo("2026-10-31T18:30:00Z");
        assertThat(json.getString("to")).isEqualTo("2026-11-30T18:30:00Z");
        assertThat(keys(json)).containsExactly("FLEET-A", "FLEET-B");
        matches(group(json, "FLEET-A"), FLEET_A);
        matches(group(json, "FLEET-B"), FLEET_B);
        matches(json.getJsonObject("total"), NOVEMBER_ALL);
        assertThat(breaches(group(json, "FLEET-A"))).containsExactly(NOVEMBER_BREACHES.get(0), NOVEMBER_BREACHES.get(3),
                NOVEMBER_BREACHES.get(4));
        assertThat(breaches(group(json, "FLEET-B"))).containsExactly(NOVEMBER_BREACHES.get(1), NOVEMBER_BREACHES.get(2));
        assertThat(breaches(json.getJsonObject("total"))).containsExactlyElementsOf(NOVEMBER_BREACHES);
        assertThat(json.getJsonObject("targets")).isEqualTo(new JsonObject()
                .put("acceptedSeconds", 300).put("familyDeliveredSeconds", 120).put("slaShare", 0.95));
    }

    @Test
    void theCsvCarriesTheSameFiguresAndBreaches() {
        String csv = SlaCsv.write(report("2026-11-01", "2026-12-01", SlaGrouping.FLEET, null));
        String[] sections = csv.split("\r\n\r\n", -1);
        assertThat(sections).hasSize(2);
        List<String> groups = Arrays.asList(sections[0].split("\r\n"));
        assertThat(groups.getFirst()).isEqualTo(String.join(",", SlaCsv.GROUP_HEADER));
        assertThat(groups.subList(1, groups.size())).containsExactly(csvRow(FLEET_A), csvRow(FLEET_B), csvRow(NOVEMBER_ALL));
        List<String> breaches = Arrays.asList(sections[1].split("\r\n"));
        assertThat(breaches).containsExactly(String.join(",", SlaCsv.BREACH_HEADER),
                "FLEET-A,I-02,2026-11-03T04:30:00Z,UNIT_ACCEPTED,420,NO_UNIT_FREE",
                "FLEET-A,I-05,2026-11-20T04:30:00Z,UNIT_ACCEPTED,320,HELD_MINORITY",
                "FLEET-A,I-05,2026-11-20T04:30:00Z,FAMILY_DELIVERED,260,HELD_MINORITY",
                "FLEET-B,I-03,2026-11-10T04:30:00Z,UNIT_ACCEPTED,350,CREW_DID_NOT_ACCEPT",
                "FLEET-B,I-03,2026-11-10T04:30:00Z,FAMILY_DELIVERED,150,PROVIDER_FAILED");
    }

    @Test
    void byHospitalTheReceivingHospitalIsTheGroup() {
        JsonObject json = new JsonObject(Json.write(report("2026-11-01", "2026-12-01", SlaGrouping.HOSPITAL, null)));
        assertThat(keys(json)).containsExactly("H-1", "H-2");
        // H-1: I-01, I-02, I-05. accepted 60 320 420; family 20 30 260; on scene 600 700 900; leads 1000 1100
        matches(group(json, "H-1"), new Expected("H-1", 3, 320.0, 420.0, 420.0, 0.3333, 3, 30.0, 260.0, 260.0, 0.6667,
                700.0, 900.0, 900.0, 2, 1000.0, 1, 0.3333, false));
        // H-2: I-03, I-04, I-06, I-10. accepted 30 80 290 350; family 10 119 150 (I-10 none); on scene 480 600 990
        matches(group(json, "H-2"), new Expected("H-2", 4, 80.0, 350.0, 350.0, 0.75, 3, 119.0, 150.0, 150.0, 0.6667,
                600.0, 990.0, 990.0, 0, null, 3, 0.75, false));
        matches(json.getJsonObject("total"), NOVEMBER_ALL);
    }

    @Test
    void byClientTheSubscribersEmployerIsTheGroupAndThoseWithoutOneStandApart() {
        JsonObject json = new JsonObject(Json.write(report("2026-11-01", "2026-12-01", SlaGrouping.CLIENT, null)));
        assertThat(keys(json)).containsExactly("(none)", "ACME", "GLOBEX");
        // ACME: I-01, I-02, I-05, I-06 (the incidents of FLEET-A); GLOBEX: I-03, I-10; none: I-04
        matches(group(json, "ACME"), new Expected("ACME", 4, 290.0, 420.0, 420.0, 0.5, 4, 30.0, 260.0, 260.0, 0.75,
                600.0, 900.0, 900.0, 2, 1000.0, 2, 0.5, false));
        matches(group(json, "GLOBEX"), new Expected("GLOBEX", 2, 30.0, 350.0, 350.0, 0.5, 1, 150.0, 150.0, 150.0, 0.0,
                990.0, 990.0, 990.0, 0, null, 1, 0.5, false));
        matches(group(json, "(none)"), new Expected("(none)", 1, 80.0, 80.0, 80.0, 1.0, 1, 10.0, 10.0, 10.0, 1.0,
                480.0, 480.0, 480.0, 0, null, 1, 1.0, true));
    }

    @Test
    void byMonthTheCitysCalendarDecides() {
        // I-11 (31 Oct 23:00 IST = 17:30 UTC) is October's; I-12 (1 Dec 01:00 IST = 30 Nov 19:30 UTC) December's
        JsonObject json = new JsonObject(Json.write(report("2026-10-01", "2027-01-01", SlaGrouping.MONTH, null)));
        assertThat(keys(json)).containsExactly("2026-10", "2026-11", "2026-12");
        matches(group(json, "2026-10"), new Expected("2026-10", 1, 500.0, 500.0, 500.0, 0.0, 1, 40.0, 40.0, 40.0, 1.0,
                1200.0, 1200.0, 1200.0, 0, null, 0, 0.0, false));
        assertThat(breaches(group(json, "2026-10"))).containsExactly("I-11 UNIT_ACCEPTED 500.0 UNKNOWN");
        Expected november = new Expected("2026-11", 7, 290.0, 420.0, 420.0, 0.5714, 6, 30.0, 260.0, 260.0, 0.6667,
                600.0, 990.0, 990.0, 2, 1000.0, 4, 0.5714, false);
        matches(group(json, "2026-11"), november);
        matches(group(json, "2026-12"), new Expected("2026-12", 1, 100.0, 100.0, 100.0, 1.0, 0, null, null, null, null,
                null, null, null, 0, null, 1, 1.0, true));
        assertThat(json.getJsonObject("total").getInteger("incidents")).isEqualTo(9);
    }

    @Test
    void aPartnerSeesOnlyItsOwnGroup() {
        JsonObject fleet = new JsonObject(Json.write(report("2026-11-01", "2026-12-01", SlaGrouping.FLEET, "FLEET-B")));
        assertThat(keys(fleet)).containsExactly("FLEET-B");
        matches(group(fleet, "FLEET-B"), FLEET_B);
        matches(fleet.getJsonObject("total"), new Expected("ALL", FLEET_B.incidents(), FLEET_B.acceptedP50(),
                FLEET_B.acceptedP90(), FLEET_B.acceptedMax(), FLEET_B.acceptedShare(), FLEET_B.familyMeasured(),
                FLEET_B.familyP50(), FLEET_B.familyP90(), FLEET_B.familyMax(), FLEET_B.familyShare(),
                FLEET_B.onSceneP50(), FLEET_B.onSceneP90(), FLEET_B.onSceneMax(), 0, null, 2, 0.6667, false));
        assertThat(Json.write(fleet)).doesNotContain("I-01", "I-02", "I-05");

        JsonObject nothing = new JsonObject(Json.write(report("2026-11-01", "2026-12-01", SlaGrouping.HOSPITAL, "H-9")));
        assertThat(keys(nothing)).containsExactly("H-9");
        assertThat(group(nothing, "H-9").getInteger("incidents")).isZero();
    }

    @Test
    void incidentsOfSubscribersWhoWithdrewStatisticsConsentAreNotCounted() {
        List<String> read = database.withConnection(c -> new SlaReader().read(c, SlaMonth.opened("2026-11-01T00:00"),
                SlaMonth.opened("2026-12-01T00:00"))).stream().map(SlaFacts::incidentId).toList();
        // I-07 (consent withdrawn) and I-08 (record only) are not read; I-09 is read but sought no unit
        assertThat(read).containsExactly("I-01", "I-02", "I-03", "I-04", "I-05", "I-06", "I-09", "I-10");
        String json = Json.write(report("2026-11-01", "2026-12-01", SlaGrouping.CLIENT, null));
        assertThat(json).doesNotContain("I-07", "I-08", "I-09");
    }

    private SlaReport report(String from, String to, SlaGrouping grouping, String only) {
        SlaPeriod period = SlaPeriod.parse(from, to, SlaMonth.CITY);
        List<SlaFacts> facts = database.withConnection(c -> new SlaReader().read(c, period.from(), period.to()));
        return calculator.report(facts, period.from(), period.to(), grouping, only);
    }

    private static List<String> keys(JsonObject report) {
        List<String> keys = new ArrayList<>();
        report.getJsonArray("groups").forEach(g -> keys.add(((JsonObject) g).getString("key")));
        return keys;
    }

    private static JsonObject group(JsonObject report, String key) {
        return report.getJsonArray("groups").stream().map(JsonObject.class::cast)
                .filter(g -> g.getString("key").equals(key)).findFirst().orElseThrow();
    }

    private static List<String> breaches(JsonObject group) {
        JsonArray all = group.getJsonArray("breaches");
        List<String> out = new ArrayList<>();
        for (Object o : all) {
            JsonObject b = (JsonObject) o;
            out.add(b.getString("incidentId") + " " + b.getString("target") + " " + b.getValue("seconds") + " "
                    + b.getString("cause"));
        }
        return out;
    }

    private static void matches(JsonObject g, Expected e) {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("key", g.getString("key"));
        actual.put("incidents", g.getInteger("incidents"));
        actual.putAll(durations("accepted", g.getJsonObject("accepted")));
        actual.putAll(durations("family", g.getJsonObject("familyDelivered")));
        actual.putAll(durations("onScene", g.getJsonObject("onScene")));
        actual.putAll(durations("lead", g.getJsonObject("preArrivalLead")));
        actual.put("slaMet", g.getJsonObject("sla").getInteger("met"));
        actual.put("slaShare", number(g.getJsonObject("sla").getValue("share")));
        actual.put("meetsTarget", g.getJsonObject("sla").getBoolean("meetsTarget"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("key", e.key());
        expected.put("incidents", e.incidents());
        expected.put("accepted.p50", e.acceptedP50());
        expected.put("accepted.p90", e.acceptedP90());
        expected.put("accepted.max", e.acceptedMax());
        expected.put("accepted.share", e.acceptedShare());
        expected.put("family.measured", e.familyMeasured());
        expected.put("family.p50", e.familyP50());
        expected.put("family.p90", e.familyP90());
        expected.put("family.max", e.familyMax());
        expected.put("family.share", e.familyShare());
        expected.put("onScene.p50", e.onSceneP50());
        expected.put("onScene.p90", e.onSceneP90());
        expected.put("onScene.max", e.onSceneMax());
        expected.put("lead.measured", e.leadMeasured());
        expected.put("lead.p50", e.leadP50());
        expected.put("slaMet", e.slaMet());
        expected.put("slaShare", e.slaShare());
        expected.put("meetsTarget", e.meetsTarget());
        actual.keySet().retainAll(expected.keySet());
        assertThat(actual).as("group %s", e.key()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static Map<String, Object> durations(String name, JsonObject d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name + ".measured", d.getInteger("measured"));
        m.put(name + ".p50", number(d.getValue("p50Seconds")));
        m.put(name + ".p90", number(d.getValue("p90Seconds")));
        m.put(name + ".max", number(d.getValue("maxSeconds")));
        m.put(name + ".share", number(d.getValue("shareUnderTarget")));
        return m;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static String csvRow(Expected e) {
        return String.join(",", e.key(), Integer.toString(e.incidents()), n(e.acceptedP50()), n(e.acceptedP90()),
                n(e.acceptedMax()), n(e.acceptedShare()), Integer.toString(e.familyMeasured()), n(e.familyP50()),
                n(e.familyP90()), n(e.familyMax()), n(e.familyShare()), n(e.onSceneP50()), n(e.onSceneP90()),
                n(e.onSceneMax()), Integer.toString(e.leadMeasured()), n(e.leadP50()), Integer.toString(e.slaMet()),
                n(e.slaShare()), Boolean.toString(e.meetsTarget()));
    }

    /** Hand-written: 290.0 is "290" in the CSV, 0.5714 stays, none is empty. */
    private static String n(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString();
    }
}
