package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.RollingConfig;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.List;

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
        return FeatureColumn.addAll(panel, columns(panel, config));
    }

    /** The columns {@link #add} adds, in order, each computed when asked. */
    static List<FeatureColumn> columns(Panel panel, RollingConfig config) {
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("rolling features need a regular panel; fill gaps first");
        }
        List<FeatureColumn> out = new ArrayList<>();
        for (int w : config.windows()) {
            if (config.stats().contains("mean")) {
                out.add(new FeatureColumn("roll_mean_" + w, p -> rolling(p, w, false)));
            }
            if (config.stats().contains("std")) {
                out.add(new FeatureColumn("roll_std_" + w, p -> rolling(p, w, true)));
            }
        }
        return out;
    }

    private static float[] rolling(Panel panel, int w, boolean std) {
        float[] out = new float[panel.rowCount()];
        for (int s = 0; s < panel.seriesCount(); s++) {
            window(panel.values(s), panel.rowStart(s), w, std, out);
        }
        return out;
    }

    /** The window statistic of one series' values {@code y}, whose first row is {@code start} of {@code out}. */
    private static void window(double[] y, int start, int w, boolean std, float[] out) {
        double sum = 0;
        double sumSq = 0;
        int nans = 0;
        for (int i = 0; i < y.length; i++) {
            // window of row i is y[i-w .. i-1]
            if (i - 1 >= 0) {
                double add = y[i - 1];
                if (Double.isNaN(add)) {
                    nans++;
                } else {
                    sum += add;
                    sumSq += add * add;
                }
            }
            if (i - w - 1 >= 0) {
                double drop = y[i - w - 1];
                if (Double.isNaN(drop)) {
                    nans--;
                } else {
                    sum -= drop;
                    sumSq -= drop * drop;
                }
            }
            if (i - w < 0 || nans > 0) {
                out[start + i] = Float.NaN;
                continue;
            }
            double m = sum / w;
            out[start + i] = (float) (!std ? m : w < 2 ? Double.NaN : Math.sqrt(Math.max(0.0, (sumSq - w * m * m) / (w - 1))));
        }
    }
}
