package io.demandcast.core.model.stat;

import java.util.Arrays;

/**
 * Makes a series fit for a local method: leading missing values are dropped, interior ones
 * linearly interpolated, trailing ones carry the last observed value (so the forecast still starts
 * right after the panel's last period). A series with no observed value becomes empty.
 */
final class SeriesCleaner {
    private SeriesCleaner() {
    }

    static double[] clean(double[] y) {
        int first = 0;
        while (first < y.length && Double.isNaN(y[first])) {
            first++;
        }
        if (first == y.length) {
            return new double[0];
        }
        double[] out = Arrays.copyOfRange(y, first, y.length);
        int lastObserved = 0;
        for (int i = 1; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                for (int j = lastObserved + 1; j < i; j++) {
                    double w = (double) (j - lastObserved) / (i - lastObserved);
                    out[j] = out[lastObserved] * (1 - w) + out[i] * w;
                }
                lastObserved = i;
            }
        }
        for (int j = lastObserved + 1; j < out.length; j++) {
            out[j] = out[lastObserved];
        }
        return out;
    }
}
