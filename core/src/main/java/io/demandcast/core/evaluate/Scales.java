package io.demandcast.core.evaluate;

/**
 * Denominators of the scaled metrics (MASE, RMSSE), computed from the in-sample (training) series
 * so that errors are compared with those of an in-sample naive forecast. Both return a value in
 * the units of the series. A difference is skipped when either of its two values is NaN (a gap).
 * Both return NaN when no difference is available (series shorter than the lag plus one), and 0
 * for a constant series; {@link Metrics#mase} and {@link Metrics#rmsse} turn either into NaN.
 */
public final class Scales {
    private Scales() {
    }

    /**
     * MASE scale (Hyndman &amp; Koehler 2006, as used for M3/M4): {@code mean(|x_t - x_{t-m}|)} over
     * the whole training series, {@code m} the season length (1 for non-seasonal data).
     *
     * @throws IllegalArgumentException when {@code m < 1}
     */
    public static double mase(double[] training, int m) {
        requireLag(m);
        double sum = 0;
        int n = 0;
        for (int t = m; t < training.length; t++) {
            double d = training[t] - training[t - m];
            if (!Double.isNaN(d)) {
                sum += Math.abs(d);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * RMSSE scale: {@code sqrt(mean((x_t - x_{t-lag})^2))} over the training series from
     * {@code start}. M5 uses {@code lag = 1} and {@link ScaleStart#FIRST_NON_ZERO}. A series with no
     * non-zero value has no scale under {@code FIRST_NON_ZERO} (NaN).
     *
     * @throws IllegalArgumentException when {@code lag < 1}
     */
    public static double rmsse(double[] training, int lag, ScaleStart start) {
        requireLag(lag);
        int from = 0;
        if (start == ScaleStart.FIRST_NON_ZERO) {
            while (from < training.length && (training[from] == 0 || Double.isNaN(training[from]))) {
                from++;
            }
        }
        double sum = 0;
        int n = 0;
        for (int t = from + lag; t < training.length; t++) {
            double d = training[t] - training[t - lag];
            if (!Double.isNaN(d)) {
                sum += d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    private static void requireLag(int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("scaling lag (season length) must be >= 1 (got " + lag + ")");
        }
    }
}
