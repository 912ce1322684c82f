package io.demandcast.core.model;

import io.demandcast.core.data.Panel;
import java.util.Arrays;

/**
 * What to forecast: {@code horizon} steps past the end of each fitted series, with the given
 * quantile levels (each in (0,1)), and optionally the known-future covariates over the horizon
 * (a panel whose rows cover the forecast periods; null when the model needs none).
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
