package io.demandcast.core.model.stat.intermittent;

import java.util.Arrays;

/** Demand occurrences of a series: a period has demand when its value is above 0. */
final class Demand {
    private Demand() {
    }

    /** Indices (0-based) of the periods with demand. */
    static int[] occurrences(double[] y) {
        return java.util.stream.IntStream.range(0, y.length).filter(t -> y[t] > 0).toArray();
    }

    /** Demand sizes at the occurrences. */
    static double[] sizes(double[] y, int[] at) {
        return Arrays.stream(at).mapToDouble(t -> y[t]).toArray();
    }

    /** Inter-demand intervals; the first counts from the series start (index + 1), as R's croston and statsforecast. */
    static double[] intervals(int[] at) {
        double[] q = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            q[i] = i == 0 ? at[0] + 1 : at[i] - at[i - 1];
        }
        return q;
    }

    /** The series with values at or below 0 set to 0 (no demand). */
    static double[] nonNegative(double[] y) {
        return Arrays.stream(y).map(v -> v > 0 ? v : 0).toArray();
    }
}
