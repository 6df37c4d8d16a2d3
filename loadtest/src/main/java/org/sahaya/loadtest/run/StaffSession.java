package org.sahaya.loadtest.run;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import java.time.Duration;
import java.time.Instant;
import org.sahaya.core.totp.Totp;

/**
 * The load tool reads incidents, units and hospitals as a person would: it logs in to the demo node
 * as its demo supervisor (password and the TOTP code of the demo's published secret) and reads
 * through a client that sends the session on every request. Partners' writes keep their own client
 * and their fleet's or hospital's key: a request carrying both would be the supervisor's.
 */
public final class StaffSession {

    static final String USER = "demo-supervisor";
    private static final String PASSWORD = "demo-password";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private StaffSession() {
    }

    /** A client over {@code client} whose every request carries the demo supervisor's session. */
    public static Future<WebClient> reader(WebClient client, Endpoint node, Duration timeout) {
        return as(USER, client, node, timeout);
    }

    /** The same as the demo admin: for setting up a run (the fleets' webhooks), never for the measured traffic. */
    public static Future<WebClient> admin(WebClient client, Endpoint node, Duration timeout) {
        return as("demo-admin", client, node, timeout);
    }

    private static Future<WebClient> as(String user, WebClient client, Endpoint node, Duration timeout) {
        JsonObject login = new JsonObject().put("username", user).put("password", PASSWORD)
                .put("totp", Totp.code(TOTP_SECRET, Totp.step(Instant.now())));
        return client.post(node.port(), node.host(), "/api/v1/session").timeout(timeout.toMillis())
                .sendJsonObject(login).compose(r -> {
                    if (r.statusCode() != 200) {
                        return Future.failedFuture("logging in as " + user + " answered " + r.statusCode()
                                + " (only a demo node has the demo people; the code of this 30-s step may be used)");
                    }
                    WebClientSession session = WebClientSession.create(client);
                    session.addHeader("Authorization", "Bearer " + r.bodyAsJsonObject().getString("token"));
                    return Future.succeededFuture(session);
                });
    }
}
