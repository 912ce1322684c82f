package io.demandcast.core.monitor;

import io.demandcast.core.evaluate.ProbabilisticMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one group of pairs (a model version, a series, or all of them): collects the pairs
 * and changes, then computes every {@link MonitorMetrics} metric at once.
 */
final class MonitorStats {
    private final List<double[]> pairs = new ArrayList<>(); // y, f, scale, reference, step
    private final Map<Double, List<double[]>> intervals = new TreeMap<>(); // nominal -> y, lower, upper
    private double changeSum;
    private int changeCount;

    void addPair(double y, double f, double scale, double reference, int step, double[] levels, double[] quantiles) {
        pairs.add(new double[] {y, f, scale, reference, step});
        for (ProbabilisticMetrics.CentralInterval ci : ProbabilisticMetrics.centralIntervals(levels)) {
            double nominal = Math.round(ci.nominal() * 1000) / 1000.0;
            intervals.computeIfAbsent(nominal, k -> new ArrayList<>()).add(new double[] {y, quantiles[ci.lower()], quantiles[ci.upper()]});
        }
    }

    void addChanges(double[] sumAndCount) {
        changeSum += sumAndCount[0];
        changeCount += (int) sumAndCount[1];
    }

    int pairCount() {
        return pairs.size();
    }

    private double[] column(int c) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs.get(i)[c];
        }
        return out;
    }

    /** {@code |y − f| / scale} of every pair, NaN where undefined. */
    double[] scaledErrors() {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            double[] p = pairs.get(i);
            out[i] = Math.abs(p[0] - p[1]) / p[2];
        }
        return out;
    }

    double scaledError() {
        return MonitorMetrics.meanScaledError(column(0), column(1), column(2));
    }

    double referenceError() {
        double[] ref = column(3);
        double sum = 0;
        int n = 0;
        for (double r : ref) {
            if (Double.isFinite(r)) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    double errorRatio() {
        return MonitorMetrics.errorRatio(column(0), column(1), column(2), column(3));
    }

    double bias() {
        return MonitorMetrics.bias(column(0), column(1));
    }

    double instability() {
        return changeCount == 0 ? Double.NaN : changeSum / changeCount;
    }

    /** Observed coverage by nominal level, ascending. */
    Map<Double, Double> coverage() {
        Map<Double, Double> out = new LinkedHashMap<>();
        intervals.forEach((nominal, rows) -> {
            double[] y = new double[rows.size()];
            double[] lo = new double[rows.size()];
            double[] hi = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                y[i] = rows.get(i)[0];
                lo[i] = rows.get(i)[1];
                hi[i] = rows.get(i)[2];
            }
            out.put(nominal, MonitorMetrics.coverage(y, lo, hi));
        });
        return out;
    }

    /** Mean scaled error (0) and mean reference (1) per step 1..horizon, NaN where none. */
    double[][] byStep(int horizon) {
        double[][] out = new double[2][horizon];
        double[][] sums = new double[2][horizon];
        int[][] counts = new int[2][horizon];
        for (double[] p : pairs) {
            int k = (int) p[4] - 1;
            if (k < 0 || k >= horizon) {
                continue;
            }
            double e = Math.abs(p[0] - p[1]) / p[2];
            if (Double.isFinite(e)) {
                sums[0][k] += e;
                counts[0][k]++;
            }
            if (Double.isFinite(p[3])) {
                sums[1][k] += p[3];
                counts[1][k]++;
            }
        }
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < horizon; k++) {
                out[j][k] = counts[j][k] == 0 ? Double.NaN : sums[j][k] / counts[j][k];
            }
        }
        return out;
    }

    /** Every metric by name, coverage as {@code coverage_<percent>}, in report order. */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("error_ratio", errorRatio());
        m.put("scaled_error", scaledError());
        m.put("reference_error", referenceError());
        m.put("relative_bias", bias());
        coverage().forEach((nominal, c) -> m.put(coverageName(nominal), c));
        m.put("instability", instability());
        m.put("pairs", (double) pairCount());
        return m;
    }

    static String coverageName(double nominal) {
        return "coverage_" + Math.round(nominal * 100);
    }
}
