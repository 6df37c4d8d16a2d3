package org.sahaya.server.admin.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.secret.MasterKey;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.cli.CommandLines;
import org.sahaya.server.cli.DatabaseInUse;

/**
 * {@code sahaya import FILE [--section S] [--report R] [--secrets S]}: loads a city bundle (or one CSV
 * section) straight into the database the node is configured with (the same {@code SAHAYA_*} settings
 * and master key), all of it or nothing. The embedded H2 file is held by a running node: stop it first,
 * or send the file to the running node ({@code --node URL}, {@code POST /api/v1/imports}), which also
 * makes it live at once. A command-line tool: it blocks.
 */
public final class ImportCommand {

    static final String USAGE = "usage: sahaya import FILE [--section subscribers|contacts|devices] [--report FILE]"
            + " [--secrets FILE] [--node URL --token TOKEN]";

    /** Builds the kinds once the master key is known; {@link CityKinds#of} outside tests. */
    @FunctionalInterface
    public interface Kinds {
        List<RecordKind<?>> of(SecretBox secrets);
    }

    private final PrintStream out;
    private final Kinds kinds;

    ImportCommand(PrintStream out, Kinds kinds) {
        this.out = out;
        this.kinds = kinds;
    }

    /** @return the exit code: 0 written, 1 refused (or the database failed or is in use), 2 usage or configuration */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        return run(args, env, out, secrets -> CityKinds.of(secrets, null, java.time.Clock.systemUTC(), unit -> { }));
    }

    /** As {@link #run(String[], Map, PrintStream)} over other kinds (tests). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, Kinds kinds) {
        ImportOptions o;
        try {
            o = CommandLines.parse(new ImportOptions(), args);
        } catch (IllegalArgumentException e) {
            out.println("sahaya import: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (o.file == null) {
            out.println(USAGE);
            return 2;
        }
        Path file = Path.of(o.file);
        if (!Files.isReadable(file)) {
            out.println("sahaya import: cannot read " + file);
            return 2;
        }
        Path secrets = o.secrets == null ? SecretsFile.besides(file) : Path.of(o.secrets);
        if (Files.exists(secrets)) {
            out.println("sahaya import: " + secrets + " exists (the secrets of an earlier import?); move it away or name"
                    + " another file with --secrets. Nothing was imported.");
            return 2;
        }
        if (o.node != null) {
            return new NodeImport(out).send(o, file, secrets, env);
        }
        try {
            return new ImportCommand(out, kinds).local(o, file, secrets, env);
        } catch (ConfigException e) {
            out.println("sahaya import: " + e.getMessage());
            return 2;
        }
    }

    private int local(ImportOptions o, Path file, Path secrets, Map<String, String> env) {
        SahayaConfig config = SahayaConfig.from(Settings.load(env, Map.of()), false);
        SecretBox box = MasterKey.load(config.masterKey(), config.dataDir(), false).box();
        Optional<Database> opened = DatabaseInUse.open(config, out, "import", "Stop the node and run this again, or"
                + " send the file to the running node with --node URL --token TOKEN.", "Nothing was imported.");
        if (opened.isEmpty()) {
            return 1;
        }
        Database database = opened.get();
        AtomicBoolean secretsWritten = new AtomicBoolean();
        try (database) {
            BundleContents contents = read(o, file, kinds.of(box));
            ImportReport report = new Importer(database).write(contents, false, issued -> {
                if (!issued.isEmpty()) {
                    SecretsFile.write(secrets, issued);
                    secretsWritten.set(true);
                }
            });
            return report(o, file, report, secrets);
        } catch (IOException | UncheckedIOException e) {
            out.println("sahaya import: " + Redacted.describe(e) + ". Nothing was imported.");
            return 1;
        } catch (PersistenceException e) {
            if (secretsWritten.get()) {
                deleteQuietly(secrets);
            }
            out.println("sahaya import: the database failed (" + Redacted.describe(e) + "). Nothing was imported.");
            return 1;
        }
    }

    private static BundleContents read(ImportOptions o, Path file, List<RecordKind<?>> kinds) throws IOException {
        if (o.section != null) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return new CsvReader(kinds).read(in, o.section);
            }
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new BundleReader(kinds).read(in);
        }
    }

    /** Prints the report (and writes it with {@code --report}); never a secret. */
    int report(ImportOptions o, Path file, ImportReport report, Path secrets) throws IOException {
        StringBuilder text = new StringBuilder("sahaya import " + file.getFileName() + ": " + report.text());
        if (report.secretCount() > 0) {
            text.append("the secrets of ").append(report.secretCount()).append(" new records are in ").append(secrets)
                    .append(" (readable by you only): hand them to the devices, then keep or destroy the file;"
                            + " nothing else shows them again\n");
        }
        out.print(text);
        if (o.report != null) {
            Files.writeString(Path.of(o.report), text, StandardCharsets.UTF_8);
        }
        return report.written() ? 0 : 1;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the commit failed; the file names devices that do not exist, and says nothing else
        }
    }
}
