package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each rolling-origin window cuts each series: the last training period (the cutoff) and
 * the first training period, or "left out". Windows are numbered oldest first; the forecast of
 * window {@code w} for series {@code s} covers {@code cutoff(w, s) + 1 .. cutoff(w, s) + horizon}.
 *
 * <p>A series is left out of a window when it has fewer than {@code min_train} periods up to the
 * cutoff, or no observed actual in the forecast periods (nothing to score). With cutoffs counted
 * from each series' own end ({@code from_end}) a ragged panel, whose series end on different
 * dates, gets the same number of windows for every long-enough series. Immutable.
 */
public final class BacktestPlan {
    /** Cutoff of a series left out of a window. */
    public static final int LEFT_OUT = Integer.MIN_VALUE;

    private final TimeAxis axis;
    private final List<String> seriesIds;
    private final int horizon;
    private final int[][] cutoffs;
    private final int[][] starts;
    private final String[] labels;
    private final java.util.Map<String, Integer> indexById = new java.util.HashMap<>();

    private BacktestPlan(TimeAxis axis, List<String> seriesIds, int horizon, int[][] cutoffs, int[][] starts, String[] labels) {
        this.axis = axis;
        this.seriesIds = seriesIds;
        this.horizon = horizon;
        this.cutoffs = cutoffs;
        this.starts = starts;
        this.labels = labels;
        for (int s = 0; s < seriesIds.size(); s++) {
            indexById.put(seriesIds.get(s), s);
        }
    }

    /**
     * The windows a {@code backtest} section describes.
     *
     * @param panel   the prepared panel (regular)
     * @param actuals the values scored, same series in the same order (the raw target)
     * @throws DataException when a window holds no series at all, naming the window
     */
    public static BacktestPlan of(Panel panel, Panel actuals, BacktestConfig config, int horizon) {
        requireSameSeries(panel, actuals);
        int n = panel.seriesCount();
        int step = config.step() != null ? config.step() : horizon;
        List<LocalDate> dates = config.parsedCutoffDates();
        int windows = dates.isEmpty() ? config.windows() : dates.size();
        int[][] cutoffs = new int[windows][n];
        String[] labels = new String[windows];
        int latest = panel.maxPeriod();
        for (int w = 0; w < windows; w++) {
            int back = (windows - 1 - w) * step;
            if (!dates.isEmpty()) {
                LocalDate d = dates.get(w);
                if (!panel.axis().fits(d)) {
                    throw new DataException("backtest.cutoff_dates: " + d + " is not a " + panel.frequency().label()
                            + " period start (" + panel.axis().describeAnchor() + ")");
                }
                Arrays.fill(cutoffs[w], panel.axis().period(d));
                labels[w] = "cutoff " + d;
            } else if (config.cutoffs() == BacktestConfig.Cutoffs.common) {
                int cutoff = latest - horizon - back;
                Arrays.fill(cutoffs[w], cutoff);
                labels[w] = "cutoff " + panel.axis().date(cutoff);
            } else {
                for (int s = 0; s < n; s++) {
                    cutoffs[w][s] = panel.length(s) == 0 ? LEFT_OUT : panel.lastPeriod(s) - horizon - back;
                }
                labels[w] = back == 0 ? "last " + horizon + " periods of each series"
                        : "cutoff " + (horizon + back) + " periods before each series' end";
            }
        }
        int[][] starts = new int[windows][n];
        for (int w = 0; w < windows; w++) {
            for (int s = 0; s < n; s++) {
                int c = cutoffs[w][s];
                if (c == LEFT_OUT) {
                    continue;
                }
                int first = panel.length(s) == 0 ? Integer.MAX_VALUE : panel.firstPeriod(s);
                int start = config.window() == BacktestConfig.WindowType.sliding ? Math.max(first, c - config.windowLength() + 1) : first;
                starts[w][s] = start;
                if (c - start + 1 < config.minTrain() || !hasActual(actuals, s, c + 1, c + horizon)) {
                    cutoffs[w][s] = LEFT_OUT;
                }
            }
        }
        return checked(new BacktestPlan(panel.axis(), panel.seriesIds(), horizon, cutoffs, starts, labels));
    }

    /**
     * One window with a cutoff common to all series: the classic hold-out (fit on everything up to
     * {@code cutoff}, forecast the next {@code horizon} periods).
     */
    public static BacktestPlan holdout(Panel panel, Panel actuals, int cutoff, int horizon) {
        requireSameSeries(panel, actuals);
        int n = panel.seriesCount();
        int[][] cutoffs = new int[1][n];
        int[][] starts = new int[1][n];
        for (int s = 0; s < n; s++) {
            boolean usable = panel.length(s) > 0 && panel.firstPeriod(s) <= cutoff && hasActual(actuals, s, cutoff + 1, cutoff + horizon);
            cutoffs[0][s] = usable ? cutoff : LEFT_OUT;
            starts[0][s] = usable ? panel.firstPeriod(s) : 0;
        }
        return checked(new BacktestPlan(panel.axis(), panel.seriesIds(), horizon, cutoffs, starts,
                new String[] {"cutoff " + panel.axis().date(cutoff)}));
    }

