package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.RollingConfig;
import io.demandcast.core.data.Panel;

/**
 * Adds {@code roll_mean_w} and {@code roll_std_w}: mean and sample standard deviation (n−1) of the
 * target over the {@code w} periods <em>before</em> each row, so the current value never leaks
 * into its own feature. A row whose window is not full (series start) or holds a NaN gets NaN;
 * {@code roll_std_1} is therefore always NaN.
 *
 * <p>Sums slide in O(1) per row, so long windows cost no more than short ones; the variance is
 * clamped at 0 against rounding.
 */
public final class RollingFeatures {
    private RollingFeatures() {
    }

    /** @throws IllegalArgumentException when the panel is not regular */
    public static Panel add(Panel panel, RollingConfig config) {
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("rolling features need a regular panel; fill gaps first");
        }
        double[] target = panel.targetColumn();
        Panel out = panel;
        for (int w : config.windows()) {
            double[] mean = new double[target.length];
            double[] std = new double[target.length];
            for (int s = 0; s < panel.seriesCount(); s++) {
                window(target, panel.rowStart(s), panel.rowEnd(s), w, mean, std);
            }
            if (config.stats().contains("mean")) {
                out = out.withFloatNumeric("roll_mean_" + w, mean);
            }
            if (config.stats().contains("std")) {
                out = out.withFloatNumeric("roll_std_" + w, std);
            }
        }
        return out;
    }

    private static void window(double[] y, int from, int to, int w, double[] mean, double[] std) {
        double sum = 0;
        double sumSq = 0;
        int nans = 0;
        for (int r = from; r < to; r++) {
            // window of row r is y[r-w .. r-1]
            if (r - 1 >= from) {
                double add = y[r - 1];
                if (Double.isNaN(add)) {
                    nans++;
                } else {
                    sum += add;
                    sumSq += add * add;
                }
            }
            if (r - w - 1 >= from) {
                double drop = y[r - w - 1];
                if (Double.isNaN(drop)) {
                    nans--;
                } else {
                    sum -= drop;
                    sumSq -= drop * drop;
                }
            }
            if (r - w < from || nans > 0) {
                mean[r] = Double.NaN;
                std[r] = Double.NaN;
                continue;
            }
            double m = sum / w;
            mean[r] = m;
            std[r] = w < 2 ? Double.NaN : Math.sqrt(Math.max(0.0, (sumSq - w * m * m) / (w - 1)));
        }
    }
}
