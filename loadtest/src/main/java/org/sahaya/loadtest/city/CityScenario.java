package org.sahaya.loadtest.city;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sahaya.loadtest.run.Schedule;

/**
 * The city scenario as rates, a pure plan: heartbeats of {@code 1,000,000 × scale} registered
 * devices, each once per {@link #HEARTBEAT_INTERVAL} and spread evenly over it; every ambulance's
 * position at 1 Hz; every hospital's bed board about every {@link #BED_INTERVAL}; a background of
 * alerts split over HTTP, MQTT and DC-09; and a surge (a heat wave): {@code surgeFactor ×} the
 * alert rate for {@code surgeSeconds}, starting {@code surgeAfter} into the measured period. The
 * surge is planned as extra streams at {@code (surgeFactor - 1) ×} the rate on top of the
 * background, so every stream keeps a constant rate and its own histogram.
 *
 * @param scale        share of the 1,000,000 devices (0.01 = 10,000 devices = 33 heartbeats/s)
 * @param alertRate    background alerts per second, all protocols together
 * @param surgeFactor  alert rate during the surge as a multiple of {@code alertRate}; 1 = no surge
 * @param surgeAfter   when the surge starts, after the warm-up
 * @param surgeSeconds how long it lasts
 * @param warmup       unmeasured seconds of background traffic before the measured period
 * @param duration     measured period
 * @param units        ambulances (one position stream per unit per second)
 * @param hospitals    hospitals reporting beds
 * @param mqtt         whether MQTT alerts are sent (their share goes to HTTP otherwise)
 * @param dc09         whether DC-09 alerts are sent (likewise)
 */
public record CityScenario(double scale, int alertRate, int surgeFactor, Duration surgeAfter, Duration surgeSeconds,
                           Duration warmup, Duration duration, int units, int hospitals, boolean mqtt, boolean dc09) {

    public static final int CITY_DEVICES = 1_000_000;
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration BED_INTERVAL = Duration.ofSeconds(30);
    /** Shares of the alert rate by protocol: most wearables post over HTTPS, some hold MQTT, hubs speak DC-09. */
    static final double MQTT_SHARE = 0.3;
    static final double DC09_SHARE = 0.1;

    public CityScenario {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], was " + scale);
        }
        if (alertRate < 1 || surgeFactor < 1) {
            throw new IllegalArgumentException("alert rate and surge factor must be at least 1");
        }
        if (surgeFactor > 1 && surgeAfter.plus(surgeSeconds).compareTo(duration) > 0) {
            throw new IllegalArgumentException("the surge (" + surgeAfter.toSeconds() + " s + " + surgeSeconds.toSeconds()
                    + " s) must end within the measured " + duration.toSeconds() + " s");
        }
        if (units < 1 || hospitals < 1) {
            throw new IllegalArgumentException("the city needs at least one unit and one hospital");
        }
    }

    public long devices() {
        return Math.round(CITY_DEVICES * scale);
    }

    public int heartbeatRate() {
        return (int) Math.max(1, Math.round(devices() / (double) HEARTBEAT_INTERVAL.toSeconds()));
    }

    public int bedRate() {
        return (int) Math.max(1, Math.round(hospitals / (double) BED_INTERVAL.toSeconds()));
    }

    /** Every stream, background first, then the surge's. */
    public List<StreamPlan> streams() {
        List<StreamPlan> plans = new ArrayList<>();
        plans.add(background("heartbeats", StreamKind.HEARTBEAT, heartbeatRate()));
        plans.add(background("positions", StreamKind.POSITION, units));
        plans.add(background("beds", StreamKind.BEDS, bedRate()));
        addAlerts(plans, "alerts-", alertRate, Duration.ZERO, warmup, duration);
        if (surgeFactor > 1) {
            addAlerts(plans, "surge-alerts-", (surgeFactor - 1) * alertRate, warmup.plus(surgeAfter), Duration.ZERO,
                    surgeSeconds);
        }
        return List.copyOf(plans);
    }

    /** Alerts per second by protocol; a protocol's share never rounds a stream away unless the rate is tiny. */
    static int[] split(int rate, boolean mqtt, boolean dc09) {
        int viaMqtt = mqtt ? (int) Math.round(rate * MQTT_SHARE) : 0;
        int viaDc09 = dc09 ? (int) Math.round(rate * DC09_SHARE) : 0;
        return new int[] {rate - viaMqtt - viaDc09, viaMqtt, viaDc09};
    }

    private void addAlerts(List<StreamPlan> plans, String prefix, int rate, Duration startsAt, Duration warm,
                           Duration length) {
        int[] byProtocol = split(rate, mqtt, dc09);
        StreamKind[] kinds = {StreamKind.ALERT_HTTP, StreamKind.ALERT_MQTT, StreamKind.ALERT_DC09};
        String[] names = {"http", "mqtt", "dc09"};
        for (int i = 0; i < kinds.length; i++) {
            if (byProtocol[i] > 0) {
                plans.add(new StreamPlan(prefix + names[i], kinds[i], byProtocol[i], startsAt,
                        new Schedule(byProtocol[i], warm, length)));
            }
        }
    }

    private StreamPlan background(String name, StreamKind kind, int rate) {
        return new StreamPlan(name, kind, rate, Duration.ZERO, new Schedule(rate, warmup, duration));
    }

    /** For the report: the scenario in one sentence. */
    public String describe() {
        return String.format(Locale.ROOT, "city scenario at scale %s: heartbeats of %,d devices every %d min (%d/s), "
                        + "%d ambulance positions/s (1 Hz each), bed boards of %d hospitals (%d/s), %d alerts/s "
                        + "(HTTP %d, MQTT %d, DC-09 %d), %s; %d s warm-up (excluded), %d s measured",
                scale, devices(), HEARTBEAT_INTERVAL.toMinutes(), heartbeatRate(), units, hospitals, bedRate(),
                alertRate, split(alertRate, mqtt, dc09)[0], split(alertRate, mqtt, dc09)[1], split(alertRate, mqtt, dc09)[2],
                surgeFactor > 1 ? String.format(Locale.ROOT, "surge %d× (%d alerts/s) for %d s from second %d of the measured period",
                        surgeFactor, surgeFactor * alertRate, surgeSeconds.toSeconds(), surgeAfter.toSeconds()) : "no surge",
                warmup.toSeconds(), duration.toSeconds());
    }
}
