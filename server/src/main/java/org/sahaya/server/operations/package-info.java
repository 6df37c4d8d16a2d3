/**
 * Operations: the meters the Prometheus alert rules ({@code ops/prometheus/sahaya-rules.yml}) and the
 * Grafana dashboard ({@code ops/grafana/sahaya-dashboard.json}) read beside the hot path's stage timers:
 * hand-overs and failures per provider, delivery times per channel, service-level counters, queue wait,
 * the crews' acceptance and on-scene times, the queue's oldest incident, silent devices and the cluster side.
 * Each meter is registered when the node starts, so that every name the rules use is on {@code /metrics}
 * before the first incident. See {@code docs/operations.md}.
 */
package org.sahaya.server.operations;
