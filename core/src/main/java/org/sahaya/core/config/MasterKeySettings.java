package org.sahaya.core.config;

import java.nio.file.Path;

/**
 * Where the master key comes from ({@code org.sahaya.core.secret.MasterKey} reads it at start).
 *
 * @param key  {@code SAHAYA_MASTER_KEY}: 32 bytes in base64 ({@code openssl rand -base64 32}); never logged
 * @param file {@code SAHAYA_MASTER_KEY_FILE}: a file holding that base64 text (a mounted secret)
 */
public record MasterKeySettings(String key, Path file) {

    public static final String KEY = "SAHAYA_MASTER_KEY";
    public static final String FILE = "SAHAYA_MASTER_KEY_FILE";

    public MasterKeySettings {
        if (key != null && file != null) {
            throw new ConfigException(KEY, "and " + FILE + " are both set: set only one");
        }
    }

    public static MasterKeySettings from(Settings s) {
        return new MasterKeySettings(s.get(KEY).filter(v -> !v.isBlank()).orElse(null),
                s.get(FILE).filter(v -> !v.isBlank()).map(Path::of).orElse(null));
    }

    /** Hides the key from any accidental log line. */
    @Override
    public String toString() {
        return "MasterKeySettings[" + (key != null ? KEY : file != null ? FILE + "=" + file : "none") + "]";
    }
}
