package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.TestNode;

/** {@code sahaya import FILE}: the report, the exit codes, and the secrets file readable by its owner only. */
class ImportCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final TestKinds kinds = new TestKinds();

    private int run(String... args) {
        printed.reset();
        Map<String, String> env = Map.of("SAHAYA_DATA_DIR", dir.resolve("data").toString(),
                "SAHAYA_MASTER_KEY", TestNode.MASTER_KEY);
        return ImportCommand.run(args, env, new PrintStream(printed, true, StandardCharsets.UTF_8), secrets -> kinds.all());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theNewDevicesSecretsGoToAnOwnerOnlyFileAndNowhereElse() throws Exception {
        Path city = dir.resolve("city.json");
        Files.writeString(city, ImportTest.city(3));

        assertThat(run(city.toString(), "--report", dir.resolve("report.txt").toString())).as(printed()).isZero();

        Path secrets = dir.resolve("city.json.secrets.csv");
        assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<String> lines = Files.readAllLines(secrets);
        assertThat(lines.getFirst()).isEqualTo("section,id,secret");
        assertThat(lines).hasSize(4).contains("devices,D-3,own-secret-3").anyMatch(l -> l.matches("devices,D-1,[0-9a-f]{32}"));
        String issued = lines.get(1).split(",")[2];
        assertThat(printed()).contains("subscribers", "3 created", "city.json.secrets.csv").doesNotContain(issued, "own-secret-3");
        assertThat(Files.readString(dir.resolve("report.txt"))).isEqualTo(printed()).doesNotContain(issued);

        // an earlier import's secrets are never overwritten
        assertThat(run(city.toString())).isEqualTo(2);
        assertThat(printed()).contains("exists");
        // the same file again, its secrets elsewhere: nothing new, so no secrets file at all
        assertThat(run(city.toString(), "--secrets", dir.resolve("again.csv").toString())).isZero();
        assertThat(printed()).contains("3 updated");
        assertThat(dir.resolve("again.csv")).doesNotExist();
    }

    @Test
    void aRefusedFileExitsOneWritesNoSecretsAndTheReportNamesTheLine() throws Exception {
        Path city = dir.resolve("bad.json");
        Files.writeString(city, ImportTest.city(3).replace("\"lat\":12.9", "\"lat\":-91"));

        assertThat(run(city.toString())).isEqualTo(1);

        assertThat(printed()).contains("refused, nothing written: 3 refusals",
                "line 9 subscribers[0] id=S-1 home.lat: must be between -90 and 90");
        assertThat(dir.resolve("bad.json.secrets.csv")).doesNotExist();
    }

    @Test
    void csvNeedsItsSectionAndUsageErrorsExitTwo() throws Exception {
        Path csv = dir.resolve("subscribers.csv");
        Files.writeString(csv, "id,name,home.lat,home.lon,language\nS-1,Asha,12.97,77.59,kn\n");

        assertThat(run(csv.toString(), "--section", "subscribers")).as(printed()).isZero();
        assertThat(printed()).contains("subscribers", "1 created");
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run(csv.toString(), "--bogus")).isEqualTo(2);
        assertThat(run(csv.toString(), "--node", "http://127.0.0.1:1")).isEqualTo(2); // no token
    }
}
