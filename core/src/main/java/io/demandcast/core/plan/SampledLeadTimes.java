package io.demandcast.core.plan;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.FittedModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * Lead-time demand from the fitted model's sample paths ({@link LeadTimeForecasts}), for every
 * interval length an inventory file needs (each row needs L and L + R). Each length is its own
 * simulation with the same seed: the demand over 7 periods is not the first 7 periods of the paths
 * drawn for 14, so a row's D_L and D_{L+R} are each exact for their length, and the same inventory
 * file with the same seed gives the same plan.
 */
public final class SampledLeadTimes implements LeadTimeSource {
    /** The summary's name of this estimator; the rows name each series' own method. */
    public static final String METHOD = "sample_paths";

    /** The covariates a model needs over an interval: the caller's, built for that length. */
    @FunctionalInterface
    public interface Covariates {
        /** Known covariates over the next {@code periods} periods, null when the model reads none. */
        Panel over(int periods) throws IOException;
    }

    private final Map<Integer, Map<String, LeadTimeForecast>> byLength;

    private SampledLeadTimes(Map<Integer, Map<String, LeadTimeForecast>> byLength) {
        this.byLength = byLength;
    }

    /**
     * Simulates every series of {@code model} once per length in {@code lengths}, with the same
     * {@code paths} and {@code seed} for each. A series whose fit cannot simulate gets the
     * {@link BacktestBootstrap} of {@code calibration}'s cumulative errors where it has them, else
     * {@link QuantileLeadTimes}' normal approximation (its {@code method} says so).
     *
     * @param history    the panel the model stands at, null when unknown
     * @param clipAtZero clip every simulated period at 0 before summing (as the model's forecasts are)
     * @param calibration the model's {@code calibration.json}, null when none
     * @param progress   one task per length, stepped once per series
     * @throws IllegalArgumentException as {@link LeadTimeForecasts#estimate} and {@link LeadTimeRequest}
     *                                  (too many paths for a length, a covariate missing over it)
     */
    public static SampledLeadTimes estimate(FittedModel model, Panel history, Covariates future, SortedSet<Integer> lengths,
                                            int paths, long seed, boolean clipAtZero, ForecastCalibration calibration,
                                            Progress progress) throws IOException {
        Map<Integer, Map<String, LeadTimeForecast>> byLength = new HashMap<>();
        for (int n : lengths) {
            LeadTimeRequest request = new LeadTimeRequest(n, 0, paths, seed, clipAtZero);
            Map<String, LeadTimeForecast> rows = new HashMap<>();
            try (Progress.Task task = progress.task("lead-time demand " + model.family() + " over " + n + " periods",
                    model.seriesIds().size())) {
                for (LeadTimeForecast f : LeadTimeForecasts.estimate(model, history, future.over(n), request, calibration, task)) {
                    rows.put(f.seriesId(), f);
                }
            }
            byLength.put(n, rows);
        }
        return new SampledLeadTimes(byLength);
    }

    @Override
    public String method() {
        return METHOD;
    }

    /**
     * The method of the series' longest simulated interval (a series falls back to the normal
     * approximation for all lengths or none, unless every path of one length is non-finite).
     */
    @Override
    public String method(String seriesId) {
        int longest = byLength.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        return forecast(seriesId, longest).method();
    }

    /** @throws IllegalArgumentException for a series the model lacks or a length not simulated */
    @Override
    public LeadTimeDemand demand(String seriesId, int periods) {
        return forecast(seriesId, periods).demand();
    }

    private LeadTimeForecast forecast(String seriesId, int periods) {
        Map<String, LeadTimeForecast> rows = byLength.get(periods);
        if (rows == null) {
            throw new IllegalArgumentException("lead-time demand over " + periods + " periods was not simulated (lengths "
                    + new java.util.TreeSet<>(byLength.keySet()) + ")");
        }
        LeadTimeForecast f = rows.get(seriesId);
        if (f == null) {
            throw new IllegalArgumentException("series '" + seriesId + "' is not in the model");
        }
        return f;
    }
}
