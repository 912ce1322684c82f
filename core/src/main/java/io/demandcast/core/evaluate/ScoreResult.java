package io.demandcast.core.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scoring one forecast: per-series metrics in forecast order and their aggregate.
 *
 * @param model     name of the model that made the forecast
 * @param horizon   forecast horizon (steps per series)
 * @param options   the scaling and weighting used
 * @param perSeries one entry per forecast series, in forecast order
 * @param aggregate metrics over all series
 */
public record ScoreResult(String model, int horizon, ScoreOptions options, List<SeriesMetrics> perSeries,
                          AggregateMetrics aggregate) {

    public ScoreResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        perSeries = List.copyOf(perSeries);
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
