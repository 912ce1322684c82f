package io.demandcast.core.prepare;

import java.util.Arrays;

/**
 * Tukey's fences over a whole series: outliers lie below {@code Q1 − k·IQR} or above
 * {@code Q3 + k·IQR}. Quartiles interpolate linearly between order statistics (R type 7, the NumPy
 * and pandas default). The replacement value is the series median. NaN values are ignored.
 *
 * <p>Where the IQR is 0 (more than half the series zero, as in intermittent sales) the fences would
 * flag every sale, so the rule makes no decision for that series.
 */
record IqrFilter(double k) implements OutlierRule {

    IqrFilter {
        if (!(k > 0)) {
            throw new IllegalArgumentException("IQR threshold must be > 0 (got " + k + ")");
        }
    }

    @Override
    public void bands(double[] values, int from, int to, double[] lower, double[] upper, double[] centre) {
        double[] sorted = new double[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sorted[count++] = values[i];
            }
        }
        Arrays.sort(sorted, 0, count);
        double lo = Double.NaN;
        double hi = Double.NaN;
        double median = Double.NaN;
        if (count > 0) {
            double q1 = quantile(sorted, count, 0.25);
            double q3 = quantile(sorted, count, 0.75);
            median = quantile(sorted, count, 0.5);
            double iqr = q3 - q1;
            if (iqr > 0) {
                lo = q1 - k * iqr;
                hi = q3 + k * iqr;
            }
        }
        Arrays.fill(lower, from, to, lo);
        Arrays.fill(upper, from, to, hi);
        Arrays.fill(centre, from, to, median);
    }

    /** Type-7 quantile of the first {@code count} sorted values. */
    static double quantile(double[] sorted, int count, double p) {
        double h = (count - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
