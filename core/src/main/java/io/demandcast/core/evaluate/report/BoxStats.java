package io.demandcast.core.evaluate.report;

import java.util.Arrays;

/**
 * The numbers a box plot draws for one model's errors: quartiles (linear interpolation between order
 * statistics, R's type 7), whiskers at the furthest values within 1.5 interquartile ranges of the
 * box, the values beyond them, and the mean.
 */
record BoxStats(double lowerWhisker, double q1, double median, double q3, double upperWhisker, double mean,
                double[] outliers) {

    /** @throws IllegalArgumentException when {@code values} has no finite value */
    static BoxStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("a box plot needs at least one finite value");
        }
        double q1 = quantile(v, 0.25);
        double median = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double reach = 1.5 * (q3 - q1);
        double low = q1;
        double high = q3;
        for (double x : v) {
            if (x >= q1 - reach) {
                low = Math.min(low, x);
            }
            if (x <= q3 + reach) {
                high = Math.max(high, x);
            }
        }
        double lowWhisker = low;
        double highWhisker = high;
        double[] outliers = Arrays.stream(v).filter(x -> x < lowWhisker || x > highWhisker).toArray();
        return new BoxStats(low, q1, median, q3, high, Arrays.stream(v).average().orElseThrow(), outliers);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
