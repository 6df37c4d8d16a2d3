package org.sahaya.loadtest.city;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.OptionRules;
import org.sahaya.loadtest.run.Schedule;

/**
 * The command line of the city scenario ({@code --scenario city}). Bounded like the single-stream
 * mode: loopback only, at most {@link #MAX_RATES} alert rates, every stream within {@link Schedule}'s limits.
 *
 * @param fleetWebhooks point every fleet's webhook at a sink in this process before the run (issue 17), so that
 *                      the node's {@code job_handed} stage (dispatch decided → job handed to the fleet) is measured
 */
public record CityOptions(Endpoint node, double scale, List<Integer> alertRates, int surgeFactor, Duration surgeAfter,
                          Duration surgeSeconds, Duration warmup, Duration duration, Integer mqttPort, Integer dc09Port,
                          boolean baseline, String referenceDb, Path report, String section, Path plot, int sampleSize,
                          int maxInFlight, Duration requestTimeout, Duration settle, int devices, long seed,
                          Duration jobTime, Duration prewarm, Endpoint management, boolean fleetWebhooks) {

    public static final int MAX_RATES = 8;

    /**
     * 44 ambulances on 30 s jobs serve 44 / 30 ≈ 1.5 emergencies/s: at the default 5 alerts/s (10% FALL or SOS,
     * 0.5/s) they are a third busy, and a 50× heat wave (25 emergencies/s) overwhelms them (loadtest/README.md).
     */
    static final int DEFAULT_JOB_SECONDS = 30;

    static final String DEFAULT_REFERENCE_DB = "jdbc:postgresql://127.0.0.1:5432/test";

    public static boolean wanted(String[] args) {
        return List.of(args).contains("--scenario");
    }

    /** The generated usage text, every option with its default. */
    public static String usage() {
        return OptionRules.usage(new CityArgs());
    }

    public static CityOptions parse(String[] args) {
        return OptionRules.parse(new CityArgs(), args).options();
    }

    /** The scenario at one alert rate, for a city of {@code units} and {@code hospitals}. */
    public CityScenario scenario(int alertRate, int units, int hospitals, boolean withMqtt, boolean withDc09) {
        return new CityScenario(scale, alertRate, surgeFactor, surgeAfter, surgeSeconds, warmup, duration, units,
                hospitals, withMqtt, withDc09);
    }

    /** The node's warm-up before the first rate: the scenario at {@code alertRate} without a surge, all of it unmeasured. */
    public CityScenario prewarmScenario(int alertRate, int units, int hospitals, boolean withMqtt, boolean withDc09) {
        return new CityScenario(scale, alertRate, 1, surgeAfter, surgeSeconds, Duration.ZERO, prewarm, units, hospitals,
                withMqtt, withDc09);
    }
}
