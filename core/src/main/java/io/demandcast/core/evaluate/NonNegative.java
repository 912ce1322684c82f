package io.demandcast.core.evaluate;

import io.demandcast.core.model.Forecast;

/**
 * Forecasts of quantities that cannot be negative (units sold): additive models and conformal
 * offsets can put a point or a lower quantile below zero, which a planner would read as a
 * nonsensical negative demand. Clipping at zero never worsens the pinball loss or absolute error
 * against a non-negative actual, and keeps quantiles non-decreasing across levels.
 */
public final class NonNegative {
    private NonNegative() {
    }

    /**
     * A new forecast equal to {@code forecast} except that every point and every quantile {@code v}
     * becomes {@code max(0, v)} ({@code -0.0} becomes {@code 0.0}). Model name, axis, series ids,
     * first periods, horizon and levels are unchanged; {@code forecast} is not modified.
     */
    public static Forecast clipAtZero(Forecast forecast) {
        int n = forecast.seriesCount();
        int h = forecast.horizon();
        double[] levels = forecast.levels();
        String[] ids = new String[n];
        int[] first = new int[n];
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        for (int s = 0; s < n; s++) {
            ids[s] = forecast.seriesId(s);
            first[s] = forecast.firstPeriod(s);
            for (int k = 0; k < h; k++) {
                point[s * h + k] = Math.max(0.0, forecast.point(s, k));
                for (int l = 0; l < levels.length; l++) {
                    quantiles[l][s * h + k] = Math.max(0.0, forecast.quantile(l, s, k));
                }
            }
        }
        return new Forecast(forecast.model(), forecast.axis(), ids, first, h, point, levels, quantiles)
                .withDirectionOf(forecast);
    }

    /**
     * Whether any value is below zero; NaN values (gaps) are ignored, and {@code -0.0} is not
     * negative. Used to decide whether a target is non-negative, hence whether to clip its forecasts.
     */
    public static boolean hasNegative(double[] values) {
        for (double v : values) {
            if (v < 0) {
                return true;
            }
        }
        return false;
    }
}
