package io.demandcast.core.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy over all scored series. MAE, MSE, RMSE, MAPE, sMAPE, MASE, RMSSE, bias and R² are the
 * plain mean of the per-series values (as the M competitions average sMAPE and MASE), taken over
 * the series where the metric is defined; the series left out are counted in the {@code *Excluded}
 * fields. WAPE and relative bias are pooled over every scored period (so large series weigh more),
 * and the direction counts are pooled over every step.
 *
 * @param series          series scored
 * @param n               periods scored, all series together
 * @param mapeExcluded    series without MAPE (every actual zero)
 * @param maseExcluded    series without MASE (zero or undefined scale: constant or too short training)
 * @param rmsseExcluded   series without RMSSE (zero or undefined scale)
 * @param r2Excluded      series without R² (constant actuals)
 * @param wrmsse          WRMSSE: the mean of the level scores (M5's overall score when all 12
 *                        levels are present); NaN when no weights were given
 * @param wrmsseByLevel   WRMSSE of each level scored, in the weights' level order; empty without weights
 */
public record AggregateMetrics(int series, long n, double mae, double mse, double rmse, double mape, double smape,
                               double mase, double rmsse, double wape, double bias, double relativeBias, double r2,
                               DirectionScore direction, int mapeExcluded, int maseExcluded, int rmsseExcluded,
                               int r2Excluded, double wrmsse, Map<String, Double> wrmsseByLevel) {

    public AggregateMetrics {
        wrmsseByLevel = Collections.unmodifiableMap(new LinkedHashMap<>(wrmsseByLevel));
    }
}
