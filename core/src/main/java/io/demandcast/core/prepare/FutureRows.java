package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.FutureCovariates;
import io.demandcast.core.data.Panel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a series after its last observed target value: periods whose covariates are given (the
 * planned price, promotion, calendar) but whose demand is not known yet. They are kept apart from
 * the history, so cleaning, outliers, splits, scalers and quality never see them and the history
 * comes out exactly as it would without them.
 *
 * <p>The future rows are derived as the history is, across the boundary: the series with its future
 * rows is made regular and its covariates filled by {@code prepare.gaps.covariates} (a price carries
 * forward into the future), aggregated, and given the same calendar, lag, rolling and price features
 * (a price change on the first future period compares with the last history price). The target is
 * never imputed there: it stays NaN. The history's scalers are then applied, so future values share
 * the history's units.
 */
final class FutureRows {
    private FutureRows() {
    }

    /**
     * The raw rows up to each series' last non-missing target value (a series with no target value
     * at all is kept whole), or {@code raw} itself when no series has rows after that.
     */
    static Panel history(Panel raw) {
        int n = raw.seriesCount();
        int[] series = new int[n];
        int[] from = new int[n];
        int[] to = new int[n];
        boolean any = false;
        for (int s = 0; s < n; s++) {
            series[s] = s;
            from[s] = Integer.MIN_VALUE;
            to[s] = Integer.MAX_VALUE;
            int last = lastObserved(raw, s);
            if (last >= 0 && last < raw.rowEnd(s) - 1) {
                to[s] = raw.period(last);
                any = true;
            }
        }
        return any ? raw.sliceSeries(series, from, to) : raw;
    }

    /**
     * The prepared future rows: for each series of {@code history} (same order, ids before
     * anonymisation), the rows of {@code raw} after its last history period, derived as described
     * above, with exactly the history's columns (a column the future cannot have, such as the
     * outlier flag, is NaN) and a NaN target. Series without future rows are present with no rows.
     *
     * @param raw         every raw row, history and future
     * @param rawHistory  {@link #history(Panel) the raw history}, to tell the future rows apart before aggregation
     * @param history     the prepared history (before anonymisation)
     * @param censored    the history's censored periods (see {@link Censoring}), same series order
     */
    static Panel prepare(Panel raw, Panel rawHistory, PreparedPanel history, PrepareConfig config, List<ScalerParams> scalers,
                         Censoring.Marked censored) {
        // The history's censored periods stay empty here too, so a lag or rolling feature of a future row never reads a
        // sale made without stock (a stock column is dropped from raw by the caller).
        Panel full = Censoring.emptyTargets(GapFiller.fill(raw, config.gaps()).panel(), censored);
        double[] target = full.targetColumn();
        for (int s = 0; s < full.seriesCount(); s++) {
            int end = rawHistory.lastPeriod(s);
            for (int r = full.rowStart(s); r < full.rowEnd(s); r++) {
                if (full.period(r) > end) {
                    target[r] = Double.NaN;
                }
            }
        }
        full = full.withTarget(target);
        if (config.aggregateFrequency() != null && config.aggregateFrequency() != full.frequency()) {
            full = Aggregator.aggregate(full, config.aggregateFrequency());
        }
        full = Preparer.addFeatures(full, config.features());

        int n = history.base().seriesCount();
        int[] series = new int[n];
        int[] from = new int[n];
        int[] to = new int[n];
        for (int s = 0; s < n; s++) {
            series[s] = s;
            from[s] = history.base().lastPeriod(s) + 1;
            to[s] = Integer.MAX_VALUE;
        }
        Panel future = full.sliceSeries(series, from, to);
        double[] unknown = new double[future.rowCount()];
        Arrays.fill(unknown, Double.NaN);
        future = future.withTarget(unknown);
        return FeatureScaler.apply(alignColumns(future, history), scalers);
    }

    /** {@code future} with the numeric columns of {@code history}, in its order; those it lacks are NaN. */
    private static Panel alignColumns(Panel future, PreparedPanel history) {
        Panel out = future;
        for (String name : future.numericNames()) {
            if (!history.hasNumeric(name)) {
                out = out.withoutNumeric(name);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : history.numericNames()) {
            double[] col;
            if (out.hasNumeric(name)) {
                col = out.numericColumn(name);
            } else {
                col = new double[out.rowCount()];
                Arrays.fill(col, Double.NaN);
            }
            columns.put(name, col);
        }
        List<String> names = new ArrayList<>(out.numericNames());
        for (String name : names) {
            out = out.withoutNumeric(name);
        }
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            // Stored as the history stores it, so a future feature rounds as the history's did.
            out = history.isFloat(e.getKey()) ? out.withFloatNumeric(e.getKey(), e.getValue()) : out.withNumeric(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The raw history with further rows appended from another raw panel (a {@code predict.future}
     * file): for each series of {@code history}, the rows of {@code extra} with the same id dated
     * after the series' last history period. Their target is NaN (a target in the file is ignored);
     * numeric and categorical columns {@code extra} lacks are missing; statics are the history's.
     * Series of {@code extra} that {@code history} lacks are ignored.
     *
     * @param source the file {@code extra} was read from, for messages
     * @throws io.demandcast.core.data.DataException naming the file when a date does not fit the history's periods
     */
    static Panel append(Panel history, Panel extra, String source) {
        int[] periods = new int[extra.rowCount()];
        for (int s = 0; s < extra.seriesCount(); s++) {
            for (int r = extra.rowStart(s); r < extra.rowEnd(s); r++) {
                LocalDate date = extra.axis().date(extra.period(r));
                if (!history.axis().fits(date)) {
                    throw new DataException(source + ": series '" + extra.seriesId(s) + "' has " + date + ", which is not a "
                            + history.frequency().label() + " period of the data (" + history.axis().describeAnchor() + ")");
                }
                periods[r] = history.axis().period(date);
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        extra.numericNames().forEach(name -> numeric.put(name, extra.numericColumn(name)));
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        extra.categoricalNames().forEach(name -> categorical.put(name, extra.categorical(name)));
        double[] unknown = new double[extra.rowCount()];
        Arrays.fill(unknown, Double.NaN);
        Panel onAxis = new Panel(history.axis(), extra.seriesIds().toArray(String[]::new), extra.offsets(), periods, unknown,
                numeric, categorical, Map.of());
        return FutureCovariates.append(history, onAxis);
    }

    private static int lastObserved(Panel raw, int s) {
        for (int r = raw.rowEnd(s) - 1; r >= raw.rowStart(s); r--) {
            if (!Double.isNaN(raw.target(r))) {
                return r;
            }
        }
        return -1;
    }
}
