package org.sahaya.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw configuration values by their environment names ({@code SAHAYA_HTTP_PORT}, ...). Values
 * come from an optional properties file ({@code SAHAYA_CONFIG}, same names as keys), overridden by
 * the environment, overridden by explicit values (tests, command-line flags).
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The environment, over the file named by {@code SAHAYA_CONFIG} if set, under {@code overrides}. */
    public static Settings load(Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>();
        String file = Optional.ofNullable(overrides.get("SAHAYA_CONFIG")).orElse(environment.get("SAHAYA_CONFIG"));
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file)));
        }
        environment.forEach((k, v) -> {
            if (k.startsWith("SAHAYA_")) {
                merged.put(k, v);
            }
        });
        merged.putAll(overrides);
        return new Settings(merged);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    private static Map<String, String> readFile(Path path) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("SAHAYA_CONFIG", "cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString().trim(), v.toString().trim()));
        return m;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /** Every non-blank value whose name starts with {@code prefix}, by full name (e.g. {@code SAHAYA_CITY_NAME_HI}). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && !v.isBlank()) {
                found.put(k, v);
            }
        });
        return Map.copyOf(found);
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    /** @return a whole number of at least 1 (a size or a count that cannot be zero) */
    public int getPositiveInt(String name, int fallback) {
        int v = getInt(name, fallback);
        if (v < 1) {
            throw new ConfigException(name, "must be at least 1, was " + v);
        }
        return v;
    }

    public long getLong(String name, long fallback) {
        return get(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "must be a whole number, was '" + v + "'");
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name, "must be true or false, was '" + v + "'");
        }).orElse(fallback);
    }

    /** @return a port 0..65535; 0 means any free port */
    public int getPort(String name, int fallback) {
        int port = getInt(name, fallback);
        if (port < 0 || port > 65535) {
            throw new ConfigException(name, "must be a port between 0 and 65535, was " + port);
        }
        return port;
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number, was '" + v + "'");
        }
    }
}
