package org.sahaya.server.admin.bundle;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sahaya import FILE --node URL --token TOKEN}: sends the bundle to a running node's
 * {@code POST /api/v1/imports} as an admin, so that it is live on every member at once; prints the
 * node's report as the local import would, and writes the new devices' secrets from the answer into
 * the secrets file.
 */
final class NodeImport {

    static final String TOKEN = "SAHAYA_TOKEN";

    private final PrintStream out;

    NodeImport(PrintStream out) {
        this.out = out;
    }

    int send(ImportOptions o, Path file, Path secrets, Map<String, String> env) {
        String token = o.token != null ? o.token : env.get(TOKEN);
        if (token == null || token.isBlank()) {
            out.println("sahaya import: --node needs an admin's session token: --token TOKEN or " + TOKEN);
            return 2;
        }
        if (o.section != null) {
            out.println("sahaya import: --node takes a JSON bundle; import CSV files into a stopped node's database");
            return 2;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(o.node.replaceAll("/+$", "") + "/api/v1/imports"))
                    .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 && answer.statusCode() != 422) {
                out.println("sahaya import: the node answered " + answer.statusCode() + ": " + answer.body());
                return 1;
            }
            ImportReport report = fromJson(new JsonObject(answer.body()));
            if (report.secretCount() > 0) {
                SecretsFile.write(secrets, report.secrets());
            }
            return new ImportCommand(out, null).report(o, file, report, secrets);
        } catch (IOException | IllegalArgumentException | DecodeException e) {
            out.println("sahaya import: cannot send to " + o.node + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The report as {@link ImportReport#toJson} wrote it. */
    static ImportReport fromJson(JsonObject json) {
        List<Refusal> refusals = new ArrayList<>();
        json.getJsonArray("refusals").forEach(o -> {
            JsonObject r = (JsonObject) o;
            refusals.add(new Refusal(r.getInteger("line"), r.getString("section"), r.getInteger("index", -1),
                    r.getString("id"), r.getString("field", ""), r.getString("reason"), 422));
        });
        Map<String, ImportReport.Count> counts = new LinkedHashMap<>();
        json.getJsonObject("sections", new JsonObject()).forEach(e -> {
            JsonObject c = (JsonObject) e.getValue();
            counts.put(e.getKey(), new ImportReport.Count(c.getInteger("created"), c.getInteger("updated")));
        });
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        json.getJsonObject("secrets", new JsonObject()).forEach(e -> {
            Map<String, String> bySection = new LinkedHashMap<>();
            ((JsonObject) e.getValue()).forEach(s -> bySection.put(s.getKey(), String.valueOf(s.getValue())));
            secrets.put(e.getKey(), bySection);
        });
        List<String> unpublished = new ArrayList<>();
        json.getJsonArray("unpublished", new io.vertx.core.json.JsonArray()).forEach(s -> unpublished.add((String) s));
        return new ImportReport(refusals, counts, secrets, unpublished);
    }
}
