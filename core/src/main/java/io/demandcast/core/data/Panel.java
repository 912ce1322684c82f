package io.demandcast.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Many time series held column-wise in primitive arrays (no boxed value per cell).
 *
 * <p>Rows of series {@code s} are {@code offsets[s] .. offsets[s+1]-1}, sorted by period; every
 * row-aligned column (target, numeric covariates, categorical covariates) uses that same layout.
 * Periods are indices on the panel's {@link TimeAxis}. A panel straight from CSV may have gaps;
 * a prepared panel is regular ({@link #isRegular()}). Missing cells are {@code NaN}.
 *
 * <p>A numeric column is stored as {@code double} values, or as {@code float} values when it was
 * added by {@link #withFloatNumeric}: prepare's derived features (calendar, lags, rolling
 * statistics, price features, the outlier flag) are, so that their memory is half that of a
 * {@code double} column. Every accessor widens float values to {@code double}; only
 * {@link #isFloat} and {@link #floatColumn} tell the storage apart (the binary codec writes it as is).
 *
 * <p>A panel is immutable: the constructor takes ownership of the arrays it is given (callers must
 * not change them afterwards) and every accessor returns a copy or an unmodifiable view.
 *
 * <p>A panel made by {@link #viewSeries} is a <em>view</em>: it shares the columns of the panel it was
 * cut from instead of copying the rows it keeps (a backtest window of the full M5 shape would
 * otherwise copy most of a 59 M-row panel once per window). A view looks exactly like a copy: its
 * rows are numbered {@code 0 .. rowCount()-1}, series by series, and every accessor answers as the
 * copy's would; only the columns of the panel it was cut from stay in memory. Row {@code r} of
 * series {@code s} of a view is row {@code r + shift[s]} of the shared columns.
 */
public final class Panel {
    private final TimeAxis axis;
    private final String[] seriesIds;
    private final int[] offsets;
    private final int[] periods;
    private final double[] target;
    private final Map<String, NumericColumn> numeric;
    private final Map<String, Categorical> categorical;
    private final Map<String, String[]> statics;
    private final Map<String, Integer> indexById;
    /** Null for a panel that owns its rows; for a view, per series: stored row = row + shift[series]. */
    private final int[] shift;
    /**
     * A view's categorical columns renumbered to its own rows, made when first asked for: callers
     * index {@link Categorical#codes()} by row, so a view cannot hand out the shared codes.
     * Only columns a caller reads are copied (4 bytes a row each), once per view.
     */
    private final Map<String, Categorical> viewCategorical;

    /**
     * @param axis        time axis of all series
     * @param seriesIds   one id per series, unique
     * @param offsets     {@code seriesIds.length + 1} row offsets, non-decreasing, first 0, last = row count
     * @param periods     period of each row, strictly increasing within a series
     * @param target      target value per row (NaN = missing)
     * @param numeric     numeric covariates/features per row, in a stable order
     * @param categorical categorical covariates per row
     * @param statics     static attributes, one value per series
     * @throws IllegalArgumentException when lengths do not agree or ids repeat
     */
    public Panel(TimeAxis axis, String[] seriesIds, int[] offsets, int[] periods, double[] target,
                 Map<String, double[]> numeric, Map<String, Categorical> categorical, Map<String, String[]> statics) {
        this(axis, seriesIds, offsets, periods, target, doubleColumns(numeric), categorical, statics, true);
    }

    /** The constructor behind every other: {@code numeric} in either storage. */
    private Panel(TimeAxis axis, String[] seriesIds, int[] offsets, int[] periods, double[] target,
                  Map<String, NumericColumn> numeric, Map<String, Categorical> categorical, Map<String, String[]> statics,
                  boolean checked) {
        this(axis, seriesIds, offsets, periods, target, numeric, categorical, statics, null);
    }

    /**
     * The constructor behind every other. With {@code shift} null the panel owns rows
     * {@code 0 .. periods.length-1} of its columns; with it, it is a view of some of them (see the class comment).
     */
    private Panel(TimeAxis axis, String[] seriesIds, int[] offsets, int[] periods, double[] target,
                  Map<String, NumericColumn> numeric, Map<String, Categorical> categorical, Map<String, String[]> statics,
                  int[] shift) {
        this.axis = Objects.requireNonNull(axis, "axis");
        this.seriesIds = Objects.requireNonNull(seriesIds, "seriesIds");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.periods = Objects.requireNonNull(periods, "periods");
        this.target = Objects.requireNonNull(target, "target");
        this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        this.statics = Collections.unmodifiableMap(new LinkedHashMap<>(statics));
        this.shift = shift;
        this.viewCategorical = shift == null ? Map.of() : new java.util.concurrent.ConcurrentHashMap<>();
        int n = seriesIds.length;
        int rows = periods.length;
        if (shift != null && shift.length != n) {
            throw new IllegalArgumentException("a view needs one row shift per series");
        }
        if (offsets.length != n + 1 || offsets[0] != 0 || (shift == null && offsets[n] != rows)) {
            throw new IllegalArgumentException("offsets must have " + (n + 1) + " entries from 0 to " + rows);
        }
        if (target.length != rows) {
            throw new IllegalArgumentException("target has " + target.length + " rows, periods " + rows);
        }
        this.numeric.forEach((name, col) -> {
            if (col.length() != rows) {
                throw new IllegalArgumentException("numeric column '" + name + "' has " + col.length() + " rows, expected " + rows);
            }
        });
        this.categorical.forEach((name, col) -> {
            if (col.codes().length != rows) {
                throw new IllegalArgumentException("categorical column '" + name + "' has " + col.codes().length + " rows, expected " + rows);
            }
        });
        this.statics.forEach((name, col) -> {
            if (col.length != n) {
                throw new IllegalArgumentException("static column '" + name + "' has " + col.length + " values, expected " + n);
            }
        });
        this.indexById = new HashMap<>(n * 2);
        for (int s = 0; s < n; s++) {
            if (offsets[s + 1] < offsets[s]) {
                throw new IllegalArgumentException("offsets decrease at series " + s);
            }
            if (indexById.put(seriesIds[s], s) != null) {
                throw new IllegalArgumentException("series id '" + seriesIds[s] + "' appears twice");
            }
        }
    }

    public TimeAxis axis() {
        return axis;
    }

    public Frequency frequency() {
        return axis.frequency();
    }

    public int seriesCount() {
        return seriesIds.length;
    }

    public int rowCount() {
        return offsets[offsets.length - 1];
    }

    /** True when this panel shares the columns of the panel it was cut from ({@link #viewSeries}). */
    public boolean isView() {
        return shift != null;
    }

    public String seriesId(int series) {
        return seriesIds[series];
    }

    public List<String> seriesIds() {
        return List.of(seriesIds);
    }

    /** Index of a series id, or -1. */
    public int indexOf(String seriesId) {
        Integer i = indexById.get(seriesId);
        return i == null ? -1 : i;
    }

    /** First row of a series. */
    public int rowStart(int series) {
        return offsets[series];
    }

    /** One past the last row of a series. */
    public int rowEnd(int series) {
        return offsets[series + 1];
    }

    public int length(int series) {
        return offsets[series + 1] - offsets[series];
    }

    public int firstPeriod(int series) {
        return periods[offsets[series] + shiftOf(series)];
    }

    public int lastPeriod(int series) {
        return periods[offsets[series + 1] - 1 + shiftOf(series)];
    }

    public int period(int row) {
        return periods[stored(row)];
    }

    public double target(int row) {
        return target[stored(row)];
    }

    /** The target values of one series, a copy. */
    public double[] values(int series) {
        int b = shiftOf(series);
        return Arrays.copyOfRange(target, offsets[series] + b, offsets[series + 1] + b);
    }

    /** The periods of one series, a copy. */
    public int[] periods(int series) {
        int b = shiftOf(series);
        return Arrays.copyOfRange(periods, offsets[series] + b, offsets[series + 1] + b);
    }

    /** The whole target column, a copy. */
    public double[] targetColumn() {
        if (shift == null) {
            return target.clone();
        }
        int[] rows = storedRows();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = target[rows[i]];
        }
        return out;
    }

    /** Every period, a copy. */
    public int[] periodColumn() {
        if (shift == null) {
            return periods.clone();
        }
        int[] rows = storedRows();
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = periods[rows[i]];
        }
        return out;
    }

    /** The row shift of a series: 0 unless this is a view. */
    private int shiftOf(int series) {
        return shift == null ? 0 : shift[series];
    }

    /** The stored row (index into the shared columns) of a row of this panel. */
    private int stored(int row) {
        return shift == null ? row : row + shift[seriesOfRow(row)];
    }

    /** The series a row belongs to: the one series whose offsets enclose it (empty series never do). */
    private int seriesOfRow(int row) {
        if (row < 0 || row >= rowCount()) {
            throw new ArrayIndexOutOfBoundsException("row " + row + " of a panel with " + rowCount() + " rows");
        }
        int lo = 0;
        int hi = seriesIds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid + 1] > row) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The stored row of every row of this panel, in order. */
    private int[] storedRows() {
        int[] rows = new int[rowCount()];
        for (int s = 0, k = 0; s < seriesIds.length; s++) {
            for (int r = offsets[s] + shiftOf(s), end = offsets[s + 1] + shiftOf(s); r < end; r++) {
                rows[k++] = r;
            }
        }
        return rows;
    }

    /** Row offsets, a copy ({@code seriesCount() + 1} entries). */
    public int[] offsets() {
        return offsets.clone();
    }

    public List<String> numericNames() {
        return List.copyOf(numeric.keySet());
    }

    public boolean hasNumeric(String name) {
        return numeric.containsKey(name);
    }

    /** A numeric column, a copy (float storage widened to double). */
    public double[] numericColumn(String name) {
        NumericColumn col = requireColumn(numeric, name, "numeric");
        return shift == null ? col.toDoubles(0, periods.length) : col.gather(storedRows()).toDoubles(0, rowCount());
    }

    /** A numeric covariate's value on a row. */
    public double numeric(String name, int row) {
        return requireColumn(numeric, name, "numeric").get(stored(row));
    }

    /** The values of a numeric column for one series, a copy. */
    public double[] numericValues(String name, int series) {
        int b = shiftOf(series);
        return requireColumn(numeric, name, "numeric").toDoubles(offsets[series] + b, offsets[series + 1] + b);
    }

    /** True when some row's target is missing (NaN). */
    public boolean hasMissingTarget() {
        for (int s = 0; s < seriesIds.length; s++) {
            for (int r = offsets[s] + shiftOf(s), end = offsets[s + 1] + shiftOf(s); r < end; r++) {
                if (Double.isNaN(target[r])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when some row of a numeric column is missing (NaN). */
    public boolean hasMissing(String name) {
        NumericColumn col = requireColumn(numeric, name, "numeric");
        for (int s = 0; s < seriesIds.length; s++) {
            for (int r = offsets[s] + shiftOf(s), end = offsets[s + 1] + shiftOf(s); r < end; r++) {
                if (Double.isNaN(col.get(r))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a numeric column is stored as float values (see {@link #withFloatNumeric}). */
    public boolean isFloat(String name) {
        return requireColumn(numeric, name, "numeric") instanceof FloatColumn;
    }

    /**
     * A float-stored numeric column, a copy.
     *
     * @throws IllegalArgumentException when the column is not stored as float values
     */
    public float[] floatColumn(String name) {
        if (requireColumn(numeric, name, "numeric") instanceof FloatColumn f) {
            return shift == null ? f.values().clone() : ((FloatColumn) f.gather(storedRows())).values();
        }
        throw new IllegalArgumentException("numeric column '" + name + "' is stored as double values, not float");
    }

    /** The stored float values of a column, not copied: for {@link NumericColumnSource} only, which never changes them. */
    float[] storedFloats(String name) {
        if (shift != null) {
            return floatColumn(name);
        }
        if (requireColumn(numeric, name, "numeric") instanceof FloatColumn f) {
            return f.values();
        }
        throw new IllegalArgumentException("numeric column '" + name + "' is stored as double values, not float");
    }

    /** The stored double values of a column, not copied: for {@link NumericColumnSource} only, which never changes them. */
    double[] storedDoubles(String name) {
        if (requireColumn(numeric, name, "numeric") instanceof DoubleColumn d) {
            return shift == null ? d.values() : numericColumn(name);
        }
        throw new IllegalArgumentException("numeric column '" + name + "' is stored as float values, not double");
    }

    /** The target, periods and offsets as stored, not copied: for {@link PanelCodec}'s writer only, which never changes them. */
    double[] storedTarget() {
        return shift == null ? target : targetColumn();
    }

    int[] storedPeriods() {
        return shift == null ? periods : periodColumn();
    }

    int[] storedOffsets() {
        return offsets;
    }

    public List<String> categoricalNames() {
        return List.copyOf(categorical.keySet());
    }

    /** A categorical column (its codes are shared; do not change them). */
    public Categorical categorical(String name) {
        Categorical col = requireColumn(categorical, name, "categorical");
        if (shift == null) {
            return col;
        }
        return viewCategorical.computeIfAbsent(name, k -> {
            int[] rows = storedRows();
            int[] codes = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                codes[i] = col.codes()[rows[i]];
            }
            return new Categorical(codes, col.levels());
        });
    }

    public List<String> staticNames() {
        return List.copyOf(statics.keySet());
    }

    public String staticValue(String name, int series) {
        return requireColumn(statics, name, "static")[series];
    }

    /** True when every series has one row per period from its first to its last, no gaps. */
    public boolean isRegular() {
        for (int s = 0; s < seriesIds.length; s++) {
            if (length(s) > 0 && lastPeriod(s) - firstPeriod(s) + 1 != length(s)) {
                return false;
            }
        }
        return true;
    }

    /** Earliest period of any series (0 for an empty panel). */
    public int minPeriod() {
        int min = Integer.MAX_VALUE;
        for (int s = 0; s < seriesIds.length; s++) {
            if (length(s) > 0) {
                min = Math.min(min, firstPeriod(s));
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** Latest period of any series (-1 for an empty panel). */
    public int maxPeriod() {
        int max = Integer.MIN_VALUE;
        for (int s = 0; s < seriesIds.length; s++) {
            if (length(s) > 0) {
                max = Math.max(max, lastPeriod(s));
            }
        }
        return max == Integer.MIN_VALUE ? -1 : max;
    }

    /** A panel with the target column replaced. */
    public Panel withTarget(double[] newTarget) {
        if (shift != null) {
            return copy().withTarget(newTarget);
        }
        return new Panel(axis, seriesIds, offsets, periods, newTarget, numeric, categorical, statics, true);
    }

    /** A panel with a numeric column added (or replaced, keeping its position). */
    public Panel withNumeric(String name, double[] column) {
        return withColumn(name, new DoubleColumn(column));
    }

    /**
     * A panel with a numeric column added (or replaced, keeping its position), stored as float
     * values: for derived features, whose float precision (about 7 significant digits) is plenty
     * and whose memory is then half. The panel owns {@code column}.
     */
    public Panel withFloatNumeric(String name, float[] column) {
        return withColumn(name, new FloatColumn(column));
    }

    /** As {@link #withFloatNumeric(String, float[])}, rounding double values to float. */
    public Panel withFloatNumeric(String name, double[] column) {
        float[] values = new float[column.length];
        for (int i = 0; i < column.length; i++) {
            values[i] = (float) column[i];
        }
        return withFloatNumeric(name, values);
    }

    private Panel withColumn(String name, NumericColumn column) {
        if (shift != null) {
            return copy().withColumn(name, column);
        }
        Map<String, NumericColumn> copy = new LinkedHashMap<>(numeric);
        copy.put(name, column);
        return new Panel(axis, seriesIds, offsets, periods, target, copy, categorical, statics, true);
    }

    /** A panel with a categorical column added (or replaced, keeping its position). */
    public Panel withCategorical(String name, Categorical column) {
        if (shift != null) {
            return copy().withCategorical(name, column);
        }
        Map<String, Categorical> copy = new LinkedHashMap<>(categorical);
        copy.put(name, column);
        return new Panel(axis, seriesIds, offsets, periods, target, numeric, copy, statics, true);
    }

    /** A panel with a static column (one value per series) added (or replaced, keeping its position). */
    public Panel withStatic(String name, String[] values) {
        if (shift != null) {
            return copy().withStatic(name, values);
        }
        Map<String, String[]> copy = new LinkedHashMap<>(statics);
        copy.put(name, values.clone());
        return new Panel(axis, seriesIds, offsets, periods, target, numeric, categorical, copy, true);
    }

    /** A panel without the named numeric column. */
    public Panel withoutNumeric(String name) {
        if (shift != null) {
            return copy().withoutNumeric(name);
        }
        Map<String, NumericColumn> copy = new LinkedHashMap<>(numeric);
        copy.remove(name);
        return new Panel(axis, seriesIds, offsets, periods, target, copy, categorical, statics, true);
    }

    /** A panel without the named categorical column. */
    public Panel withoutCategorical(String name) {
        if (shift != null) {
            return copy().withoutCategorical(name);
        }
        Map<String, Categorical> copy = new LinkedHashMap<>(categorical);
        copy.remove(name);
        return new Panel(axis, seriesIds, offsets, periods, target, numeric, copy, statics, true);
    }

    /** A panel with series ids replaced one for one (anonymisation). */
    public Panel withSeriesIds(String[] newIds) {
        if (newIds.length != seriesIds.length) {
            throw new IllegalArgumentException("expected " + seriesIds.length + " ids, got " + newIds.length);
        }
        return new Panel(axis, newIds.clone(), offsets, periods, target, numeric, categorical, statics, shift);
    }

    /** Rows with {@code from <= period <= to} of every series (series left empty stay, with length 0). */
    public Panel slice(int fromPeriod, int toPeriod) {
        int n = seriesIds.length;
        int[] keep = new int[rowCount()];
        int[] newOffsets = new int[n + 1];
        int k = 0;
        for (int s = 0; s < n; s++) {
            for (int r = offsets[s] + shiftOf(s), end = offsets[s + 1] + shiftOf(s); r < end; r++) {
                if (periods[r] >= fromPeriod && periods[r] <= toPeriod) {
                    keep[k++] = r;
                }
            }
            newOffsets[s + 1] = k;
        }
        return gather(Arrays.copyOf(keep, k), seriesIds, newOffsets);
    }

    /** Rows up to and including a period. */
    public Panel sliceUntil(int toPeriod) {
        return slice(Integer.MIN_VALUE, toPeriod);
    }

    /** Only the given series, in the given order. */
    public Panel select(int[] series) {
        int[] from = new int[series.length];
        int[] to = new int[series.length];
        Arrays.fill(from, Integer.MIN_VALUE);
        Arrays.fill(to, Integer.MAX_VALUE);
        return sliceSeries(series, from, to);
    }

    /**
     * Only the given series, in the given order, each cut to its own period range
     * {@code from[i] <= period <= to[i]} (a series may come out empty), in arrays of its own
     * ({@link #viewSeries} shares this panel's instead).
     *
     * @throws IllegalArgumentException when the three arrays differ in length
     */
    public Panel sliceSeries(int[] series, int[] from, int[] to) {
        Cut cut = cut(series, from, to, "sliceSeries");
        int[] firstKept = cut.firstKept();
        int[] newOffsets = cut.offsets();
        int[] keep = new int[newOffsets[series.length]];
        int k = 0;
        for (int i = 0; i < series.length; i++) {
            for (int r = firstKept[i], n = newOffsets[i + 1] - newOffsets[i]; n > 0; r++, n--) {
                keep[k++] = r;
            }
        }
        return gather(keep, cut.ids(), newOffsets, staticsOf(series));
    }

    /**
     * As {@link #sliceSeries}, but a view: the rows kept are not copied, the result shares this
     * panel's columns (see the class comment). For backtest windows, which keep most rows of every
     * series and would otherwise copy the panel once per window; a view of a view shares the same columns.
     *
     * @throws IllegalArgumentException when the three arrays differ in length
     */
    public Panel viewSeries(int[] series, int[] from, int[] to) {
        Cut cut = cut(series, from, to, "viewSeries");
        int[] newShift = new int[series.length];
        for (int i = 0; i < series.length; i++) {
            newShift[i] = cut.firstKept()[i] - cut.offsets()[i];
        }
        return new Panel(axis, cut.ids(), cut.offsets(), periods, target, numeric, categorical, staticsOf(series), newShift);
    }

    /** This panel's rows in arrays of its own: a view's copy, or this panel when it is not a view. */
    public Panel copy() {
        if (shift == null) {
            return this;
        }
        return gather(storedRows(), seriesIds, offsets, statics);
    }

    /** The rows of each series a cut keeps: ids, new offsets, and the first stored row kept of each series. */
    private record Cut(String[] ids, int[] offsets, int[] firstKept) {
    }

    private Cut cut(int[] series, int[] from, int[] to, String what) {
        if (from.length != series.length || to.length != series.length) {
            throw new IllegalArgumentException(what + " needs one range per series (" + series.length + " series, "
                    + from.length + " starts, " + to.length + " ends)");
        }
        String[] ids = new String[series.length];
        int[] newOffsets = new int[series.length + 1];
        // Periods increase within a series, so each series keeps one run of rows, found by binary
        // search: the row list is sized to what is kept, not to the whole panel (predict keeps 28
        // rows of each 1,941-row series, or none).
        int[] firstKept = new int[series.length];
        for (int i = 0; i < series.length; i++) {
            int s = series[i];
            ids[i] = seriesIds[s];
            int first = firstRowAtOrAfter(s, from[i]);
            int end = to[i] == Integer.MAX_VALUE ? offsets[s + 1] + shiftOf(s) : firstRowAtOrAfter(s, to[i] + 1);
            firstKept[i] = first;
            newOffsets[i + 1] = newOffsets[i] + Math.max(0, end - first);
        }
        return new Cut(ids, newOffsets, firstKept);
    }

    private Map<String, String[]> staticsOf(int[] series) {
        Map<String, String[]> newStatics = new LinkedHashMap<>();
        statics.forEach((name, col) -> {
            String[] vals = new String[series.length];
            for (int i = 0; i < series.length; i++) {
                vals[i] = col[series[i]];
            }
            newStatics.put(name, vals);
        });
        return newStatics;
    }

    /** The first stored row of {@code series} whose period is at least {@code period} (its end row when none is). */
    private int firstRowAtOrAfter(int series, int period) {
        int b = shiftOf(series);
        if (period == Integer.MIN_VALUE) {
            return offsets[series] + b;
        }
        int i = Arrays.binarySearch(periods, offsets[series] + b, offsets[series + 1] + b, period);
        return i >= 0 ? i : -i - 1;
    }

    /** A panel of its own from stored rows (indices into this panel's shared columns). */
    private Panel gather(int[] rows, String[] ids, int[] newOffsets) {
        return gather(rows, ids, newOffsets, statics);
    }

    private Panel gather(int[] rows, String[] ids, int[] newOffsets, Map<String, String[]> newStatics) {
        int[] p = new int[rows.length];
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = periods[rows[i]];
            t[i] = target[rows[i]];
        }
        Map<String, NumericColumn> num = new LinkedHashMap<>();
        numeric.forEach((name, col) -> num.put(name, col.gather(rows)));
        Map<String, Categorical> cat = new LinkedHashMap<>();
        categorical.forEach((name, col) -> {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = col.codes()[rows[i]];
            }
            cat.put(name, new Categorical(out, col.levels()));
        });
        return new Panel(axis, ids.clone(), newOffsets, p, t, num, cat, newStatics, true);
    }

    private static Map<String, NumericColumn> doubleColumns(Map<String, double[]> columns) {
        Map<String, NumericColumn> out = new LinkedHashMap<>();
        columns.forEach((name, values) -> out.put(name, new DoubleColumn(Objects.requireNonNull(values, name))));
        return out;
    }

    /** A numeric column in one of its two storages. */
    private sealed interface NumericColumn permits DoubleColumn, FloatColumn {
        int length();

        double get(int row);

        /** Rows {@code from..to-1} as doubles, a new array. */
        double[] toDoubles(int from, int to);

        /** The given rows, in the same storage. */
        NumericColumn gather(int[] rows);
    }

    private record DoubleColumn(double[] values) implements NumericColumn {
        public int length() {
            return values.length;
        }

        public double get(int row) {
            return values[row];
        }

        public double[] toDoubles(int from, int to) {
            return Arrays.copyOfRange(values, from, to);
        }

        public NumericColumn gather(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new DoubleColumn(out);
        }
    }

    private record FloatColumn(float[] values) implements NumericColumn {
        public int length() {
            return values.length;
        }

        public double get(int row) {
            return values[row];
        }

        public double[] toDoubles(int from, int to) {
            double[] out = new double[to - from];
            for (int i = from; i < to; i++) {
                out[i - from] = values[i];
            }
            return out;
        }

        public NumericColumn gather(int[] rows) {
            float[] out = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new FloatColumn(out);
        }
    }

    private static <T> T requireColumn(Map<String, T> columns, String name, String kind) {
        T col = columns.get(name);
        if (col == null) {
            throw new IllegalArgumentException("no " + kind + " column '" + name + "'; the panel has " + columns.keySet());
        }
        return col;
    }
}
