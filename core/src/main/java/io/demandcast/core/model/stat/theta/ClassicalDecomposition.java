package io.demandcast.core.model.stat.theta;

/**
 * Classical multiplicative decomposition, as R's {@code decompose(type = "multiplicative")}: a
 * centred moving average of order m (a 2×m average for even m) is the trend; the ratios
 * {@code y / trend} are averaged per season position (positions counted from the series' first
 * value), and the m averages are scaled to mean 1.
 */
final class ClassicalDecomposition {
    private ClassicalDecomposition() {
    }

    /**
     * The m seasonal indices; index {@code j} belongs to positions {@code t} with {@code t % m == j}.
     * Returns null when they cannot be formed (fewer than 2 seasons, a zero trend, or non-finite ratios).
     */
    static double[] seasonalIndices(double[] y, int m) {
        int n = y.length;
        if (m < 2 || n < 2 * m) {
            return null;
        }
        int half = m / 2;
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) {
                double s = 0.5 * (y[t - half] + y[t + half]);
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            }
            double ratio = y[t] / trend;
            if (!Double.isFinite(ratio)) {
                return null;
            }
            sum[t % m] += ratio;
            count[t % m]++;
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int j = 0; j < m; j++) {
            if (count[j] == 0) {
                return null;
            }
            figure[j] = sum[j] / count[j];
            mean += figure[j] / m;
        }
        if (!Double.isFinite(mean) || mean == 0) {
            return null;
        }
        for (int j = 0; j < m; j++) {
            figure[j] /= mean;
        }
        return figure;
    }
}
