package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One series' fitted model. Immutable; forecasts start the period after the series' last value.
 */
public interface SeriesFit {

    /**
     * Forecasts {@code horizon} steps with the given quantile levels (ascending, in (0,1)).
     * Implementations return finite values only.
     */
    SeriesForecast forecast(int horizon, double[] levels);

    /** The fitted parameters and final state as plain JSON, read back by {@link SeriesMethod#load}. */
    ObjectNode state();

    /**
     * This fit's sample-path simulation, or null when its method cannot simulate its own future (the
     * default); lead-time demand then falls back to another estimator.
     */
    default SeriesSimulation simulation() {
        return null;
    }
}
