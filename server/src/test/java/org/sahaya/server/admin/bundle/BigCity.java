package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic big city for measuring the import: {@code n} subscribers around Bengaluru, each with one
 * device and two contacts (a son abroad, a daughter in India), as one bundle file, every entry one the real
 * kinds take (consents given, valid E.164 numbers). Synthetic only: the names are numbered and the
 * phone numbers patterned blocks.
 */
final class BigCity {

    private static final JsonObject WRITTEN = new JsonObject().put("granted", true).put("method", "WRITTEN");

    private BigCity() {
    }

    static void write(Path file, int subscribers, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            BundleWriter w = new BundleWriter(out).start(new JsonObject().put("name", "Synthetic Bengaluru"));
            w.section("subscribers");
            for (int i = 1; i <= subscribers; i++) {
                w.entry(new JsonObject().put("id", id("S-", i)).put("name", "Synthetic Elder " + i)
                        .put("home", new JsonObject().put("lat", 12.85 + random.nextDouble() * 0.25)
                                .put("lon", 77.45 + random.nextDouble() * 0.30).put("address", i + " Synthetic Road"))
                        .put("language", random.nextBoolean() ? "kn-IN" : "en-IN")
                        .put("consents", new JsonObject().put("EMERGENCY_DISPATCH", WRITTEN).put("FAMILY_NOTIFICATION", WRITTEN)));
            }
            w.section("devices");
            for (int i = 1; i <= subscribers; i++) {
                w.entry(new JsonObject().put("id", id("W-", i)).put("subscriberId", id("S-", i)));
            }
            w.section("contacts");
            for (int i = 1; i <= subscribers; i++) {
                w.entry(contact(id("C-", i) + "-1", id("S-", i), "son", String.format("+4479001%05d", i % 100_000), 1));
                w.entry(contact(id("C-", i) + "-2", id("S-", i), "daughter", String.format("+9198000%05d", i % 100_000), 2));
            }
            w.end();
        }
    }

    private static String id(String prefix, int n) {
        return prefix + String.format("%06d", n);
    }

    private static JsonObject contact(String id, String subscriberId, String relation, String phone, int rank) {
        return new JsonObject().put("id", id).put("subscriberId", subscriberId).put("name", "Synthetic " + relation)
                .put("relation", relation).put("phone", phone).put("language", "en").put("timeZone", "Asia/Kolkata")
                .put("channels", new JsonArray().add("SMS").add("VOICE")).put("rank", rank);
    }
}
