package org.sahaya.server.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.config.TlsSettings;

/**
 * The one way a listener takes the node's certificate ({@code SAHAYA_TLS_CERT}, {@code SAHAYA_TLS_KEY}):
 * the Vert.x listeners (HTTP, MQTT, management) through their options, the Netty DC-09 receiver
 * through an {@link SslContext} built from the same PEM files by the same loader. TLS 1.3 and 1.2 only.
 */
public final class ListenerTls {

    private final TlsSettings settings;

    public ListenerTls(TlsSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** {@code options} speaking TLS with the node's certificate, or as they were when none is set. */
    public <T extends NetServerOptions> T apply(T options) {
        if (settings.enabled()) {
            options.setSsl(true);
            options.setKeyCertOptions(pem());
            options.setEnabledSecureTransportProtocols(Set.of(TlsSettings.PROTOCOLS));
        }
        return options;
    }

    /** The DC-09 receiver's TLS, when a certificate is set. Reads the files: call at start, not on an event loop. */
    public Optional<SslContext> netty(Vertx vertx) throws Exception {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(SslContextBuilder.forServer(pem().getKeyManagerFactory(vertx))
                .sslProvider(SslProvider.JDK)
                .protocols(TlsSettings.PROTOCOLS)
                .clientAuth(ClientAuth.NONE)
                .build());
    }

    private PemKeyCertOptions pem() {
        return new PemKeyCertOptions()
                .setCertPath(settings.certificate().toString())
                .setKeyPath(settings.key().toString());
    }
}
