package io.demandcast.core.evaluate;

/**
 * Point-forecast accuracy metrics of one series over a horizon, as pure functions of two aligned
 * arrays: {@code actual[i]} is the observed value and {@code forecast[i]} the forecast of the same
 * period. Every function:
 * <ul>
 *   <li>skips pairs whose actual is NaN (a missing observation), so the mean runs over the
 *       {@code n} periods that have an actual;</li>
 *   <li>returns NaN when no pair is left, or when the metric is undefined for the data (each
 *       method says when);</li>
 *   <li>throws {@link IllegalArgumentException} when the arrays differ in length or a forecast
 *       paired with an actual is not finite (forecasts are never missing: see
 *       {@link io.demandcast.core.model.Forecast}).</li>
 * </ul>
 * Percentages (MAPE, sMAPE) are in percent (0-100+); WAPE and relative bias are fractions.
 * Names follow R's {@code forecast::accuracy()} and the M3/M4/M5 competitions.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Mean absolute error: {@code mean(|y - f|)}. */
    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                sum += Math.abs(actual[i] - forecast[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean squared error: {@code mean((y - f)^2)}. */
    public static double mse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                double e = actual[i] - forecast[i];
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Root mean squared error: {@code sqrt(mean((y - f)^2))}. */
    public static double rmse(double[] actual, double[] forecast) {
        return Math.sqrt(mse(actual, forecast));
    }

    /**
     * Mean absolute percentage error in percent: {@code mean(100 |y - f| / |y|)} over the periods
     * with {@code y != 0}; periods with a zero actual are skipped because the ratio is undefined
     * there. NaN when every actual is zero (the caller counts such series instead of averaging them).
     */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && actual[i] != 0) {
                sum += 100 * Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Symmetric MAPE in percent, the M3/M4 definition: {@code mean(200 |y - f| / (|y| + |f|))}; a
     * period with {@code y = f = 0} contributes 0 (a perfect forecast), not NaN.
     */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
                sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Mean absolute scaled error: {@code mean(|y - f|) / scale}, the scale from
     * {@link Scales#mase(double[], int)}. NaN when the scale is zero or NaN (a constant or too short
     * training series), since dividing by it would be meaningless.
     */
    public static double mase(double[] actual, double[] forecast, double scale) {
        double mae = mae(actual, forecast);
        return isUsableScale(scale) ? mae / scale : Double.NaN;
    }

    /**
     * Root mean squared scaled error: {@code sqrt(mean((y - f)^2)) / scale}, the scale from
     * {@link Scales#rmsse(double[], int, ScaleStart)} (the root of the mean squared lagged
     * difference, so this equals M5's {@code sqrt(mean((y-f)^2) / mean((x_t - x_{t-m})^2))}). NaN
     * when the scale is zero or NaN.
     */
    public static double rmsse(double[] actual, double[] forecast, double scale) {
        double rmse = rmse(actual, forecast);
        return isUsableScale(scale) ? rmse / scale : Double.NaN;
    }

    /**
     * Weighted absolute percentage error as a fraction: {@code sum|y - f| / sum|y|}. NaN when every
     * actual is zero.
     */
    public static double wape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double error = 0;
        double level = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                error += Math.abs(actual[i] - forecast[i]);
                level += Math.abs(actual[i]);
            }
        }
        return level == 0 ? Double.NaN : error / level;
    }

    /** Bias (mean error) as forecast minus actual: {@code mean(f - y)}; positive means over-forecasting. */
    public static double bias(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                sum += forecast[i] - actual[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Relative bias as a fraction: {@code sum(f - y) / sum(y)}; 0.1 means 10% over-forecast in
     * total. NaN when the actuals sum to zero.
     */
    public static double relativeBias(double[] actual, double[] forecast) {
        check(actual, forecast);
        double error = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                error += forecast[i] - actual[i];
                total += actual[i];
            }
        }
        return total == 0 ? Double.NaN : error / total;
    }

    /**
     * Coefficient of determination: {@code 1 - sum((y - f)^2) / sum((y - mean(y))^2)}. Can be
     * negative (worse than the mean of the actuals); NaN when the actuals are constant (no variance
     * to explain).
     */
    public static double r2(double[] actual, double[] forecast) {
        check(actual, forecast);
        double mean = 0;
        int n = 0;
        for (double y : actual) {
            if (!Double.isNaN(y)) {
                mean += y;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        mean /= n;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                double e = actual[i] - forecast[i];
                double d = actual[i] - mean;
                residual += e * e;
                total += d * d;
            }
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    /** Number of pairs the metrics average over: the periods whose actual is not NaN. */
    public static int count(double[] actual) {
        int n = 0;
        for (double y : actual) {
            if (!Double.isNaN(y)) {
                n++;
            }
        }
        return n;
    }

    static boolean isUsableScale(double scale) {
        return Double.isFinite(scale) && scale > 0;
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values, forecast " + forecast.length);
        }
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isFinite(forecast[i])) {
                throw new IllegalArgumentException("forecast at index " + i + " is " + forecast[i] + ", expected a finite value");
            }
        }
    }
}
