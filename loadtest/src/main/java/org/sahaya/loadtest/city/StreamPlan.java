package org.sahaya.loadtest.city;

import java.time.Duration;
import org.sahaya.loadtest.run.Schedule;

/**
 * One constant-rate, open-loop stream of the city scenario.
 *
 * @param name     how the report calls it ({@code heartbeats}, {@code alerts-http}, {@code surge-alerts-mqtt}, ...)
 * @param kind     what it sends
 * @param rate     per second, constant while it runs
 * @param startsAt when its first send is due, after the scenario's start
 * @param schedule its warm-up (unmeasured) and measured period
 */
public record StreamPlan(String name, StreamKind kind, int rate, Duration startsAt, Schedule schedule) {

    public boolean surge() {
        return name.startsWith("surge-");
    }
}
