package org.sahaya.notify.channel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client under both provider SDKs: Apache HttpClient 5's classic (blocking) client, so
 * each virtual thread does its own socket I/O with no shared selector thread to queue behind (the
 * JDK client held requests for seconds under load, see docs/benchmarks/notification-delivery.md); a pool of
 * {@value #MAX_CONNECTIONS} keep-alive connections, enough for thousands of requests a second at a
 * few hundred milliseconds each; one timeout for connect, pool wait and answer; automatic retries,
 * redirects and cookies off, because a repeated POST can be a second SMS; no content compression
 * (small JSON answers).
 */
public final class ProviderHttp {

    public static final int MAX_CONNECTIONS = 2_000;

    private ProviderHttp() {
    }

    public static CloseableHttpClient client(Duration timeout) {
        Timeout bound = Timeout.ofMilliseconds(timeout.toMillis());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(bound).setSocketTimeout(bound)
                                .setTimeToLive(5, TimeUnit.MINUTES).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(bound).setResponseTimeout(bound).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // Provider answers are a few hundred bytes of JSON; no Accept-Encoding, no decoder per request.
                .disableContentCompression()
                .build();
    }
}
