package io.demandcast.core.config;

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
 */
public record PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                            Intervals intervals, ClipNegative clipNegative, String future) {

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
    }

    /** Settings without {@code predict.future}. */
    public PredictConfig(Integer horizon, List<Double> quantiles, String output, String version,
                         Intervals intervals, ClipNegative clipNegative) {
        this(horizon, quantiles, output, version, intervals, clipNegative, null);
    }

    /** The same settings with another output. */
    public PredictConfig withOutput(String newOutput) {
        return new PredictConfig(horizon, quantiles, newOutput, version, intervals, clipNegative, future);
    }

    /** The quantile levels as an array, ascending. */
    public double[] levels() {
        return quantiles.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
