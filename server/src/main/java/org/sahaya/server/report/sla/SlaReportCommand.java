package org.sahaya.server.report.sla;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.server.cli.CommandLines;
import org.sahaya.server.cli.DatabaseInUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sahaya report sla --month 2026-11 [--out DIR]}: the monthly service-level report of the configured
 * database (the same {@code SAHAYA_*} settings as the node), one HTML page per partner and one for the
 * operator ({@link SlaPages}), written to {@code DIR} (default {@code reports/sla-2026-11}). The month is
 * the city's. The embedded H2 file is held by a running node: stop it first, or ask the running node for
 * the figures ({@code GET /api/v1/reports/sla}). A command-line tool: it blocks.
 */
public final class SlaReportCommand {

    static final String USAGE = "usage: sahaya report sla --month YYYY-MM [--out DIR]";

    @Command(name = "sahaya report", synopsisHeading = "usage: ", sortOptions = false)
    static final class Options {
        @Parameters(index = "0", paramLabel = "REPORT", description = "the report: sla")
        String report;
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "the month, in the city's time zone")
        String month;
        @Option(names = "--out", paramLabel = "DIR", description = "where the pages go (default reports/sla-YYYY-MM)")
        String out;
    }

    private SlaReportCommand() {
    }

    /** @return the exit code: 0 written, 1 the database failed or is in use, 2 usage or configuration */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Options o;
        try {
            o = CommandLines.parse(new Options(), args);
        } catch (IllegalArgumentException e) {
            out.println("sahaya report: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (!"sla".equals(o.report) || o.month == null) {
            out.println(USAGE);
            return 2;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(o.month);
        } catch (DateTimeParseException e) {
            out.println("sahaya report sla: --month must be a month like 2026-11, was '" + o.month + "'");
            return 2;
        }
        SahayaConfig config;
        try {
            config = SahayaConfig.from(Settings.load(env, Map.of()), false);
        } catch (ConfigException e) {
            out.println("sahaya report: " + e.getMessage());
            return 2;
        }
        Path dir = Path.of(o.out != null ? o.out : "reports/sla-" + month);
        Optional<Database> opened = DatabaseInUse.open(config, out, "report", "Stop the node and run this again, or"
                + " ask the running node: GET /api/v1/reports/sla.", "No report was written.");
        if (opened.isEmpty()) {
            return 1;
        }
        try (Database database = opened.get()) {
            return write(database, config, month, dir, out);
        } catch (PersistenceException e) {
            out.println("sahaya report sla: the database failed (" + Redacted.describe(e) + "). No report was written.");
            return 1;
        }
    }

    /** Writes the month's pages from {@code database} into {@code dir}; 0, or 1 if the files could not be written. */
    static int write(Database database, SahayaConfig config, YearMonth month, Path dir, PrintStream out) {
        System.setProperty("java.awt.headless", "true"); // the plots are drawn without a display
        SlaPeriod period = SlaPeriod.of(month, config.city().timeZone());
        List<SlaFacts> facts = database.withConnection(c -> new SlaReader().read(c, period.from(), period.to()));
        SlaCalculator calculator = new SlaCalculator(SlaReport.Targets.CONTRACT, config.city().timeZone());
        Map<String, String> pages = new SlaPages(calculator, config.city().name()).pages(facts, month, period);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            out.println("sahaya report sla: cannot write " + dir + " (" + Redacted.describe(e) + ")");
            return 1;
        }
        out.println("sahaya report sla " + month + ": " + facts.size() + " incidents, " + pages.size() + " pages in " + dir
                + " (" + String.join(", ", pages.keySet()) + ")");
        return 0;
    }
}
