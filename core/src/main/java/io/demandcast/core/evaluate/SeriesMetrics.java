package io.demandcast.core.evaluate;

/**
 * Accuracy of the forecast of one series over its horizon; see {@link Metrics} for each formula.
 * A metric is NaN where it is undefined for this series (MAPE with all-zero actuals, MASE/RMSSE with
 * a zero scale, R² with constant actuals, WAPE and relative bias with zero total).
 *
 * @param seriesId     the series
 * @param n            periods scored (the forecast periods with an actual)
 * @param mae          mean absolute error
 * @param mse          mean squared error
 * @param rmse         root mean squared error
 * @param mape         mean absolute percentage error, percent, zero actuals skipped
 * @param smape        symmetric MAPE (M3/M4), percent
 * @param mase         mean absolute scaled error
 * @param rmsse        root mean squared scaled error (M5)
 * @param wape         sum |error| / sum |actual|, a fraction
 * @param bias         mean(forecast - actual)
 * @param relativeBias sum(forecast - actual) / sum(actual), a fraction
 * @param r2           coefficient of determination
 * @param direction    up/not-up confusion counts of the step-to-step direction
 */
public record SeriesMetrics(String seriesId, int n, double mae, double mse, double rmse, double mape, double smape,
                            double mase, double rmsse, double wape, double bias, double relativeBias, double r2,
                            DirectionScore direction) {
}
