package io.demandcast.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the known-future covariates of a forecast request
 * ({@link io.demandcast.core.model.ForecastRequest#futureCovariates()}), the one place backtests
 * and {@code predict} get them from: for each series, the rows of the {@code horizon} periods after
 * its end, with the target set to NaN and every past-only column dropped. Since no request panel
 * is made any other way, no family can read a past-only column, or the target, over the periods
 * it forecasts.
 */
public final class FutureCovariates {
    private FutureCovariates() {
    }

    /**
     * @param source   rows to take the covariates from (a prepared panel, or history and future rows together)
     * @param series   indices into {@code source} of the series to forecast, in request order
     * @param ends     each series' last history period: its rows {@code ends[i]+1 .. ends[i]+horizon} are taken
     * @param horizon  periods forecast
     * @param pastOnly numeric and categorical columns observed only up to the cutoff, dropped
     * @return one series per entry of {@code series}; a series whose rows end early (end of the data)
     *         has only the rows that exist
     */
    public static Panel after(Panel source, int[] series, int[] ends, int horizon, Collection<String> pastOnly) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        int[] from = new int[series.length];
        int[] to = new int[series.length];
        for (int i = 0; i < series.length; i++) {
            from[i] = ends[i] + 1;
            to[i] = ends[i] + horizon;
        }
        Panel rows = source.sliceSeries(series, from, to);
        double[] unknown = new double[rows.rowCount()];
        Arrays.fill(unknown, Double.NaN);
        Panel out = rows.withTarget(unknown);
        Set<String> drop = Set.copyOf(pastOnly);
        for (String name : rows.numericNames()) {
            if (drop.contains(name)) {
                out = out.withoutNumeric(name);
            }
        }
        for (String name : rows.categoricalNames()) {
            if (drop.contains(name)) {
                out = out.withoutCategorical(name);
            }
        }
        return out;
    }

    /**
     * As {@link #after}, but every series gets all {@code horizon} rows: periods past the end of
     * {@code source} (a series whose data stops inside the window) repeat the covariates of the
     * series' last row. A backtest uses it: such periods have no actual and are never scored, but a
     * multi-step model needs inputs for every step to reach the periods that are. {@code predict}
     * does not: there, missing future covariates are an error.
     */
    public static Panel afterCarryingForward(Panel source, int[] series, int[] ends, int horizon, Collection<String> pastOnly) {
        Panel rows = after(source, series, ends, horizon, pastOnly);
        boolean complete = true;
        for (int i = 0; i < series.length && complete; i++) {
            complete = rows.length(i) == horizon && rows.firstPeriod(i) == ends[i] + 1;
        }
        if (complete) {
            return rows;
        }
        // The rows of `rows` to copy for each output row: its own row, else the series' last one; a series
        // with no row after its end copies its row at the end, taken from `source`.
        Panel atEnds = after(source, series, minusOne(ends), 1, pastOnly);
        int n = series.length * horizon;
        int[] offsets = new int[series.length + 1];
        int[] periods = new int[n];
        int[] fromRows = new int[n];
        boolean[] fromEnds = new boolean[n];
        for (int i = 0; i < series.length; i++) {
            offsets[i + 1] = (i + 1) * horizon;
            int r = rows.rowStart(i);
            int last = -1;
            for (int k = 0; k < horizon; k++) {
                int period = ends[i] + 1 + k;
                while (r < rows.rowEnd(i) && rows.period(r) < period) {
                    last = r++;
                }
                if (r < rows.rowEnd(i) && rows.period(r) == period) {
                    last = r++;
                }
                int o = i * horizon + k;
                periods[o] = period;
                if (last >= 0) {
                    fromRows[o] = last;
                } else if (atEnds.length(i) == 1) {
                    fromRows[o] = atEnds.rowStart(i);
                    fromEnds[o] = true;
                } else {
                    throw new IllegalArgumentException("series '" + rows.seriesId(i) + "' has no row at or after period " + ends[i]
                            + " to carry its covariates forward from");
                }
            }
        }
        double[] target = new double[n];
        Arrays.fill(target, Double.NaN);
        java.util.Map<String, double[]> numeric = new java.util.LinkedHashMap<>();
        for (String name : rows.numericNames()) {
            double[] own = rows.numericColumn(name);
            double[] end = atEnds.numericColumn(name);
            double[] col = new double[n];
            for (int o = 0; o < n; o++) {
                col[o] = fromEnds[o] ? end[fromRows[o]] : own[fromRows[o]];
            }
            numeric.put(name, col);
        }
        java.util.Map<String, Categorical> categorical = new java.util.LinkedHashMap<>();
        for (String name : rows.categoricalNames()) {
            Categorical own = rows.categorical(name);
            Categorical end = atEnds.categorical(name);
            int[] codes = new int[n];
            for (int o = 0; o < n; o++) {
                // the same column sliced from one panel: one list of levels
                codes[o] = fromEnds[o] ? end.codes()[fromRows[o]] : own.codes()[fromRows[o]];
            }
            categorical.put(name, new Categorical(codes, own.levels()));
        }
        java.util.Map<String, String[]> statics = new java.util.LinkedHashMap<>();
        for (String name : rows.staticNames()) {
            String[] values = new String[series.length];
            for (int i = 0; i < series.length; i++) {
                values[i] = rows.staticValue(name, i);
            }
            statics.put(name, values);
        }
        return new Panel(rows.axis(), rows.seriesIds().toArray(new String[0]), offsets, periods, target, numeric, categorical, statics);
    }

    private static int[] minusOne(int[] ends) {
        int[] out = new int[ends.length];
        for (int i = 0; i < ends.length; i++) {
            out[i] = ends[i] - 1;
        }
        return out;
    }

    /**
     * The history with the future rows after it, series by series: for each series of
     * {@code history}, its rows, then the rows of the series of {@code future} with the same id
     * that come after them. Columns are the history's (a column {@code future} lacks is missing
     * there); categorical levels are matched by name.
     */
    public static Panel append(Panel history, Panel future) {
        int n = history.seriesCount();
        int[] offsets = new int[n + 1];
        int[][] extra = new int[n][];
        for (int s = 0; s < n; s++) {
            int f = future.indexOf(history.seriesId(s));
            int end = history.length(s) == 0 ? Integer.MIN_VALUE : history.lastPeriod(s);
            int[] rows = new int[f < 0 ? 0 : future.length(f)];
            int k = 0;
            if (f >= 0) {
                for (int r = future.rowStart(f); r < future.rowEnd(f); r++) {
                    if (future.period(r) > end) {
                        rows[k++] = r;
                    }
                }
            }
            extra[s] = Arrays.copyOf(rows, k);
            offsets[s + 1] = offsets[s] + history.length(s) + k;
        }
        int total = offsets[n];
        int[] periods = new int[total];
        double[] target = new double[total];
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : history.numericNames()) {
            numeric.put(name, new double[total]);
        }
        Map<String, int[]> codes = new LinkedHashMap<>();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (String name : history.categoricalNames()) {
            codes.put(name, new int[total]);
            levels.put(name, new ArrayList<>(history.categorical(name).levels()));
        }
        for (int s = 0; s < n; s++) {
            int k = offsets[s];
            for (int r = history.rowStart(s); r < history.rowEnd(s); r++, k++) {
                copyRow(history, r, periods, target, numeric, codes, levels, k);
            }
            for (int r : extra[s]) {
                copyRow(future, r, periods, target, numeric, codes, levels, k++);
            }
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        codes.forEach((name, c) -> categorical.put(name, new Categorical(c, levels.get(name))));
        Map<String, String[]> statics = new LinkedHashMap<>();
        for (String name : history.staticNames()) {
            String[] values = new String[n];
            for (int s = 0; s < n; s++) {
                values[s] = history.staticValue(name, s);
            }
            statics.put(name, values);
        }
        return new Panel(history.axis(), history.seriesIds().toArray(String[]::new), offsets, periods, target, numeric,
                categorical, statics);
    }

    private static void copyRow(Panel from, int r, int[] periods, double[] target, Map<String, double[]> numeric,
                                Map<String, int[]> codes, Map<String, List<String>> levels, int k) {
        periods[k] = from.period(r);
        target[k] = from.target(r);
        numeric.forEach((name, col) -> col[k] = from.hasNumeric(name) ? from.numeric(name, r) : Double.NaN);
        codes.forEach((name, col) -> {
            String level = from.categoricalNames().contains(name) ? from.categorical(name).level(r) : null;
            int code = Categorical.MISSING;
            if (level != null) {
                List<String> known = levels.get(name);
                code = known.indexOf(level);
                if (code < 0) {
                    known.add(level);
                    code = known.size() - 1;
                }
            }
            col[k] = code;
        });
    }
}
