package org.sahaya.server.delivery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * One POST to a partner's system, blocking on the caller's virtual thread: Apache HttpClient 5's classic
 * client, as the family's providers use ({@code notify.channel.ProviderHttp}: no shared selector to queue
 * behind). Connect within {@code connect}; the whole request, answer included, within {@code request}
 * (a partner that dribbles its answer is cut off). No retries, redirects or cookies of its own: the outbox
 * decides when to try again. The answer's body is read and dropped; what a failure records is a status or
 * a short reason, never a body, a header or the URL (a URL may carry a partner's token).
 */
final class PartnerPost implements AutoCloseable {

    /** What came back: a status (null when none came) and, for a failure, why in a few words. */
    record Answer(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient client;
    private final DeliveryTimings timings;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("partner-post-deadlines").factory());

    PartnerPost(DeliveryTimings timings) {
        this.timings = timings;
        Timeout connect = Timeout.ofMilliseconds(timings.connect().toMillis());
        Timeout whole = Timeout.ofMilliseconds(timings.request().toMillis());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(1_000)
                        .setMaxConnPerRoute(100)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(whole).setTimeToLive(5, TimeUnit.MINUTES).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(whole)
                        .setResponseTimeout(whole).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    Answer post(String url, String contentType, Map<String, String> headers, String body) {
        HttpPost post;
        try {
            post = new HttpPost(url);
        } catch (IllegalArgumentException e) {
            return new Answer(null, "the URL is not valid");
        }
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            cut.set(true);
            post.cancel();
        }, timings.request().toMillis(), TimeUnit.MILLISECONDS);
        try {
            int status = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return status >= 200 && status < 300 ? new Answer(status, null) : new Answer(status, "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            return new Answer(null, cut.get() ? "no answer within " + timings.request().toMillis() + " ms" : reason(e));
        } finally {
            deadline.cancel(false);
        }
    }

    private String reason(Exception e) {
        if (e instanceof ConnectTimeoutException) {
            return "no connection within " + timings.connect().toMillis() + " ms";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection refused or unreachable";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof InterruptedIOException) {
            return "no answer within " + timings.request().toMillis() + " ms";
        }
        return "failed: " + e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        // At once: a slow partner must not hold the node's stop; the attempts cut off are not recorded.
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
