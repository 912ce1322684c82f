package io.demandcast.spark;

import io.demandcast.core.model.Forecast;
import java.io.Serializable;

/**
 * One partition's forecast as plain arrays, laid out as {@link Forecast} holds it (series-major), so the
 * driver can put the partitions' forecasts back together in the order {@code demandcast predict} writes.
 */
record ForecastBlock(Partitioning.Partition partition, String model, String[] seriesIds, int[] firstPeriods, int horizon,
                     double[] point, double[] levels, double[][] quantiles) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ForecastBlock of(Partitioning.Partition partition, Forecast f) {
        int n = f.seriesCount();
        int h = f.horizon();
        double[] levels = f.levels();
        int[] first = new int[n];
        double[] point = new double[n * h];
        double[][] q = new double[levels.length][n * h];
        for (int s = 0; s < n; s++) {
            first[s] = f.firstPeriod(s);
            for (int k = 0; k < h; k++) {
                point[s * h + k] = f.point(s, k);
                for (int l = 0; l < levels.length; l++) {
                    q[l][s * h + k] = f.quantile(l, s, k);
                }
            }
        }
        return new ForecastBlock(partition, f.model(), f.seriesIds().toArray(String[]::new), first, h, point, levels, q);
    }
}
