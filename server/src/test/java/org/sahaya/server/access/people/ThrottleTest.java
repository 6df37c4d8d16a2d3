package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.server.access.people.SessionApiTest.code;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * Failed logins are throttled per account and per address (five, then one a minute): a blocked
 * account or address gets 429 with Retry-After, even with the right password and code, which are
 * not looked at. Requests come from different loopback addresses (127.0.0.x) to tell the two apart.
 */
class ThrottleTest {

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anAccountFailingFiveTimesFromAnywhereIsHeldBackEvenWithTheRightPassword() {
        for (int i = 2; i <= 6; i++) {
            assertThat(Staff.attempt(node, address(i), "demo-auditor", "guess-" + i, null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = Staff.attempt(node, address(7), "demo-auditor", DemoUsers.PASSWORD,
                code(DemoUsers.TOTP_SECRET));
        HttpResponse<String> otherAccount = Staff.attempt(node, address(7), "someone.else", "guess", null);

        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(right.body()).getString("type")).isEqualTo("urn:sahaya:problem:too-many-failures");
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(otherAccount.statusCode()).as("the address is not blocked").isEqualTo(401);
    }

    @Test
    void anAddressFailingFiveTimesOnAnyAccountsIsHeldBack() {
        for (int i = 1; i <= 5; i++) {
            assertThat(Staff.attempt(node, address(20), "nobody." + i, "guess", null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = Staff.attempt(node, address(20), "demo-admin", DemoUsers.PASSWORD,
                code(DemoUsers.TOTP_SECRET));
        HttpResponse<String> elsewhere = Staff.attempt(node, address(21), "demo-admin", DemoUsers.PASSWORD,
                code(DemoUsers.TOTP_SECRET));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(elsewhere.statusCode()).as("the code was not used up by the throttled attempt").isEqualTo(200);
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
