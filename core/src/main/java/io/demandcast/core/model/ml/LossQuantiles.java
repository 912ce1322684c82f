package io.demandcast.core.model.ml;

import io.demandcast.core.model.ml.regressor.Regressor;
import java.util.Arrays;
import java.util.List;

/**
 * The quantile regressors of one step model ({@code quantiles: loss}): one per fitted level, each
 * fitted with the learner's pinball loss on the point model's training table, so it predicts that
 * quantile of the transformed target given the same row. Empty for {@code quantiles: residual}.
 *
 * <p>Requested levels are read from the fitted ones: a fitted level as is, a level between two
 * fitted levels linearly interpolated in the level, a level outside the fitted range refused.
 * Separately fitted quantiles can cross; {@link #values} sorts them per forecast point
 * (rearrangement): it leaves quantiles that do not cross unchanged and otherwise never moves them
 * farther from a monotone true quantile curve in any Lp norm (Chernozhukov, Fernández-Val and
 * Galichon, "Quantile and probability curves without crossing", Econometrica 2010).
 *
 * @param levels     fitted levels, ascending, each in (0, 1)
 * @param regressors the regressor of each level
 */
public record LossQuantiles(double[] levels, List<Regressor> regressors) {
    static final LossQuantiles NONE = new LossQuantiles(new double[0], List.of());
    /** Requested and fitted levels closer than this are the same level (config values parse to the same double anyway). */
    private static final double SAME = 1e-9;

    public LossQuantiles {
        levels = levels.clone();
        regressors = List.copyOf(regressors);
        if (levels.length != regressors.size()) {
            throw new IllegalArgumentException(levels.length + " levels for " + regressors.size() + " quantile regressors");
        }
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    boolean isEmpty() {
        return levels.length == 0;
    }

    /**
     * Refuses a requested level this model cannot read: below the lowest or above the highest fitted level.
     *
     * @throws IllegalArgumentException naming the level, the fitted levels and how to get it
     */
    void checkCovers(double[] requested, String family) {
        for (double q : requested) {
            if (isEmpty() || q < levels[0] - SAME || q > levels[levels.length - 1] + SAME) {
                throw new IllegalArgumentException("quantile level " + q + " is outside the levels this " + family
                        + " model fitted with quantiles: loss (" + Arrays.toString(levels) + "): request levels within them"
                        + " (predict.quantiles), or refit with model.params.quantile_levels covering " + q);
            }
        }
    }

    /**
     * The requested quantiles of one forecast point.
     *
     * @param row      the row the point model read
     * @param back     maps a transformed prediction back to the target's units (monotone increasing)
     * @param fallback the value of a non-finite prediction (the point forecast)
     * @param requested levels within the fitted range ({@link #checkCovers}), any order
     */
    double[] values(float[] row, java.util.function.DoubleUnaryOperator back, double fallback, double[] requested) {
        double[] fitted = new double[levels.length];
        for (int i = 0; i < fitted.length; i++) {
            double y = back.applyAsDouble(regressors.get(i).predict(row));
            fitted[i] = Double.isFinite(y) ? y : fallback;
        }
        Arrays.sort(fitted);
        double[] out = new double[requested.length];
        for (int q = 0; q < requested.length; q++) {
            out[q] = interpolate(levels, fitted, requested[q]);
        }
        return out;
    }

    /** The value at {@code tau} of the piecewise-linear curve through ({@code levels[i]}, {@code values[i]}), clamped at its ends. */
    public static double interpolate(double[] levels, double[] values, double tau) {
        int n = levels.length;
        if (tau <= levels[0] + SAME) {
            return values[0];
        }
        for (int i = 1; i < n; i++) {
            if (tau <= levels[i] + SAME) {
                if (Math.abs(tau - levels[i]) <= SAME) {
                    return values[i];
                }
                double w = (tau - levels[i - 1]) / (levels[i] - levels[i - 1]);
                return values[i - 1] + w * (values[i] - values[i - 1]);
            }
        }
        return values[n - 1];
    }
}
