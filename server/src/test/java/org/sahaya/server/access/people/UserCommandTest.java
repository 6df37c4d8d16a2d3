package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.node.Offload;
import org.sahaya.core.totp.Totp;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.cli.DatabaseInUse;

/**
 * {@code sahaya user add|list|disable} against the node's own configured database, and a node
 * without demo: the first admin made by the command logs in; demo users do not exist there.
 */
class UserCommandTest {

    private static final Pattern SECRET = Pattern.compile("TOTP secret, shown this once: ([A-Z2-7]{32})");

    @TempDir
    static Path data;
    static Node node;
    static Offload offload;
    static String adminSecret;

    @BeforeAll
    static void firstAdminThenNode() throws Exception {
        Path password = data.resolve("password");
        Files.writeString(password, "a long admin password\n");
        Run add = run(null, "add", "first.admin", "--role", "admin", "--password-file", password.toString());
        assertThat(add.code).as(add.out).isZero();
        Matcher m = SECRET.matcher(add.out);
        assertThat(m.find()).as(add.out).isTrue();
        adminSecret = m.group(1);
        assertThat(add.out).contains("otpauth://totp/Sahaya:first.admin?secret=" + adminSecret
                + "&issuer=Sahaya&algorithm=SHA1&digits=6&period=30");
        node = TestNode.start(data, false);
        offload = new Offload();
    }

    @AfterAll
    static void stop() {
        offload.close();
        node.close();
    }

    @Test
    void theFirstAdminLogsInWithTheSecretTheCommandPrinted() {
        HttpResponse<String> r = Staff.attempt(node, null, "first.admin", "a long admin password",
                SessionApiTest.code(adminSecret));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonArray("roles").getList()).containsExactly("admin");
    }

    @Test
    void aNodeWithoutDemoRefusesTheDemoUsersAsIfUnknown() {
        HttpResponse<String> demo = Staff.attempt(node, null, "demo-admin", DemoUsers.PASSWORD,
                SessionApiTest.code(DemoUsers.TOTP_SECRET));
        HttpResponse<String> unknown = Staff.attempt(node, null, "no.such.user", DemoUsers.PASSWORD,
                SessionApiTest.code(DemoUsers.TOTP_SECRET));

        assertThat(demo.statusCode()).isEqualTo(401);
        assertThat(demo.body()).isEqualTo(unknown.body());
    }

    @Test
    void theCommandRefusesDemoNamesShortPasswordsUnknownRolesAndTwins() {
        assertThat(run("a long enough password", "add", "demo-admin", "--role", "admin").code).isEqualTo(2);
        assertThat(run("short", "add", "short.one", "--role", "auditor").code).isEqualTo(2);
        assertThat(run("a long enough password", "add", "odd.role", "--role", "king").out).contains("unknown --role king");
        assertThat(run("a long enough password", "add", "crew.one", "--role", "fleet").out).contains("partner");
        assertThat(run("a long enough password", "add", "first.admin", "--role", "admin").code).isEqualTo(1);
        assertThat(run(null, "add").code).isEqualTo(2);
        assertThat(exists("demo-admin")).isFalse();
        assertThat(exists("short.one")).isFalse();
    }

    @Test
    void theListShowsNamesAndRolesButNoSecret() {
        assertThat(run("a long enough password", "add", "crew.lead", "--role", "fleet", "--partner", "fleet-north").code)
                .isZero();

        Run list = run(null, "list");

        assertThat(list.code).isZero();
        assertThat(list.out).contains("first.admin\tadmin\t-\tactive", "crew.lead\tfleet\tfleet-north\tactive")
                .doesNotContain(adminSecret, "argon2");
    }

    @Test
    void aDisabledUserCanNoLongerLogInAndTheirSessionEnds() throws Exception {
        Run add = run("ravi's long password", "add", "ravi.coord", "--role", "coordinator");
        Matcher m = SECRET.matcher(add.out);
        assertThat(m.find()).as(add.out).isTrue();
        HttpResponse<String> in = Staff.attempt(node, null, "ravi.coord", "ravi's long password",
                Totp.code(m.group(1), Totp.step(Instant.now())));
        assertThat(in.statusCode()).isEqualTo(200);
        String token = new JsonObject(in.body()).getString("token");

        assertThat(run(null, "disable", "ravi.coord").code).isZero();
        assertThat(run(null, "disable", "nobody.at.all").code).isEqualTo(1);

        Sessions lookup = new Sessions(node.grid().hazelcast(), new UserDirectory(node.database(), null), offload,
                node.config().logins(), Clock.systemUTC(), new SecureRandom());
        assertThat(lookup.session(token, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEmpty();
        assertThat(Staff.attempt(node, null, "ravi.coord", "ravi's long password",
                Totp.code(m.group(1), Totp.step(Instant.now()) + 1)).statusCode()).isEqualTo(401);
    }

    @Test
    void aCrewUserIsBoundToAUnitOnRecordAndLogsInWithoutACode() {
        node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO units (id, call_sign, unit_level, station, lat, lon, status,"
                    + " updated_at) VALUES ('CMD-7', 'KA-CMD-7', 'BLS', 'Jayanagar', 12.93, 77.58, 'AVAILABLE', ?)")) {
                ps.setObject(1, java.time.OffsetDateTime.now());
                ps.executeUpdate();
            }
            return null;
        });
        assertThat(run("a long crew password", "add", "crew.nounit", "--role", "crew").out).contains("--unit");
        assertThat(run("a long crew password", "add", "crew.ghost", "--role", "crew", "--unit", "CMD-99").out)
                .contains("no unit CMD-99");
        assertThat(run("a long crew password", "add", "crew.admin", "--role", "crew", "--role", "admin",
                "--unit", "CMD-7").out).contains("crew role only");
        assertThat(run("a long crew password", "add", "ops.unit", "--role", "auditor", "--unit", "CMD-7").out)
                .contains("only a crew user");

        Run add = run("a long crew password", "add", "crew.seven", "--role", "crew", "--unit", "CMD-7");

        assertThat(add.code).as(add.out).isZero();
        assertThat(add.out).contains("unit CMD-7").doesNotContain("TOTP secret");
        HttpResponse<String> in = Staff.attempt(node, null, "crew.seven", "a long crew password", null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(new JsonObject(in.body()).getJsonArray("roles").getList()).containsExactly("crew");
        assertThat(new JsonObject(in.body()).getString("unit")).isEqualTo("CMD-7");
        assertThat(run(null, "list").out).contains("crew.seven\tcrew\tunit CMD-7\tactive");
        assertThat(exists("crew.nounit")).isFalse();
        assertThat(exists("crew.ghost")).isFalse();
    }

    @Test
    void aDatabaseHeldByARunningNodeIsToldApart() {
        assertThat(DatabaseInUse.is(new RuntimeException(new SQLException("Database may be already in use", "90020",
                DatabaseInUse.H2_ALREADY_OPEN)))).isTrue();
        assertThat(DatabaseInUse.is(new RuntimeException(new SQLException("other", "42000", 42000)))).isFalse();
    }

    private static boolean exists(String username) {
        return node.database().<Boolean>withConnection(c -> new UserRepository().exists(c, username));
    }

    private record Run(int code, String out) {
    }

    /** The command as {@code ./sahaya user ...} runs it, on this test's data directory; {@code stdin} the password. */
    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = UserCommand.run(args, Map.of("SAHAYA_DATA_DIR", data.toString()),
                new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(StandardCharsets.UTF_8)), out, null);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
