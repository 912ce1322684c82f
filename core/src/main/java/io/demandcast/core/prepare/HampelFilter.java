package io.demandcast.core.prepare;

import java.util.Arrays;

/**
 * Hampel identifier: a point is an outlier when it lies more than {@code k · 1.4826 · MAD} from the
 * median of the centred window of {@code 2·halfWindow+1} periods around it (MAD = median absolute
 * deviation from that median; 1.4826 makes it a consistent estimate of a normal standard
 * deviation). Near the ends of a series the window is cut short rather than padded. NaN values are
 * left out of the window.
 *
 * <p>Where MAD is 0 (more than half the window equal, typically zeros of intermittent sales) the
 * band would have zero width and flag every sale; the rule then makes no decision for that point.
 */
record HampelFilter(int halfWindow, double k) implements OutlierRule {
    static final double MAD_SCALE = 1.4826;

    HampelFilter {
        if (halfWindow < 1) {
            throw new IllegalArgumentException("Hampel half-window must be >= 1 (got " + halfWindow + ")");
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("Hampel threshold must be > 0 (got " + k + ")");
        }
    }

    @Override
    public void bands(double[] values, int from, int to, double[] lower, double[] upper, double[] centre) {
        double[] window = new double[2 * halfWindow + 1];
        double[] deviations = new double[window.length];
        for (int i = from; i < to; i++) {
            int count = 0;
            for (int j = Math.max(from, i - halfWindow); j <= Math.min(to - 1, i + halfWindow); j++) {
                if (!Double.isNaN(values[j])) {
                    window[count++] = values[j];
                }
            }
            lower[i] = Double.NaN;
            upper[i] = Double.NaN;
            centre[i] = Double.NaN;
            if (count == 0) {
                continue;
            }
            double median = median(window, count);
            for (int j = 0; j < count; j++) {
                deviations[j] = Math.abs(window[j] - median);
            }
            double mad = median(deviations, count);
            centre[i] = median;
            if (mad > 0) {
                double half = k * MAD_SCALE * mad;
                lower[i] = median - half;
                upper[i] = median + half;
            }
        }
    }

    /** Median of the first {@code count} entries (reorders them). */
    static double median(double[] values, int count) {
        Arrays.sort(values, 0, count);
        int mid = count / 2;
        return count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
