package io.demandcast.core.model.ml;

import java.util.Arrays;

/**
 * Empirical quantiles of a model's in-sample residuals (in the transformed target space), kept on
 * a fixed grid of levels 0.005, 0.010, ..., 0.995 so any requested level is read by linear
 * interpolation without keeping the residuals themselves.
 */
public final class ResidualQuantiles {
    public static final int GRID = 199;

    private ResidualQuantiles() {
    }

    static double level(int i) {
        return (i + 1) * 0.005;
    }

    /** The grid values of a sample (type-7 quantiles); all 0 for an empty sample. */
    public static double[] grid(double[] residuals) {
        double[] sorted = Arrays.stream(residuals).filter(Double::isFinite).sorted().toArray();
        double[] out = new double[GRID];
        if (sorted.length == 0) {
            return out;
        }
        for (int i = 0; i < GRID; i++) {
            double h = (sorted.length - 1) * level(i);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            out[i] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }

    /** The quantile at level {@code tau}, interpolated on the grid (clamped at its ends). */
    public static double at(double[] grid, double tau) {
        double x = tau / 0.005 - 1;
        if (x <= 0) {
            return grid[0];
        }
        if (x >= GRID - 1) {
            return grid[GRID - 1];
        }
        int lo = (int) Math.floor(x);
        return grid[lo] + (x - lo) * (grid[lo + 1] - grid[lo]);
    }
}
