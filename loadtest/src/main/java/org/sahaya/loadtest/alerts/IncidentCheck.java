package org.sahaya.loadtest.alerts;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sahaya.loadtest.run.Endpoint;

/**
 * Checks an invariant of the public contract against the node after a run: every incident the
 * node named in a 202 answer exists ({@code GET /api/v1/incidents/{id}} answers 200). Also tallies
 * where the sampled alerts ended up (alert type → incident state), to show how many emergencies
 * were dispatched and how many queued for want of a free ambulance.
 */
public final class IncidentCheck {

    /**
     * @param checked incidents asked for
     * @param found   of those, answered 200
     * @param missing incident id → what the node answered instead, for the first few misses
     * @param states  "TYPE→STATE" → how many sampled alerts
     */
    public record Result(int checked, int found, Map<String, String> missing, Map<String, Integer> states) {

        public boolean holds() {
            return checked == found;
        }
    }

    private static final int MISSES_SHOWN = 5;

    private record Answer(IncidentSample.Entry entry, int status, String state) {
    }

    private IncidentCheck() {
    }

    public static Future<Result> run(WebClient client, Endpoint node, List<IncidentSample.Entry> sample,
                                     Duration timeout) {
        List<Future<Answer>> answers = new ArrayList<>();
        for (IncidentSample.Entry entry : sample) {
            answers.add(client.get(node.port(), node.host(), "/api/v1/incidents/" + entry.incidentId())
                    .timeout(timeout.toMillis())
                    .send()
                    .map(r -> new Answer(entry, r.statusCode(),
                            r.statusCode() == 200 ? r.bodyAsJsonObject().getString("state") : null))
                    .otherwise(failure -> new Answer(entry, -1, failure.getClass().getSimpleName())));
        }
        return Future.all(answers).map(all -> tally(answers));
    }

    private static Result tally(List<Future<Answer>> answers) {
        int found = 0;
        Map<String, String> missing = new TreeMap<>();
        Map<String, Integer> states = new TreeMap<>();
        for (Future<Answer> f : answers) {
            Answer a = f.result();
            if (a.status() == 200) {
                found++;
                states.merge(a.entry().type() + "→" + a.state(), 1, Integer::sum);
            } else if (missing.size() < MISSES_SHOWN) {
                missing.put(a.entry().incidentId(), a.status() < 0 ? a.state() : "http " + a.status());
            }
        }
        return new Result(answers.size(), found, missing, states);
    }
}
