package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.Fill;

/**
 * Fills the empty (NaN) cells of one series segment in place by a {@link Fill} rule.
 *
 * <ul>
 *   <li>{@code zero}: 0.</li>
 *   <li>{@code ffill}: the last observed value before the cell; cells before the first observed
 *       value stay NaN, because nothing before them says what they were.</li>
 *   <li>{@code missing}: left NaN.</li>
 *   <li>{@code mean}: the mean of the segment's observed values.</li>
 *   <li>{@code linear}: straight line between the nearest observed values either side; before the
 *       first or after the last observed value, that value (no extrapolated trend).</li>
 * </ul>
 * A segment with no observed value at all stays NaN under every rule except {@code zero}.
 */
final class Imputer {
    private Imputer() {
    }

    /**
     * Fills NaN cells of {@code values[from..to-1]}.
     *
     * @return how many cells were NaN before and hold a value now
     */
    static int fill(double[] values, int from, int to, Fill rule) {
        return switch (rule) {
            case zero -> constant(values, from, to, 0.0);
            case missing -> 0;
            case ffill -> forward(values, from, to);
            case mean -> constant(values, from, to, mean(values, from, to));
            case linear -> linear(values, from, to);
        };
    }

    private static int constant(double[] values, int from, int to, double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        int filled = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = value;
                filled++;
            }
        }
        return filled;
    }

    private static int forward(double[] values, int from, int to) {
        int filled = 0;
        double last = Double.NaN;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                if (!Double.isNaN(last)) {
                    values[i] = last;
                    filled++;
                }
            } else {
                last = values[i];
            }
        }
        return filled;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static int linear(double[] values, int from, int to) {
        int filled = 0;
        int prev = -1;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            if (prev < 0) {
                for (int j = from; j < i; j++) {
                    values[j] = values[i];
                }
                filled += i - from;
            } else if (i - prev > 1) {
                double step = (values[i] - values[prev]) / (i - prev);
                for (int j = prev + 1; j < i; j++) {
                    values[j] = values[prev] + step * (j - prev);
                }
                filled += i - prev - 1;
            }
            prev = i;
        }
        if (prev >= 0) {
            for (int j = prev + 1; j < to; j++) {
                values[j] = values[prev];
            }
            filled += to - prev - 1;
        }
        return filled;
    }
}
