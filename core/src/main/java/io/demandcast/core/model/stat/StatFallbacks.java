package io.demandcast.core.model.stat;

import io.demandcast.core.model.FamilyUsed;
import io.demandcast.core.model.FallbackReason;

/** What the local methods report when they fall back ({@link SeriesMethod#fallback}). */
public final class StatFallbacks {
    /** "Family" of a series with no data, forecast as 0 (not a family one can ask for). */
    public static final String ZERO = "zero";

    private StatFallbacks() {
    }

    /** An empty series: forecast 0. */
    public static FamilyUsed noData() {
        return FamilyUsed.fallback(ZERO, FallbackReason.NO_DATA);
    }

    /** Every value equal (an empty series is not constant). */
    public static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return y.length > 0;
    }
}
