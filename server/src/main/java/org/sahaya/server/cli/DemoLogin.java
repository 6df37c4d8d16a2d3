package org.sahaya.server.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.totp.Totp;

/**
 * Logs in to a demo node as its demo coordinator (or another demo person), the way a person would (password and the code
 * an authenticator app shows for the demo's published TOTP secret), so that {@code ./sahaya alert
 * --follow} can read the incident it raised. A node without the demo refuses these credentials.
 */
public final class DemoLogin {

    static final String USER = "demo-coordinator";
    private static final String PASSWORD = "demo-password";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private DemoLogin() {
    }

    /**
     * The session token, or null when the node refused. A code is accepted once: if this step's code
     * was already used (another follow a moment ago), it waits for the next step and tries once more.
     */
    static String token(HttpClient client, String baseUrl) throws IOException, InterruptedException {
        return token(client, baseUrl, USER);
    }

    /** As {@link #token(HttpClient, String)}, as any demo person ({@code demo-admin}, {@code demo-auditor}, ...). */
    static String token(HttpClient client, String baseUrl, String user) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", user)
                            .put("password", PASSWORD).put("totp", Totp.code(TOTP_SECRET, Totp.step(Instant.now()))).encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return new JsonObject(r.body()).getString("token");
            }
            if (r.statusCode() != 401 || attempt > 0) {
                return null;
            }
            long intoStep = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
            TimeUnit.SECONDS.sleep(Totp.STEP_SECONDS - intoStep + 1);
        }
        return null;
    }

    /**
     * {@code ./sahaya login [USER] [--url URL]}: prints a demo person's session token, for curl's
     * {@code Authorization: Bearer}. Exit 0, or 1 when the node refused (not a demo node).
     */
    public static int run(String[] args, java.util.Map<String, String> env, java.io.PrintStream out)
            throws IOException, InterruptedException {
        String user = USER;
        String url = "http://127.0.0.1:" + env.getOrDefault("SAHAYA_HTTP_PORT", "8080");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i].replaceAll("/+$", "");
            } else if (args[i].startsWith("demo-")) {
                user = args[i];
            } else {
                out.println("usage: sahaya login [demo-admin|demo-supervisor|demo-coordinator|demo-auditor] [--url URL]");
                return 2;
            }
        }
        String token = token(HttpClient.newHttpClient(), url, user);
        if (token == null) {
            System.err.println("sahaya: " + url + " refused the login of " + user + " (only a demo node has the demo people)");
            return 1;
        }
        out.println(token);
        return 0;
    }
}
