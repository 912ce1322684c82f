package io.demandcast.core.monitor;

/**
 * The drift metrics of {@code monitor}, over pairs of a logged forecast and the actual that arrived
 * for its target date. Every sum skips pairs whose inputs are not finite.
 *
 * <ul>
 *   <li>scaled error: {@code |y − f| / scale}, the scale being the series' MASE scale (mean absolute
 *       seasonal difference of its history up to the forecast origin), as the backtest scales it;</li>
 *   <li>error ratio: {@code Σ |y − f| / scale  /  Σ ref(step)}: the rolling scaled error against the
 *       backtest's mean scaled error at the same forecast steps (1 = as good as in the backtest);</li>
 *   <li>bias: {@code Σ (f − y) / Σ |y|}, pooled (positive: over-forecast);</li>
 *   <li>coverage: share of pairs with {@code lower ≤ y ≤ upper}, against the nominal level;</li>
 *   <li>instability: mean {@code |f_k − f_(k−1)| / scale} over consecutive runs' forecasts of the
 *       same series and target date.</li>
 * </ul>
 */
public final class MonitorMetrics {
    private MonitorMetrics() {
    }

    /** Mean of {@code |y − f| / scale}; NaN without a usable pair. */
    public static double meanScaledError(double[] y, double[] f, double[] scale) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.abs(y[i] - f[i]) / scale[i];
            if (Double.isFinite(e)) {
                sum += e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {@code Σ |y − f| / scale / Σ reference} over pairs where both are finite; NaN without one. */
    public static double errorRatio(double[] y, double[] f, double[] scale, double[] reference) {
        double errors = 0;
        double references = 0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.abs(y[i] - f[i]) / scale[i];
            if (Double.isFinite(e) && Double.isFinite(reference[i])) {
                errors += e;
                references += reference[i];
            }
        }
        return references > 0 ? errors / references : Double.NaN;
    }

    /** {@code Σ (f − y) / Σ |y|}; NaN when every actual is zero or none is usable. */
    public static double bias(double[] y, double[] f) {
        double signed = 0;
        double level = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(f[i])) {
                signed += f[i] - y[i];
                level += Math.abs(y[i]);
            }
        }
        return level > 0 ? signed / level : Double.NaN;
    }

    /** Share of pairs with {@code lower ≤ y ≤ upper}; NaN without a usable pair. */
    public static double coverage(double[] y, double[] lower, double[] upper) {
        int inside = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                n++;
                if (y[i] >= lower[i] && y[i] <= upper[i]) {
                    inside++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) inside / n;
    }

    /**
     * Mean {@code |f_k − f_(k−1)| / scale} over the consecutive forecasts of one target date.
     *
     * @param forecasts the forecasts of one series and target date, oldest run first
     * @return the sum of the scaled changes (element 0) and their count (element 1), to pool over
     *         target dates
     */
    public static double[] changes(double[] forecasts, double scale) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k < forecasts.length; k++) {
            double c = Math.abs(forecasts[k] - forecasts[k - 1]) / scale;
            if (Double.isFinite(c)) {
                sum += c;
                n++;
            }
        }
        return new double[] {sum, n};
    }
}
