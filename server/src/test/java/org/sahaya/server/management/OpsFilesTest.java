package org.sahaya.server.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations files in the repository ({@code ops/prometheus/sahaya-rules.yml}, {@code
 * ops/grafana/sahaya-dashboard.json}) load, are complete, and read only series that a running node exposes
 * on {@code /metrics} once one demo alert has been dispatched and its family notified. ({@code .ci/run} also
 * checks the rules with promtool, where Debian's {@code prometheus} package can be installed.)
 */
class OpsFilesTest {

    static final Path RULES = Path.of("..", "ops", "prometheus", "sahaya-rules.yml");
    static final Path RULE_TESTS = Path.of("..", "ops", "prometheus", "sahaya-rules.test.yml");
    static final Path DASHBOARD = Path.of("..", "ops", "grafana", "sahaya-dashboard.json");
    static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    static final String DATASOURCE = "${DS_PROMETHEUS}";

    @TempDir
    static Path data;
    static Node node;
    static MetricsScrape metrics;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        DeviceClient device = new DeviceClient(node);
        String id = new JsonObject(device.send("demo-0001", DeviceClient.alert("ops-1", "demo-0001", "FALL").encode()).body())
                .getString("incidentId");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonObject incident = device.incident(id);
            JsonArray sent = incident.getJsonArray("notifications");
            return "DISPATCHED".equals(incident.getString("state")) && !sent.isEmpty()
                    && sent.stream().allMatch(n -> "SENT".equals(((JsonObject) n).getString("status")));
        });
        DeviceClient operator = new DeviceClient(node.managementPort());
        // The first message's service-level count follows the family's listener; wait for it, bounded.
        await().atMost(Duration.ofSeconds(10)).until(() -> new MetricsScrape(operator.get("/metrics").body())
                .sum("sahaya_sla_family_total", Map.of()) >= 1);
        metrics = new MetricsScrape(operator.get("/metrics").body());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyRuleHasAnAlertAnExpressionADurationASeverityAndWhatToDo() throws IOException {
        List<Map<String, Object>> rules = rules();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(9);
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat(alert).as("alert name").isNotBlank().matches("Sahaya[A-Z][A-Za-z]+");
            assertThat(names.add(alert)).as("alert names are unique: " + alert).isTrue();
            assertThat((String) rule.get("expr")).as(alert + " expr").isNotBlank();
            assertThat(String.valueOf(rule.get("for"))).as(alert + " for").matches(DURATION);
            Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
            assertThat(labels).as(alert + " labels").isNotNull();
            assertThat(labels.get("severity")).as(alert + " severity").isIn("critical", "warning");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertThat(annotations).as(alert + " annotations").isNotNull();
            assertThat((String) annotations.get("summary")).as(alert + " summary").isNotBlank();
            assertThat((String) annotations.get("description")).as(alert + " description says what to do")
                    .isNotBlank().containsIgnoringCase("runbook");
        }
        assertThat(names).contains("SahayaDispatchDecidedSlow", "SahayaFirstNotificationSlow", "SahayaDeviceAckSlow",
                "SahayaQueuedIncidentWaiting", "SahayaDispatchSlaBelowTarget", "SahayaFamilySlaBelowTarget",
                "SahayaProviderFailuresRising", "SahayaMemberOnMinoritySide", "SahayaDevicesSilent");
    }

    @Test
    @SuppressWarnings("unchecked")
    void promtoolsUnitTestsLoadTheRulesAndExpectEveryAlertToFire() throws IOException {
        String text = Files.readString(RULE_TESTS);
        Map<String, Object> file = new Yaml().load(text);

        assertThat((List<String>) file.get("rule_files")).containsExactly(RULES.getFileName().toString());
        assertThat((List<?>) file.get("tests")).isNotEmpty();
        for (Map<String, Object> rule : rules()) {
            assertThat(text).as("a promtool test expects " + rule.get("alert") + " to fire")
                    .contains("alertname=\"" + rule.get("alert") + "\", alertstate=\"firing\"");
        }
    }

    @Test
    void everySeriesTheRulesReadIsOnMetrics() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            missing.addAll(unknown(rule.get("alert") + "", (String) rule.get("expr")));
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void theDashboardTakesItsDataSourceAsAVariable() throws IOException {
        JsonObject dashboard = dashboard();

        assertThat(dashboard.getString("title")).isNotBlank();
        assertThat(dashboard.getJsonArray("__inputs").getJsonObject(0).getString("name")).isEqualTo("DS_PROMETHEUS");
        assertThat(dashboard.getJsonObject("templating").getJsonArray("list").stream().map(v -> (JsonObject) v)
                .anyMatch(v -> "datasource".equals(v.getString("type")) && "DS_PROMETHEUS".equals(v.getString("name"))
                        && "prometheus".equals(v.getString("query")))).isTrue();
        Set<Integer> ids = new TreeSet<>();
        for (JsonObject panel : panels(dashboard)) {
            assertThat(ids.add(panel.getInteger("id"))).as("panel ids are unique: " + panel.getInteger("id")).isTrue();
            if ("row".equals(panel.getString("type"))) {
                continue;
            }
            assertThat(panel.getString("title")).isNotBlank();
            assertThat(panel.getJsonObject("datasource").getString("uid")).as(panel.getString("title")).isEqualTo(DATASOURCE);
            assertThat(panel.getJsonArray("targets")).as(panel.getString("title")).isNotEmpty();
            for (Object t : panel.getJsonArray("targets")) {
                JsonObject target = (JsonObject) t;
                assertThat(target.getJsonObject("datasource").getString("uid")).isEqualTo(DATASOURCE);
                assertThat(target.getString("expr")).isNotBlank();
            }
        }
    }

    @Test
    void everySeriesTheDashboardReadsIsOnMetrics() throws IOException {
        List<String> missing = new ArrayList<>();
        for (JsonObject panel : panels(dashboard())) {
            JsonArray targets = panel.getJsonArray("targets", new JsonArray());
            for (Object t : targets) {
                missing.addAll(unknown(panel.getString("title"), ((JsonObject) t).getString("expr")));
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void theDashboardShowsEverySeriesAnAlertIsAbout() throws IOException {
        Set<String> shown = new TreeSet<>();
        for (JsonObject panel : panels(dashboard())) {
            for (Object t : panel.getJsonArray("targets", new JsonArray())) {
                shown.addAll(PromQlNames.metrics(((JsonObject) t).getString("expr")));
            }
        }
        Set<String> alerted = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            alerted.addAll(PromQlNames.metrics((String) rule.get("expr")));
        }

        assertThat(shown).containsAll(alerted);
    }

    @Test
    void theDemoAlertIsCountedInTheServiceLevelsAndTheProviderHandOvers() {
        assertThat(metrics.sum("sahaya_sla_dispatch_total", Map.of("outcome", "met"))).isEqualTo(1);
        assertThat(metrics.sum("sahaya_sla_family_total", Map.of("outcome", "met"))).isEqualTo(1);
        assertThat(metrics.sum("sahaya_provider_handover_seconds_count", Map.of("provider", "sandbox"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("sahaya_provider_failures_total", Map.of())).isZero();
        assertThat(metrics.sum("sahaya_cluster_minority", Map.of())).isZero();
    }

    /** The series {@code expr} reads that the node does not expose, each as a line naming {@code where}. */
    private static List<String> unknown(String where, String expr) {
        List<String> missing = new ArrayList<>();
        for (PromQlNames.Selector s : PromQlNames.selectors(expr)) {
            if (!metrics.has(s.metric())) {
                missing.add(where + ": " + s.metric() + " (" + metrics.hint(s.metric()) + ")");
            } else if (!metrics.has(s.metric(), s.equals())) {
                missing.add(where + ": " + s.metric() + s.equals() + " (no sample with these labels)");
            }
        }
        return missing;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertThat((String) group.get("name")).isNotBlank();
            List<Map<String, Object>> own = (List<Map<String, Object>>) group.get("rules");
            assertThat(own).as("rules of group " + group.get("name")).isNotEmpty();
            rules.addAll(own);
        }
        return rules;
    }

    static JsonObject dashboard() throws IOException {
        return new JsonObject(Files.readString(DASHBOARD));
    }

    /** The panels, those inside collapsed rows included. */
    static List<JsonObject> panels(JsonObject dashboard) {
        List<JsonObject> all = new ArrayList<>();
        for (Object p : dashboard.getJsonArray("panels")) {
            JsonObject panel = (JsonObject) p;
            all.add(panel);
            for (Object inner : panel.getJsonArray("panels", new JsonArray())) {
                all.add((JsonObject) inner);
            }
        }
        return all;
    }
}
