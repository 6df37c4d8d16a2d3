package org.sahaya.loadtest.metrics;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.loadtest.run.Endpoint;

/** Scrapes the node's {@code GET /metrics} (on its management port) for its stage timers. */
public final class NodeMetrics {

    /** Micrometer's Prometheus name for {@link StageTimers#NAME}: dots to underscores, base unit appended. */
    static final String STAGE_METRIC = StageTimers.NAME.replace('.', '_') + "_seconds";

    private final WebClient client;
    private final Endpoint node;
    private final Duration timeout;

    /** @param node the node's management endpoint ({@code SAHAYA_MANAGEMENT_PORT}), not its public one */
    public NodeMetrics(WebClient client, Endpoint node, Duration timeout) {
        this.client = client;
        this.node = node;
        this.timeout = timeout;
    }

    /** Stage tag → its histogram, cumulative since the node started. */
    public Future<Map<String, BucketHistogram>> stages() {
        return client.get(node.port(), node.host(), "/metrics")
                .timeout(timeout.toMillis())
                .send()
                .compose(r -> r.statusCode() == 200
                        ? Future.succeededFuture(PrometheusText.histograms(r.bodyAsString(), STAGE_METRIC, "stage"))
                        : Future.failedFuture("GET /metrics answered " + r.statusCode()));
    }
}
