package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.json.Json;

/** The demo city as a city bundle: valid JSON in the bundle's format, one entry per line, every record in it. */
class DemoBundleTest {

    @Test
    void theDefaultDemoCityIsAValidBundleWithEveryRecord() throws Exception {
        DemoCityData city = DemoCity.generate(DemoCity.DEFAULT_SEED);
        StringWriter out = new StringWriter();

        DemoBundle.write(city, out);

        JsonNode bundle = Json.mapper().readTree(out.toString());
        assertThat(bundle.get("format").asText()).isEqualTo("sahaya-city/1");
        assertThat(bundle.get("fleets")).hasSize(DemoPartners.FLEETS.size());
        assertThat(bundle.get("hospitals")).hasSize(city.hospitals().size());
        assertThat(bundle.get("units")).hasSize(city.units().size());
        assertThat(bundle.get("subscribers")).hasSize(city.subscribers().size());
        assertThat(bundle.get("devices")).hasSize(city.devices().size());
        assertThat(bundle.get("contacts")).hasSize(city.contacts().size());
        assertThat(bundle.get("dc09Accounts")).hasSize(DemoHubAccounts.rows().size());
        JsonNode first = bundle.get("subscribers").get(0);
        assertThat(first.get("id").asText()).isEqualTo(city.subscribers().getFirst().id());
        assertThat(first.get("home").get("lat").asDouble()).isEqualTo(city.subscribers().getFirst().home().lat());
        assertThat(bundle.get("devices").get(0).get("secret").asText()).isEqualTo("demo-secret-0001");
        assertThat(bundle.get("units").get(0).get("fleet").asText()).isEqualTo("FLEET-1");
        // one entry per line, so that a report's line is the entry's
        List<String> lines = out.toString().lines().filter(l -> l.startsWith("    {")).toList();
        assertThat(lines).hasSize(DemoPartners.FLEETS.size() + city.hospitals().size() + city.units().size()
                + city.subscribers().size() + city.devices().size() + city.contacts().size() + DemoHubAccounts.rows().size());
        for (String line : lines) {
            Json.mapper().readTree(line.strip().replaceAll(",$", ""));
        }
    }

    @Test
    void theSameSeedGivesTheSameBundle() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        DemoBundle.write(DemoCity.generate(DemoCity.DEFAULT_SEED), a);
        DemoBundle.write(DemoCity.generate(DemoCity.DEFAULT_SEED), b);
        assertThat(a.toString()).isEqualTo(b.toString());
    }
}
