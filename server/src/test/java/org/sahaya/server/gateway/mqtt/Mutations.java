package org.sahaya.server.gateway.mqtt;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of well-formed input: bit flips, truncation, insertion, garbage, broken lengths and fields. */
final class Mutations {

    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e999", "-0", "\\u0000",
            "\\", "[[[[[[[[", "{\"a\":", "\u00e9", "\ud83d\ude91"};

    private final Random random;

    Mutations(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A mutated copy of a frame or payload. */
    byte[] bytes(byte[] original) {
        byte[] b = original.clone();
        switch (random.nextInt(8)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n && b.length > 0; i++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            case 3 -> {
                int at = random.nextInt(b.length + 1);
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 4 -> {
                for (int i = 1; i < Math.min(b.length, 5); i++) {
                    b[i] = (byte) random.nextInt(256);
                }
            }
            case 5 -> {
                b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
            }
            case 6 -> {
                if (b.length > 1) {
                    int from = random.nextInt(b.length);
                    int to = from + random.nextInt(b.length - from);
                    byte[] chunk = Arrays.copyOfRange(b, from, to);
                    byte[] out = Arrays.copyOf(b, b.length + chunk.length);
                    System.arraycopy(chunk, 0, out, b.length, chunk.length);
                    b = out;
                }
            }
            default -> {
                if (b.length > 0) {
                    b[0] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    /** A mutated alert JSON: sometimes structurally (a field removed, retyped, out of range), sometimes as text. */
    byte[] alert(JsonObject valid) {
        if (random.nextInt(3) == 0) {
            return bytes(valid.encode().getBytes(StandardCharsets.UTF_8));
        }
        JsonObject a = valid.copy();
        String[] fields = {"alertId", "deviceId", "type", "occurredAt", "location", "vitals"};
        String field = fields[random.nextInt(fields.length)];
        switch (random.nextInt(7)) {
            case 0 -> a.remove(field);
            case 1 -> a.put(field, random.nextInt());
            case 2 -> a.put(field, TOKENS[random.nextInt(TOKENS.length)]);
            case 3 -> a.put("location", new JsonObject().put("lat", random.nextGaussian() * 200).put("lon", random.nextGaussian() * 400));
            case 4 -> a.put("type", "fall");
            case 5 -> a.put("vitals", new JsonObject().put("hr", random.nextInt(300)).put("nested", new JsonObject().put("x", "y")));
            default -> {
                String text = a.encode();
                int at = random.nextInt(text.length());
                return (text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        return a.encode().getBytes(StandardCharsets.UTF_8);
    }
}
