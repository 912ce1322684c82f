package io.demandcast.core.model.stat;

/**
 * Forecast of one series: {@code point[step]} and {@code quantiles[level][step]} for the levels asked.
 */
public record SeriesForecast(double[] point, double[][] quantiles) {
}
