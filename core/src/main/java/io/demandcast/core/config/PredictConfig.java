package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Forecasting from a published model.
 *
 * @param horizon      steps to forecast (default: the test split length, else one season), at most
 *                     {@link ConfigBounds#MAX_HORIZON}
 * @param quantiles    quantile levels written next to the point forecast (default 0.1, 0.5, 0.9)
 * @param output       forecast CSV (default {@code build/forecasts/<name>.csv}; {@code -} for stdout)
 * @param version      artifact version to load (default {@code latest})
 * @param intervals    {@code model} (default: the family's own quantiles) or {@code conformal}
 *                     (quantiles from rolling-origin out-of-sample errors, calibrated by {@code train}
 *                     and by {@code evaluate} on earlier windows)
 * @param clipNegative {@code auto} (default: clip points and quantiles at 0 when the fitted target has
 *                     no negative value), {@code always} or {@code never}
 * @param future       CSV of future rows (the long format and schema of {@code data.files}; the target
 *                     column may be absent) giving known covariates over the forecast periods; null to
 *                     use the rows of the data files past each series' last target value
 * @param data         CSV of newer actuals (the long format and schema of {@code data.files}) read after
 *                     the data files, a row replacing theirs for the same series and period, prepared in
 *                     memory with the {@code prepare} section (nothing written) and used as the history
 *                     the model is brought up to; null to use the prepared dataset
 * @param maxModelAge  the oldest a model may be ({@link Durations}: {@code 7d}), measured from its
 *                     manifest's creation time; an older one is refused; null for no limit
 * @param update       {@code true} (default): when the history extends past the end of the data the model
 *                     was fitted on, bring the model up to it ({@code FittedModel.update}, parameters
 *                     fixed) and forecast from the new end; {@code false}: forecast from the model's own end
 * @param leadTime     when set (periods, {@code >= 1}), {@code predict} writes lead-time demand instead of the
 *                     per-period forecast: per series, quantiles of demand summed over the next
 *                     {@code lead_time + review_period} periods, from the model's sample paths; null for
 *                     the per-period forecast
 * @param reviewPeriod periods between reviews added to the lead time (default 0: continuous review)
 * @param samplePaths  sample paths per series for lead-time demand (default 1000)
 * @param seed         seed of the sample paths (default 42): the same seed gives the same lead-time demand
 */
public record PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                            Intervals intervals, ClipNegative clipNegative, String future, String data,
                            String maxModelAge, Boolean update,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer leadTime,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RenderedDefaults.ReviewPeriod.class)
                            Integer reviewPeriod,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RenderedDefaults.SamplePaths.class)
                            Integer samplePaths,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RenderedDefaults.Seed.class)
                            Long seed) {

    /** Defaults of the lead-time keys, left out of the rendered config (see {@link RenderedDefaults}). */
    public static final int DEFAULT_REVIEW_PERIOD = 0;
    public static final int DEFAULT_SAMPLE_PATHS = 1000;
    public static final long DEFAULT_SEED = 42L;

    /** Where forecast quantiles come from. */
    public enum Intervals { model, conformal }

    /** When forecasts are clipped at zero. */
    public enum ClipNegative { auto, always, never }

    public PredictConfig {
        if (horizon != null && horizon < 1) {
            throw new IllegalArgumentException("predict.horizon must be >= 1 (got " + horizon + ")");
        }
        ConfigBounds.requireAtMost("predict.horizon", horizon, ConfigBounds.MAX_HORIZON, "periods");
        quantiles = quantiles == null ? List.of(0.1, 0.5, 0.9) : List.copyOf(quantiles);
        for (double q : quantiles) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("predict.quantiles must lie in (0, 1) (got " + q + ")");
            }
        }
        version = version == null ? "latest" : version;
        intervals = intervals == null ? Intervals.model : intervals;
        clipNegative = clipNegative == null ? ClipNegative.auto : clipNegative;
        if (future != null && future.isBlank()) {
            throw new IllegalArgumentException("predict.future: give a path to a CSV of future rows (got '')");
        }
        if (data != null && data.isBlank()) {
            throw new IllegalArgumentException("predict.data: give a path to a CSV of newer actuals (got '')");
        }
        if (maxModelAge != null) {
            Durations.parse(maxModelAge, "predict.max_model_age");
        }
        update = update == null ? Boolean.TRUE : update;
        if (leadTime != null && leadTime < 1) {
            throw new IllegalArgumentException("predict.lead_time must be >= 1 period (got " + leadTime + ")");
        }
        ConfigBounds.requireAtMost("predict.lead_time", leadTime, ConfigBounds.MAX_HORIZON, "periods");
        reviewPeriod = reviewPeriod == null ? Integer.valueOf(DEFAULT_REVIEW_PERIOD) : reviewPeriod;
        if (reviewPeriod < 0) {
            throw new IllegalArgumentException("predict.review_period must be >= 0 periods (got " + reviewPeriod + ")");
        }
        ConfigBounds.requireAtMost("predict.review_period", reviewPeriod, ConfigBounds.MAX_HORIZON, "periods");
        samplePaths = samplePaths == null ? Integer.valueOf(DEFAULT_SAMPLE_PATHS) : samplePaths;
        if (samplePaths < 1 || samplePaths > 1_000_000) {
            throw new IllegalArgumentException("predict.sample_paths must be in [1, 1000000] (got " + samplePaths + ")");
        }
        seed = seed == null ? Long.valueOf(DEFAULT_SEED) : seed;
    }

    /** Settings without lead-time demand. */
    public PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                         Intervals intervals, ClipNegative clipNegative, String future, String data,
                         String maxModelAge, Boolean update) {
        this(horizon, quantiles, output, version, intervals, clipNegative, future, data, maxModelAge, update, null, null, null, null);
    }

    /** Settings without {@code predict.data}, {@code predict.max_model_age} and {@code predict.update}. */
    public PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                         Intervals intervals, ClipNegative clipNegative, String future) {
        this(horizon, quantiles, output, version, intervals, clipNegative, future, null, null, null);
    }

    /** Settings without {@code predict.future}. */
    public PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                         Intervals intervals, ClipNegative clipNegative) {
        this(horizon, quantiles, output, version, intervals, clipNegative, null);
    }

    /** The same settings with another output. */
    public PredictConfig withOutput(String newOutput) {
        return new PredictConfig(horizon, quantiles, newOutput, version, intervals, clipNegative, future, data, maxModelAge, update,
                leadTime, reviewPeriod, samplePaths, seed);
    }

    /** The same settings with newer actuals from {@code newData}, a maximum model age and whether to update (null keeps each). */
    public PredictConfig withFreshness(String newData, String newMaxModelAge, Boolean newUpdate) {
        return new PredictConfig(horizon, quantiles, output, version, intervals, clipNegative, future,
                newData != null ? newData : data, newMaxModelAge != null ? newMaxModelAge : maxModelAge,
                newUpdate != null ? newUpdate : update, leadTime, reviewPeriod, samplePaths, seed);
    }

    /**
     * The same settings with lead-time demand asked for (the CLI's {@code --lead-time}, {@code --review},
     * {@code --paths}, {@code --seed}); null keeps each.
     */
    public PredictConfig withLeadTime(Integer newLeadTime, Integer newReviewPeriod, Integer newSamplePaths, Long newSeed) {
        return new PredictConfig(horizon, quantiles, output, version, intervals, clipNegative, future, data, maxModelAge, update,
                newLeadTime != null ? newLeadTime : leadTime, newReviewPeriod != null ? newReviewPeriod : reviewPeriod,
                newSamplePaths != null ? newSamplePaths : samplePaths, newSeed != null ? newSeed : seed);
    }

    /** {@code max_model_age} as a duration, or null for no limit. */
    public java.time.Duration maxModelAgeDuration() {
        return maxModelAge == null ? null : Durations.parse(maxModelAge, "predict.max_model_age");
    }

    /** The quantile levels as an array, ascending. */
    public double[] levels() {
        return quantiles.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
