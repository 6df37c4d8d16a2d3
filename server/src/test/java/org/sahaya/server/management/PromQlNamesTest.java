package org.sahaya.server.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tokenizer that finds the series an alert rule or a dashboard panel reads. */
class PromQlNamesTest {

    @Test
    void findsTheMetricsButNotFunctionsLabelsOrDurations() {
        String expr = "histogram_quantile(0.99, sum by (instance, le) (rate(sahaya_stage_seconds_bucket{stage=\"ack\"}[5m])))"
                + " > 0.010";

        assertThat(PromQlNames.selectors(expr)).containsExactly(
                new PromQlNames.Selector("sahaya_stage_seconds_bucket", Map.of("stage", "ack")));
    }

    @Test
    void findsBareNamesAggregationsWithLabelsAfterAndSetOperators() {
        String expr = "sum(increase(a_total{outcome=\"met\"}[1h])) by (x) / sum(increase(a_total[1h])) < 0.95"
                + " and on (instance) max without (job) (b_gauge) == bool 1 or c offset 5m";

        assertThat(PromQlNames.metrics(expr)).containsExactly("a_total", "b_gauge", "c");
    }

    @Test
    void skipsGrafanaVariablesAndOnlyKeepsEqualityMatchers() {
        String expr = "sum by (channel) (rate(d_count{instance=~\"$node\", channel!=\"sms\", provider=\"twilio\"}[$__rate_interval]))";

        assertThat(PromQlNames.selectors(expr)).containsExactly(
                new PromQlNames.Selector("d_count", Map.of("provider", "twilio")));
    }

    @Test
    void refusesUnknownFunctionsAndUnbalancedBrackets() {
        assertThatThrownBy(() -> PromQlNames.selectors("rates(x[5m])")).hasMessageContaining("rates");
        assertThatThrownBy(() -> PromQlNames.selectors("sum(rate(x[5m])")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> PromQlNames.selectors("summ by (le) (x)")).hasMessageContaining("summ");
    }
}
