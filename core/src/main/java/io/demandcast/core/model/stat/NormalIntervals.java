package io.demandcast.core.model.stat;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** Quantiles of a normal forecast distribution: {@code point + z(level) * sd}. */
public final class NormalIntervals {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private NormalIntervals() {
    }

    /** The standard normal quantile of a level in (0,1). */
    public static double z(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(level);
    }

    /**
     * @param point forecast means
     * @param sd    forecast standard deviations, same length; a non-finite sd is treated as 0
     */
    public static SeriesForecast of(double[] point, double[] sd, double[] levels) {
        double[][] q = new double[levels.length][point.length];
        for (int l = 0; l < levels.length; l++) {
            double z = z(levels[l]);
            for (int i = 0; i < point.length; i++) {
                double s = Double.isFinite(sd[i]) ? sd[i] : 0;
                q[l][i] = point[i] + z * s;
            }
        }
        return new SeriesForecast(point, q);
    }
}