    /**
     * A plan from its parts as its accessors give them ({@link #cutoff}, {@link #trainStart}, {@link #label}):
     * how a run split over partitions of series (the Spark job) rebuilds on an executor the driver's plan
     * restricted to one partition's series, rather than planning the partition alone (cutoffs common to
     * all series depend on the whole panel). Unlike {@link #of}, a window may hold none of the series.
     *
     * @param cutoffs per window, per series: the cutoff or {@link #LEFT_OUT}
     * @param starts  per window, per series: the first training period
     * @throws IllegalArgumentException when the arrays do not match the series and windows
     */
    public static BacktestPlan restore(TimeAxis axis, List<String> seriesIds, int horizon, int[][] cutoffs, int[][] starts,
                                      String[] labels) {
        if (cutoffs.length != starts.length || cutoffs.length != labels.length) {
            throw new IllegalArgumentException("one cutoff row, start row and label per window expected");
        }
        for (int w = 0; w < cutoffs.length; w++) {
            if (cutoffs[w].length != seriesIds.size() || starts[w].length != seriesIds.size()) {
                throw new IllegalArgumentException("window " + w + ": one cutoff and start per series expected");
            }
        }
        return new BacktestPlan(axis, List.copyOf(seriesIds), horizon, cutoffs.clone(), starts.clone(), labels.clone());
    }

    /**
     * The windows {@code from} (inclusive) to {@code to} (exclusive) of this plan, renumbered from 0:
     * what a search that scores candidates on more windows step by step runs and scores.
     *
     * @throws IllegalArgumentException when the range is empty or outside the plan
     */
    public BacktestPlan windows(int from, int to) {
        if (from < 0 || to > windows() || from >= to) {
            throw new IllegalArgumentException("windows [" + from + ", " + to + ") of a plan with " + windows());
        }
        return new BacktestPlan(axis, seriesIds, horizon, Arrays.copyOfRange(cutoffs, from, to),
                Arrays.copyOfRange(starts, from, to), Arrays.copyOfRange(labels, from, to));
    }

    private static BacktestPlan checked(BacktestPlan plan) {
        for (int w = 0; w < plan.windows(); w++) {
            if (plan.seriesIn(w).length == 0) {
                throw new DataException("backtest window " + (w + 1) + " of " + plan.windows() + " (" + plan.label(w)
                        + ") holds no series: none has " + "enough history before it and actuals after it; use fewer windows, a smaller step or horizon, or a lower min_train");
            }
        }
        return plan;
    }

    private static void requireSameSeries(Panel panel, Panel actuals) {
        if (!panel.seriesIds().equals(actuals.seriesIds())) {
            throw new IllegalArgumentException("the actuals panel must hold the same series in the same order");
        }
    }

    private static boolean hasActual(Panel actuals, int s, int from, int to) {
        for (int r = actuals.rowStart(s); r < actuals.rowEnd(s); r++) {
            int p = actuals.period(r);
            if (p >= from && p <= to && !Double.isNaN(actuals.target(r))) {
                return true;
            }
        }
        return false;
    }

    public TimeAxis axis() {
        return axis;
    }

    public int horizon() {
        return horizon;
    }

    public int windows() {
        return cutoffs.length;
    }

    public int seriesCount() {
        return seriesIds.size();
    }

    public String seriesId(int series) {
        return seriesIds.get(series);
    }

    /** Index of a series id, or -1. */
    public int indexOf(String seriesId) {
        return indexById.getOrDefault(seriesId, -1);
    }

    public boolean includes(int window, int series) {
        return cutoffs[window][series] != LEFT_OUT;
    }

    /** Last training period of a series in a window ({@link #LEFT_OUT} when left out). */
    public int cutoff(int window, int series) {
        return cutoffs[window][series];
    }

    /** First training period of a series in a window (meaningful when included). */
    public int trainStart(int window, int series) {
        return starts[window][series];
    }

    /** Indices of the series in a window, ascending. */
    public int[] seriesIn(int window) {
        int[] out = new int[seriesIds.size()];
        int k = 0;
        for (int s = 0; s < out.length; s++) {
            if (includes(window, s)) {
                out[k++] = s;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** A short description of a window's cutoff, for progress lines and reports. */
    public String label(int window) {
        return labels[window];
    }

    /** Earliest and latest cutoff date of a window over its series, as {@code yyyy-MM-dd..yyyy-MM-dd} or one date. */
    public String cutoffRange(int window) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c : cutoffs[window]) {
            if (c != LEFT_OUT) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        return min == max ? axis.date(min).toString() : axis.date(min) + ".." + axis.date(max);
    }

    /**
     * The window that fits the model used in {@code window}: the latest refit window at or before
     * it (windows {@code 0, interval, 2·interval, ...} refit).
     */
    public static int refitWindow(int window, int interval) {
        return interval == BacktestConfig.NEVER ? 0 : window - window % interval;
    }

    /**
     * The training rows of a window: each included series from its training start to its cutoff.
     * With {@code since} set to an earlier (refit) window, rows start at that window's training
     * start instead, and only series included in both are kept: the history an update of the
     * model fitted at {@code since} needs.
     *
     * <p>The rows are a view of {@code source} ({@link Panel#viewSeries}), not a copy: every window of a
     * backtest shares the loaded panel's columns (at the full M5 shape a copy per window was about
     * 0.7 GB of target and periods alone, and windows run side by side).
     *
     * @param source a panel with this plan's series in the same order
     */
    public Panel training(Panel source, int window, int since) {
        List<Integer> keep = new ArrayList<>();
        for (int s : seriesIn(window)) {
            if (includes(since, s)) {
                keep.add(s);
            }
        }
        int[] series = keep.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[series.length];
        int[] to = new int[series.length];
        for (int i = 0; i < series.length; i++) {
            from[i] = starts[since][series[i]];
            to[i] = cutoffs[window][series[i]];
        }
        return source.viewSeries(series, from, to);
    }
}
