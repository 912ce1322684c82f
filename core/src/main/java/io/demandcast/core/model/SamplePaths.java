package io.demandcast.core.model;

import io.demandcast.core.data.Panel;

/**
 * An optional capability of a {@link FittedModel}: simulated sample paths of each series' next
 * periods, from which lead-time demand (the sum of a path over a protection interval) is read.
 * Local statistical models simulate per series where their method can ({@code SeriesFit#simulation});
 * global ML models run their forecasting loop with bootstrapped residuals.
 */
public interface SamplePaths {

    /**
     * What one series' paths are: {@code values[p][k]}, path {@code p}, step {@code k + 1} past the
     * series' end, drawn by {@code method} (the {@code method} column of a lead-time forecast).
     * Values are not clipped; a non-finite value marks a path the model could not follow.
     */
    record Paths(String method, double[][] values) {
    }

    /** Receives one series' paths; called once per series, possibly from several threads at once. */
    interface Sink {
        /**
         * @param series index of the series in {@link FittedModel#seriesIds()} order
         * @param paths  its paths, or null when this series' fit cannot simulate (a family or a
         *               fallback without a simulation): the caller uses another estimator for it
         */
        void accept(int series, Paths paths);
    }

    /**
     * Simulates {@code paths} paths of {@code request.horizon()} periods past the end of every series
     * of this model. Reproducible: the same seed gives the same paths for a series whatever other
     * series the model holds and however the work is spread over threads (each series draws from a
     * generator seeded by {@code seed} and its id). This model is unchanged.
     *
     * @param history the panel this model was fitted on or last updated to (the bootstraps resample
     *                its target); series absent from it simulate from their fitted state alone
     * @throws IllegalArgumentException as {@link FittedModel#forecast} when the request lacks covariates,
     *                                  or when {@code paths < 1}
     */
    void samplePaths(ForecastRequest request, Panel history, int paths, long seed, Sink sink);

    /**
     * The generator seed of one series: {@code seed} mixed with a 64-bit FNV-1a hash of its id, so
     * series draw independently and a series' draws do not depend on its position.
     */
    static long seriesSeed(long seed, String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return seed * 0x9E3779B97F4A7C15L ^ h;
    }
}
