package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes a panel regular: every series gets one row per period from its first to its last, and
 * empty cells (NaN) are filled by the configured rules (see {@link Imputer}): the target by
 * {@code prepare.gaps.target}, every numeric covariate by {@code prepare.gaps.covariates}.
 * Categorical covariates on inserted rows are {@link Categorical#MISSING}: an event that was not
 * recorded did not happen. Statics are unchanged.
 */
public final class GapFiller {
    private GapFiller() {
    }

    /**
     * Counts are copied in and out, so the result stays immutable.
     *
     * @param panel             the regular panel
     * @param filledPeriods     per series, how many periods were absent and inserted
     * @param imputedCells      per series, how many target cells of rows that were present were empty and got a value
     * @param imputedCovariates per series, how many numeric covariate cells (inserted rows included) got a value
     */
    public record Result(Panel panel, int[] filledPeriods, int[] imputedCells, int[] imputedCovariates) {
        public Result {
            filledPeriods = filledPeriods.clone();
            imputedCells = imputedCells.clone();
            imputedCovariates = imputedCovariates.clone();
        }

        @Override
        public int[] filledPeriods() {
            return filledPeriods.clone();
        }

        @Override
        public int[] imputedCells() {
            return imputedCells.clone();
        }

        @Override
        public int[] imputedCovariates() {
            return imputedCovariates.clone();
        }
    }

    /**
     * @throws DataException when a series repeats a period or is not sorted by period
     */
    public static Result fill(Panel raw, GapConfig config) {
        return fill(raw, config, Integer.MIN_VALUE);
    }

    /**
     * As {@link #fill(Panel, GapConfig)}, and every non-empty series that ends before period
     * {@code fillTo} is extended to it; the appended periods are inserted (and counted) like any
     * other missing period. {@code Integer.MIN_VALUE} extends nothing.
     *
     * @throws DataException when a series repeats a period or is not sorted by period
     */
    public static Result fill(Panel raw, GapConfig config, int fillTo) {
        requireSorted(raw);
        int n = raw.seriesCount();
        int[] offsets = new int[n + 1];
        for (int s = 0; s < n; s++) {
            int len = raw.length(s) == 0 ? 0 : Math.max(raw.lastPeriod(s), fillTo) - raw.firstPeriod(s) + 1;
            offsets[s + 1] = offsets[s] + len;
        }
        int rows = offsets[n];
        if (rows == raw.rowCount()) {
            return fillCells(raw, config);
        }
        int[] periods = new int[rows];
        // where each raw row lands in the regular layout
        int[] dest = new int[raw.rowCount()];
        int[] filledPeriods = new int[n];
        for (int s = 0; s < n; s++) {
            if (raw.length(s) == 0) {
                continue;
            }
            int first = raw.firstPeriod(s);
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                periods[i] = first + i - offsets[s];
            }
            for (int r = raw.rowStart(s); r < raw.rowEnd(s); r++) {
                dest[r] = offsets[s] + raw.period(r) - first;
            }
            filledPeriods[s] = (offsets[s + 1] - offsets[s]) - raw.length(s);
        }

        double[] target = scatter(raw.targetColumn(), dest, rows);
        int[] imputedCells = new int[n];
        boolean[] inserted = insertedRows(dest, rows);
        for (int s = 0; s < n; s++) {
            int insertedEmpty = 0;
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                if (inserted[i]) {
                    insertedEmpty++;
                }
            }
            int before = countNaN(target, offsets[s], offsets[s + 1]);
            Imputer.fill(target, offsets[s], offsets[s + 1], config.target());
            int after = countNaN(target, offsets[s], offsets[s + 1]);
            int insertedStillEmpty = 0;
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                if (inserted[i] && Double.isNaN(target[i])) {
                    insertedStillEmpty++;
                }
            }
            // cells filled minus those that belong to inserted periods (counted as filled periods)
            imputedCells[s] = (before - after) - (insertedEmpty - insertedStillEmpty);
        }

        int[] imputedCovariates = new int[n];
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : raw.numericNames()) {
            double[] col = scatter(raw.numericColumn(name), dest, rows);
            for (int s = 0; s < n; s++) {
                imputedCovariates[s] += Imputer.fill(col, offsets[s], offsets[s + 1], config.covariates());
            }
            numeric.put(name, col);
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (String name : raw.categoricalNames()) {
            Categorical cat = raw.categorical(name);
            int[] codes = new int[rows];
            Arrays.fill(codes, Categorical.MISSING);
            int[] src = cat.codes();
            for (int r = 0; r < src.length; r++) {
                codes[dest[r]] = src[r];
            }
            categorical.put(name, new Categorical(codes, cat.levels()));
        }
        Map<String, String[]> statics = new LinkedHashMap<>();
        for (String name : raw.staticNames()) {
            String[] vals = new String[n];
            for (int s = 0; s < n; s++) {
                vals[s] = raw.staticValue(name, s);
            }
            statics.put(name, vals);
        }
        String[] ids = raw.seriesIds().toArray(String[]::new);
        Panel panel = new Panel(raw.axis(), ids, offsets, periods, target, numeric, categorical, statics);
        return new Result(panel, filledPeriods, imputedCells, imputedCovariates);
    }

    /**
     * The fill of a panel that has no missing period (sorted, unique periods, as many rows as its
     * span): only empty cells are imputed, and the columns without one are shared with {@code raw}
     * rather than copied, so a regular panel of millions of rows is not held twice.
     */
    private static Result fillCells(Panel raw, GapConfig config) {
        int n = raw.seriesCount();
        int[] imputedCells = new int[n];
        Panel out = raw;
        if (raw.hasMissingTarget()) {
            double[] target = raw.targetColumn();
            for (int s = 0; s < n; s++) {
                int before = countNaN(target, raw.rowStart(s), raw.rowEnd(s));
                Imputer.fill(target, raw.rowStart(s), raw.rowEnd(s), config.target());
                imputedCells[s] = before - countNaN(target, raw.rowStart(s), raw.rowEnd(s));
            }
            out = out.withTarget(target);
        }
        int[] imputedCovariates = new int[n];
        for (String name : raw.numericNames()) {
            if (!raw.hasMissing(name)) {
                continue;
            }
            double[] col = raw.numericColumn(name);
            for (int s = 0; s < n; s++) {
                imputedCovariates[s] += Imputer.fill(col, raw.rowStart(s), raw.rowEnd(s), config.covariates());
            }
            out = out.withNumeric(name, col);
        }
        return new Result(out, new int[n], imputedCells, imputedCovariates);
    }

    /** Two rows on one period would silently overwrite each other in the regular layout. */
    private static void requireSorted(Panel raw) {
        for (int s = 0; s < raw.seriesCount(); s++) {
            for (int r = raw.rowStart(s) + 1; r < raw.rowEnd(s); r++) {
                if (raw.period(r) <= raw.period(r - 1)) {
                    throw new DataException("series '" + raw.seriesId(s) + "' has " + raw.axis().date(raw.period(r))
                            + (raw.period(r) == raw.period(r - 1) ? " twice" : " after " + raw.axis().date(raw.period(r - 1)))
                            + "; each series needs one row per date, sorted by date");
                }
            }
        }
    }

    private static double[] scatter(double[] src, int[] dest, int rows) {
        double[] out = new double[rows];
        Arrays.fill(out, Double.NaN);
        for (int r = 0; r < src.length; r++) {
            out[dest[r]] = src[r];
        }
        return out;
    }

    private static boolean[] insertedRows(int[] dest, int rows) {
        boolean[] inserted = new boolean[rows];
        Arrays.fill(inserted, true);
        for (int d : dest) {
            inserted[d] = false;
        }
        return inserted;
    }

    private static int countNaN(double[] values, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                count++;
            }
        }
        return count;
    }
}
