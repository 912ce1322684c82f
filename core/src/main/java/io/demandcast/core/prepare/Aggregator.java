package io.demandcast.core.prepare;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates a regular panel to a coarser frequency.
 *
 * <ul>
 *   <li>Target: the sum; NaN when any period in the bucket is NaN, because a partial sum would look
 *       like a fall in demand. The target before outlier treatment
 *       ({@value OutlierTreatment#RAW_TARGET_COLUMN}) is summed the same way.</li>
 *   <li>Other numeric covariates: the mean of the non-NaN values; a 0/1 column (every non-NaN value 0 or
 *       1, like SNAP, promo or the {@code outlier} flag) takes the maximum instead, so it says
 *       "at least once in the bucket".</li>
 *   <li>Categorical covariates: the first non-missing level in the bucket (an event in the week).</li>
 *   <li>Statics: unchanged.</li>
 * </ul>
 *
 * <p>A fine period belongs to the coarse period its start date falls in (a week that straddles two
 * months belongs to the month it starts in). Incomplete buckets at either end of a series (the
 * series starts or ends mid-week or mid-month) are <em>dropped</em>: their sum would understate
 * demand and bias every model fitted on them.
 *
 * <p>Coarse axes are anchored as a planner expects: weeks start on the weekday of the panel's
 * first date (for M5 that is Saturday, Walmart's week), months on the 1st, quarters on 1 January,
 * April, July and October, years on 1 January.
 */
public final class Aggregator {
    private Aggregator() {
    }

    /**
     * @throws IllegalArgumentException when {@code to} is not coarser than the panel's frequency or
     *                                  the panel is not regular
     */
    public static Panel aggregate(Panel panel, Frequency to) {
        Frequency from = panel.frequency();
        if (to.ordinal() <= from.ordinal()) {
            throw new IllegalArgumentException("cannot aggregate " + from.label() + " data to " + to.label()
                    + ": the target frequency must be coarser");
        }
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("aggregation needs a regular panel; fill gaps first");
        }
        int n = panel.seriesCount();
        TimeAxis fine = panel.axis();
        TimeAxis coarse = coarseAxis(fine.date(panel.minPeriod()), to);
        int minP = panel.minPeriod();
        int maxP = panel.maxPeriod();
        int span = Math.max(0, maxP - minP + 1);
        int[] bucketOf = new int[span];
        for (int p = 0; p < span; p++) {
            bucketOf[p] = Periods.containing(coarse, fine.date(minP + p));
        }
        int firstBucket = span == 0 ? 0 : bucketOf[0];
        int lastBucket = span == 0 ? -1 : bucketOf[span - 1];
        // bucketStart[b - firstBucket] = first fine period of coarse bucket b (one extra entry for the end)
        int[] bucketStart = new int[Math.max(0, lastBucket - firstBucket + 2)];
        for (int b = firstBucket; b <= lastBucket + 1; b++) {
            bucketStart[b - firstBucket] = Periods.firstOnOrAfter(fine, coarse.date(b));
        }

        // pass 1: count complete buckets per series
        int[] offsets = new int[n + 1];
        for (int s = 0; s < n; s++) {
            int complete = 0;
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); ) {
                int b = bucketOf[panel.period(r) - minP];
                int end = groupEnd(panel, r, s, bucketOf, minP);
                if (isComplete(panel.period(r), end - r, b, firstBucket, bucketStart)) {
                    complete++;
                }
                r = end;
            }
            offsets[s + 1] = offsets[s] + complete;
        }
        int rows = offsets[n];
        int[] periods = new int[rows];
        int[] groupFrom = new int[rows];
        int[] groupTo = new int[rows];
        for (int s = 0, k = 0; s < n; s++) {
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); ) {
                int b = bucketOf[panel.period(r) - minP];
                int end = groupEnd(panel, r, s, bucketOf, minP);
                if (isComplete(panel.period(r), end - r, b, firstBucket, bucketStart)) {
                    periods[k] = b;
                    groupFrom[k] = r;
                    groupTo[k] = end;
                    k++;
                }
                r = end;
            }
        }

        double[] target = sum(panel.targetColumn(), groupFrom, groupTo);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : panel.numericNames()) {
            double[] col = panel.numericColumn(name);
            if (name.equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
                numeric.put(name, sum(col, groupFrom, groupTo));
            } else {
                // a coarser period with a censored day is censored (its summed target is NaN too)
                boolean flag = name.equals(Censoring.COLUMN) || isFlag(col);
                numeric.put(name, flag ? max(col, groupFrom, groupTo) : mean(col, groupFrom, groupTo));
            }
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (String name : panel.categoricalNames()) {
            Categorical cat = panel.categorical(name);
            int[] codes = new int[rows];
            for (int k = 0; k < rows; k++) {
                codes[k] = Categorical.MISSING;
                for (int r = groupFrom[k]; r < groupTo[k]; r++) {
                    if (cat.codes()[r] != Categorical.MISSING) {
                        codes[k] = cat.codes()[r];
                        break;
                    }
                }
            }
            categorical.put(name, new Categorical(codes, cat.levels()));
        }
        Map<String, String[]> statics = new LinkedHashMap<>();
        for (String name : panel.staticNames()) {
            String[] vals = new String[n];
            for (int s = 0; s < n; s++) {
                vals[s] = panel.staticValue(name, s);
            }
            statics.put(name, vals);
        }
        List<String> ids = panel.seriesIds();
        return new Panel(coarse, ids.toArray(String[]::new), offsets, periods, target, numeric, categorical, statics);
    }

    /** The coarse axis whose first period contains {@code first}. */
    static TimeAxis coarseAxis(LocalDate first, Frequency to) {
        LocalDate anchor = switch (to) {
            case DAILY -> first;
            case WEEKLY -> first;
            case MONTHLY -> first.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(first.getYear(), ((first.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEARLY -> first.with(TemporalAdjusters.firstDayOfYear());
        };
        return new TimeAxis(to, anchor);
    }

    private static int groupEnd(Panel panel, int r, int s, int[] bucketOf, int minP) {
        int b = bucketOf[panel.period(r) - minP];
        int end = r + 1;
        while (end < panel.rowEnd(s) && bucketOf[panel.period(end) - minP] == b) {
            end++;
        }
        return end;
    }

    private static boolean isComplete(int firstPeriod, int count, int b, int firstBucket, int[] bucketStart) {
        int start = bucketStart[b - firstBucket];
        int next = bucketStart[b - firstBucket + 1];
        return firstPeriod == start && count == next - start;
    }

    private static boolean isFlag(double[] col) {
        for (double v : col) {
            if (!Double.isNaN(v) && v != 0.0 && v != 1.0) {
                return false;
            }
        }
        return true;
    }

    private static double[] sum(double[] col, int[] from, int[] to) {
        double[] out = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            double total = 0;
            for (int r = from[k]; r < to[k]; r++) {
                total += col[r];
            }
            out[k] = total;
        }
        return out;
    }

    private static double[] mean(double[] col, int[] from, int[] to) {
        double[] out = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            double total = 0;
            int count = 0;
            for (int r = from[k]; r < to[k]; r++) {
                if (!Double.isNaN(col[r])) {
                    total += col[r];
                    count++;
                }
            }
            out[k] = count == 0 ? Double.NaN : total / count;
        }
        return out;
    }

    private static double[] max(double[] col, int[] from, int[] to) {
        double[] out = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            double best = Double.NaN;
            for (int r = from[k]; r < to[k]; r++) {
                if (!Double.isNaN(col[r]) && (Double.isNaN(best) || col[r] > best)) {
                    best = col[r];
                }
            }
            out[k] = best;
        }
        return out;
    }
}
