package io.demandcast.core.monitor;

import io.demandcast.core.data.Panel;

/** A series' target by period, read out of a panel's rows without copying them. */
final class SeriesValues {
    private SeriesValues() {
    }

    /** The target at {@code period}, NaN when the series has no row there (or {@code series} is -1). */
    static double at(Panel panel, int series, int period) {
        if (series < 0) {
            return Double.NaN;
        }
        int row = rowAtOrAfter(panel, series, period);
        return row < panel.rowEnd(series) && panel.period(row) == period ? panel.target(row) : Double.NaN;
    }

    /** The targets of the periods up to and including {@code period}, in order. */
    static double[] until(Panel panel, int series, int period) {
        if (series < 0) {
            return new double[0];
        }
        int end = rowAtOrAfter(panel, series, period + 1);
        double[] out = new double[end - panel.rowStart(series)];
        for (int r = panel.rowStart(series); r < end; r++) {
            out[r - panel.rowStart(series)] = panel.target(r);
        }
        return out;
    }

    /** The first row of the series whose period is at least {@code period} (rowEnd when none). */
    private static int rowAtOrAfter(Panel panel, int series, int period) {
        int lo = panel.rowStart(series);
        int hi = panel.rowEnd(series);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (panel.period(mid) < period) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
