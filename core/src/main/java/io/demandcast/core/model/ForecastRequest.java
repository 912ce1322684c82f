package io.demandcast.core.model;

import io.demandcast.core.data.Panel;
import java.util.Arrays;

/**
 * What to forecast: {@code horizon} steps past the end of each fitted series, with the given
 * quantile levels (each in (0,1)), and optionally the known-future covariates over the horizon.
 *
 * <p>{@code futureCovariates} (null when the caller has none; univariate families ignore it) has,
 * for each series to forecast, one row per forecast period (the {@code horizon} periods after the
 * series' last history period) on the same time axis as the history, with a NaN target, its
 * known numeric and categorical covariate columns and its statics. It never holds a column of
 * {@link ModelContext#pastOnly()}: those are observed only up to the cutoff, so by construction no
 * family can read one over the forecast periods. A family that needs a known covariate the panel
 * lacks throws {@link IllegalArgumentException} naming the column, series and dates.
 */
public record ForecastRequest(int horizon, double[] quantileLevels, Panel futureCovariates) {

    public ForecastRequest {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        quantileLevels = quantileLevels == null ? new double[0] : quantileLevels.clone();
        for (double q : quantileLevels) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("quantile levels must be in (0, 1) (got " + q + ")");
            }
        }
        Arrays.sort(quantileLevels);
    }

    public ForecastRequest(int horizon, double... quantileLevels) {
        this(horizon, quantileLevels, null);
    }

    @Override
    public double[] quantileLevels() {
        return quantileLevels.clone();
    }
}
