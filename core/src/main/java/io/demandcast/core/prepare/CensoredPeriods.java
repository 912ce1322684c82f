package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The censored (out-of-stock) periods of a prepared panel, by series id: what its
 * {@value Censoring#COLUMN} column marks (see {@link Censoring}). Their target is already NaN, so
 * no fit and no metric reads them; this tells how many a forecast range held, so that reports can
 * say how many periods they left out. Holds only the censored periods. Immutable.
 */
public final class CensoredPeriods {
    /** No period censored: data without a stock column. */
    public static final CensoredPeriods NONE = new CensoredPeriods(Map.of(), false);

    private final Map<String, int[]> periods;
    private final boolean marked;

    private CensoredPeriods(Map<String, int[]> periods, boolean marked) {
        this.periods = periods;
        this.marked = marked;
    }

    /** The periods {@code prepared}'s {@value Censoring#COLUMN} column marks; {@link #NONE} without the column. */
    public static CensoredPeriods of(Panel prepared) {
        if (!prepared.hasNumeric(Censoring.COLUMN)) {
            return NONE;
        }
        Map<String, int[]> out = new HashMap<>();
        for (int s = 0; s < prepared.seriesCount(); s++) {
            double[] mark = prepared.numericValues(Censoring.COLUMN, s);
            int[] at = new int[mark.length];
            int n = 0;
            int first = prepared.rowStart(s);
            for (int i = 0; i < mark.length; i++) {
                if (mark[i] > 0) {
                    at[n++] = prepared.period(first + i);
                }
            }
            if (n > 0) {
                out.put(prepared.seriesId(s), Arrays.copyOf(at, n));
            }
        }
        return new CensoredPeriods(Map.copyOf(out), true);
    }

    /** True when the data carries the mark (a stock column was given), even if no period is censored. */
    public boolean marked() {
        return marked;
    }

    /** Censored periods of series {@code seriesId} from {@code from} to {@code to}, both included. */
    public int count(String seriesId, int from, int to) {
        int[] p = periods.get(seriesId);
        if (p == null || to < from) {
            return 0;
        }
        return insertion(p, to + 1) - insertion(p, from);
    }

    /** Whether period {@code period} of series {@code seriesId} is censored. */
    public boolean contains(String seriesId, int period) {
        return count(seriesId, period, period) > 0;
    }

    /** Censored periods over every series. */
    public long total() {
        return periods.values().stream().mapToLong(p -> p.length).sum();
    }

    /** Index of the first element of sorted {@code a} at or above {@code v}. */
    private static int insertion(int[] a, int v) {
        int i = Arrays.binarySearch(a, v);
        return i >= 0 ? i : -i - 1;
    }
}
