package io.demandcast.core.model.stat;

import java.util.SplittableRandom;

/**
 * Sample paths of one series' fitted model: what {@link SeriesFit#simulation()} gives for the
 * methods that can simulate their own future (ETS and ARIMA from their state-space form, the naive
 * random walks, the count-aware bootstrap of the intermittent methods).
 */
public interface SeriesSimulation {

    /**
     * How the paths are drawn, written in the {@code method} column of a lead-time forecast
     * (e.g. {@code ets_simulation}, {@code willemain_bootstrap}).
     */
    String pathMethod();

    /**
     * Fills {@code paths[p][k]}, path {@code p}, step {@code k + 1} past the series' end, for every row
     * of {@code paths} (all of one length, the horizon). Draws come from {@code random} alone, so the
     * same generator state gives the same paths. Values may be non-finite when the fitted model
     * cannot follow a path (a multiplicative trend turning negative); callers drop those paths.
     *
     * @param y the cleaned series the fit was made from or last updated on (what {@link SeriesMethod#fit}
     *          got); read by the bootstraps, ignored by the models that carry their own state
     */
    void simulate(double[] y, SplittableRandom random, double[][] paths);
}
