package org.sahaya.server.report.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;

/** {@code sahaya report sla --month 2026-11}: one page per partner and one for the operator, from the database. */
class SlaReportCommandTest {

    private static final Pattern IMAGE = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void writesAPagePerPartnerAndOneForTheOperatorWithTheFiguresAndThePlots() throws Exception {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            SlaMonth.write(database);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path out = dir.resolve("out");

        int code = SlaReportCommand.run(new String[] {"sla", "--month", "2026-11", "--out", out.toString()}, env(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("operator.html",
                    "fleet-FLEET-A.html", "fleet-FLEET-B.html", "hospital-H-1.html", "hospital-H-2.html",
                    "client-ACME.html", "client-GLOBEX.html");
        }
        String operator = Files.readString(out.resolve("operator.html"));
        // by fleet: FLEET-A 4 incidents, SLA 50.0%; FLEET-B 3, 66.7%; all 7, 57.1%; accepted p50/p90/max of all 290/420/420 s
        assertThat(operator).contains("<td>FLEET-A</td><td>4</td><td>4.8 / 7.0 / 7.0</td><td>50.0%</td><td>75.0%</td>")
                .contains("<td>FLEET-B</td><td>3</td><td>1.3 / 5.8 / 5.8</td><td>66.7%</td><td>50.0%</td>")
                .contains("<td>ALL</td><td>7</td><td>4.8 / 7.0 / 7.0</td><td>57.1%</td><td>66.7%</td>")
                .contains("Breaches (5)").contains("<td>I-03</td>").contains("CREW_DID_NOT_ACCEPT")
                .contains("PROVIDER_FAILED").contains("NO_UNIT_FREE").contains("HELD_MINORITY")
                .doesNotContain("I-07", "I-11", "I-12");
        assertThat(pngs(operator)).isEqualTo(3);

        String fleetB = Files.readString(out.resolve("fleet-FLEET-B.html"));
        assertThat(fleetB).contains("Fleet FLEET-B").contains("<td>FLEET-B</td><td>3</td>").contains("Breaches (2)")
                .doesNotContain("FLEET-A", "I-02", "I-05");
        assertThat(pngs(fleetB)).isEqualTo(3);
        String globex = Files.readString(out.resolve("client-GLOBEX.html"));
        assertThat(globex).contains("<td>GLOBEX</td><td>2</td>").doesNotContain("I-01");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("7 pages");
    }

    @Test
    void aMonthItCannotReadIsAUsageError() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(SlaReportCommand.run(new String[] {"sla"}, env(), out)).isEqualTo(2);
        assertThat(SlaReportCommand.run(new String[] {"sla", "--month", "November"}, env(), out)).isEqualTo(2);
        assertThat(SlaReportCommand.run(new String[] {"uptime", "--month", "2026-11"}, env(), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(SlaReportCommand.USAGE)
                .contains("--month must be a month like 2026-11");
    }

    private Map<String, String> env() {
        return Map.of("SAHAYA_DATA_DIR", dir.toString(), "SAHAYA_DB_URL", "jdbc:h2:file:" + dir.resolve("db"));
    }

    /** How many embedded PNGs the page holds, each checked to be a PNG. */
    private static int pngs(String html) {
        Matcher m = IMAGE.matcher(html);
        int n = 0;
        while (m.find()) {
            byte[] png = Base64.getDecoder().decode(m.group(1));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            n++;
        }
        return n;
    }
}
