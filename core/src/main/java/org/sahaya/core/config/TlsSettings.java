package org.sahaya.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificate of the node's listeners (HTTP, MQTT, DC-09 over TCP). When both files are set,
 * every one of them speaks TLS 1.3 or 1.2 only; when neither is, they are plain (behind a
 * terminating proxy, or in a demo).
 *
 * @param certificate {@code SAHAYA_TLS_CERT}: PEM, the node's certificate followed by its chain; null = plain
 * @param key         {@code SAHAYA_TLS_KEY}: PEM, the private key (PKCS#8 or PKCS#1); null = plain
 */
public record TlsSettings(Path certificate, Path key) {

    /** The protocols a listener accepts, newest first. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    public static TlsSettings from(Settings s) {
        Path cert = s.get("SAHAYA_TLS_CERT").map(Path::of).orElse(null);
        Path key = s.get("SAHAYA_TLS_KEY").map(Path::of).orElse(null);
        if ((cert == null) != (key == null)) {
            throw new ConfigException(cert == null ? "SAHAYA_TLS_CERT" : "SAHAYA_TLS_KEY",
                    "must be set together with " + (cert == null ? "SAHAYA_TLS_KEY" : "SAHAYA_TLS_CERT"));
        }
        readable("SAHAYA_TLS_CERT", cert);
        readable("SAHAYA_TLS_KEY", key);
        return new TlsSettings(cert, key);
    }

    /** No certificate: plain listeners. */
    public static TlsSettings none() {
        return new TlsSettings(null, null);
    }

    public boolean enabled() {
        return certificate != null;
    }

    private static void readable(String setting, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new ConfigException(setting, "names a file that cannot be read: " + file);
        }
    }
}
