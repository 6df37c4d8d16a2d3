package org.sahaya.loadtest.city;

import org.sahaya.loadtest.run.RunResult;

/** What one stream of a city run measured. */
public record StreamResult(StreamPlan plan, RunResult result) {
}
