package io.demandcast.core.config;

import java.util.List;

/**
 * Forecasting from a published model.
 *
 * @param horizon   steps to forecast (default: the test split length, else one season)
 * @param quantiles quantile levels written next to the point forecast (default 0.1, 0.5, 0.9)
 * @param output    forecast CSV (default {@code build/forecasts/<name>.csv}; {@code -} for stdout)
 * @param version   artifact version to load (default {@code latest})
 */
public record PredictConfig(Integer horizon, List<Double> quantiles, String output, String version) {

    public PredictConfig {
        if (horizon != null && horizon < 1) {
            throw new IllegalArgumentException("predict.horizon must be >= 1 (got " + horizon + ")");
        }
        quantiles = quantiles == null ? List.of(0.1, 0.5, 0.9) : List.copyOf(quantiles);
        for (double q : quantiles) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("predict.quantiles must lie in (0, 1) (got " + q + ")");
            }
        }
        version = version == null ? "latest" : version;
    }
}
