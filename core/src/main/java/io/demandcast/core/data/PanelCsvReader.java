package io.demandcast.core.data;

import io.demandcast.core.config.DataConfig.Duplicates;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.config.SchemaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads long-format CSV ({@code series key..., date, target, covariates...}, one row per series and
 * period) into a {@link Panel}. Several files are read in order and concatenated (train, then a
 * later extract). Rows may come in any order; each series is sorted by date. A
 * {@link SeriesSelection} ({@code data.series}) decides on the first row of each series whether it
 * is read; the rows of the others are skipped before their dates and values are parsed.
 *
 * <p>Files are opened by {@link CsvSource} (UTF-8, BOM, CRLF, trimmed fields) and their cells parsed
 * as {@link DataFormat} says ({@code data.format}). Monthly and quarterly dates may fall on any day
 * of the month: unless every row uses one day (1 to 28), which then labels the periods as before,
 * each date is moved to the first of its month, so month-end exports and transaction dates read.
 * Two rows of a series in one period are handled by {@link Duplicates} ({@code data.duplicates}).
 * Weekly dates are not moved: a week has no convention to assume (ISO Monday, US Sunday, a retail
 * week ending Saturday), so every row must fall on the weekday of the earliest date.
 *
 * <p>Every problem is a {@link DataException} whose message starts {@code file:line:column:} and
 * names the bad value: a missing column, an unparsable date or number, a duplicate (series, date),
 * a date that does not fit the frequency. Empty cells (and {@code NA}) are missing (NaN).
 */
public final class PanelCsvReader {
    private static final String KEY_SEPARATOR = "/";

    private final SchemaConfig schema;
    private final Frequency frequency;
    private final SeriesSelection selection;
    private final boolean valuesOptional;
    private final DataFormat format;
    private final Duplicates duplicates;

    /**
     * @param schema    column roles
     * @param frequency the frequency, or null to infer it from the smallest gap between dates
     */
    public PanelCsvReader(SchemaConfig schema, Frequency frequency) {
        this(schema, frequency, SeriesSelection.ALL);
    }

    /**
     * A reader that keeps only the series whose key passes {@code keepSeries}; the rows of other
     * series are skipped unparsed, so a file may mix series of other frequencies (the M3 files do).
     */
    public PanelCsvReader(SchemaConfig schema, Frequency frequency, Predicate<String> keepSeries) {
        this(schema, frequency, SeriesSelection.matching(keepSeries));
    }

    /**
     * A reader that keeps only the series {@code selection} keeps, deciding on the first row of each
     * series; the rows of other series are skipped unparsed (before frequency inference).
     *
     * @throws DataException (on {@link #read}) when the selection keeps none of the series read
     */
    public PanelCsvReader(SchemaConfig schema, Frequency frequency, SeriesSelection selection) {
        this(schema, frequency, selection, false);
    }

    private PanelCsvReader(SchemaConfig schema, Frequency frequency, SeriesSelection selection, boolean valuesOptional,
                           DataFormat format, Duplicates duplicates) {
        this.schema = schema;
        this.frequency = frequency;
        this.selection = selection;
        this.valuesOptional = valuesOptional;
        this.format = format;
        this.duplicates = duplicates;
    }

    private PanelCsvReader(SchemaConfig schema, Frequency frequency, SeriesSelection selection, boolean valuesOptional) {
        this(schema, frequency, selection, valuesOptional, DataFormat.DEFAULT, Duplicates.error);
    }

    /** This reader for files written in {@code format} ({@code data.format}), combining rows of one period by {@code duplicates}. */
    public PanelCsvReader with(DataFormat format, Duplicates duplicates) {
        return new PanelCsvReader(schema, frequency, selection, valuesOptional, format, duplicates);
    }

    /**
     * A reader of future rows ({@code predict.future}): the same long format, but the target, the
     * covariate, categorical and static columns may be absent (their cells read as missing), since
     * such a file holds the known covariates of periods whose target is not known yet.
     */
    public static PanelCsvReader forFutureRows(SchemaConfig schema, Frequency frequency) {
        return new PanelCsvReader(schema, frequency, SeriesSelection.ALL, true);
    }

    /** Reads one or more files into one panel. */
    public Panel read(List<Path> files) {
        if (files.isEmpty()) {
            throw new DataException("no input files given (data.files is empty)");
        }
        Rows rows = new Rows(schema.numericColumns().size(), schema.categoricalColumns().size());
        Map<String, Integer> seriesIndex = new LinkedHashMap<>();
        List<String[]> staticValues = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (int c = 0; c < schema.categoricalColumns().size(); c++) {
            levels.add(new HashMap<>());
        }
        Set<String> skipped = new HashSet<>();
        FileColumns[] columns = new FileColumns[files.size()];
        CellFormat cells = new CellFormat(format);
        for (int f = 0; f < files.size(); f++) {
            columns[f] = readFile(files.get(f), f, cells, rows, seriesIndex, skipped, staticValues, levels);
        }
        selection.check(seriesIndex.keySet(), skipped.size(), files);
        return assemble(files, columns, rows, seriesIndex, staticValues, levels);
    }

    /** Where a file has the date and value columns (0-based), for messages about rows met later. */
    private record FileColumns(int date, int[] numeric, int[] categorical) {
    }

    /** Reads one file's rows into {@code rows}; returns where its columns are. */
    private FileColumns readFile(Path file, int fileIndex, CellFormat cells, Rows rows, Map<String, Integer> seriesIndex, Set<String> skipped,
                                 List<String[]> staticValues, List<Map<String, Integer>> levels) {
        String name = file.toString();
        try (CSVParser parser = CsvSource.open(file, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw DataException.at(name, 1, 1, "empty file: expected a header line naming the columns ("
                        + String.join(format.delimiter(), schema.id()) + format.delimiter() + schema.date() + format.delimiter() + schema.target() + ", ...)");
            }
            int[] idCols = columns(name, header, schema.id());
            int dateCol = column(name, header, schema.date());
            int targetCol = valueColumn(name, header, schema.target());
            int[] covCols = valueColumns(name, header, schema.numericColumns());
            int[] catCols = valueColumns(name, header, schema.categoricalColumns());
            int[] staticCols = valueColumns(name, header, schema.statics());
            Map<String, Integer> dayCache = new HashMap<>();
            StringBuilder key = new StringBuilder();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw DataException.at(name, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields, found " + record.size());
                }
                key.setLength(0);
                for (int i = 0; i < idCols.length; i++) {
                    if (i > 0) {
                        key.append(KEY_SEPARATOR);
                    }
                    String part = record.get(idCols[i]);
                    if (part.isEmpty()) {
                        throw DataException.at(name, line, idCols[i] + 1, "empty series key in column '" + schema.id().get(i) + "'");
                    }
                    key.append(part);
                }
                String id = key.toString();
                Integer series = seriesIndex.get(id);
                if (series == null) {
                    // A series is kept or skipped on its first row, once: its statics are fixed.
                    if (skipped.contains(id)) {
                        continue;
                    }
                    String[] statics = new String[staticCols.length];
                    for (int i = 0; i < staticCols.length; i++) {
                        statics[i] = cell(record, staticCols[i]);
                    }
                    if (!selection.keeps(id, statics)) {
                        skipped.add(id);
                        continue;
                    }
                    series = seriesIndex.size();
                    seriesIndex.put(id, series);
                    staticValues.add(statics);
                } else {
                    String[] statics = staticValues.get(series);
                    for (int i = 0; i < staticCols.length; i++) {
                        if (!statics[i].equals(cell(record, staticCols[i]))) {
                            throw DataException.at(name, line, staticCols[i] + 1, "static column '" + schema.statics().get(i)
                                    + "' changes within series '" + id + "' ('" + statics[i] + "' then '" + record.get(staticCols[i]) + "')");
                        }
                    }
                }
                int day = parseDay(record.get(dateCol), dayCache, cells, name, line, dateCol);
                double target = cells.number(cell(record, targetCol), name, line, targetCol, schema.target());
                int r = rows.add(series, day, target, fileIndex, line);
                for (int i = 0; i < covCols.length; i++) {
                    rows.covariates[i][r] = cells.number(cell(record, covCols[i]), name, line, covCols[i], schema.numericColumns().get(i));
                }
                for (int i = 0; i < catCols.length; i++) {
                    String level = cell(record, catCols[i]);
                    if (level.isEmpty() || level.equals("NA")) {
                        rows.categorical[i][r] = Categorical.MISSING;
                    } else {
                        Map<String, Integer> dict = levels.get(i);
                        Integer code = dict.get(level);
                        if (code == null) {
                            code = dict.size();
                            dict.put(level, code);
                        }
                        rows.categorical[i][r] = code;
                    }
                }
            }
            return new FileColumns(dateCol, covCols, catCols);
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way; it is bad input, not an I/O failure.
            throw new DataException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    /** A value column's index; -1 when it is absent and this reader lets values be absent. */
    private int valueColumn(String file, Map<String, Integer> header, String name) {
        return valuesOptional && !header.containsKey(name) ? -1 : column(file, header, name);
    }

    private int[] valueColumns(String file, Map<String, Integer> header, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = valueColumn(file, header, names.get(i));
        }
        return out;
    }

    private static String cell(CSVRecord record, int column) {
        return column < 0 ? "" : record.get(column);
    }

    private int column(String file, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        if (index == null) {
            throw DataException.at(file, 1, header.size() + 1, "missing column '" + name + "' (found: " + String.join(", ", header.keySet()) + ")"
                    + delimiterHint(header));
        }
        return index;
    }

    /** A header read as one column that another delimiter would split: the file's delimiter is not the one configured. */
    private String delimiterHint(Map<String, Integer> header) {
        if (header.size() != 1) {
            return "";
        }
        String only = header.keySet().iterator().next();
        for (char d : new char[] {';', ',', '\t', '|'}) {
            if (d != format.delimiterChar() && only.indexOf(d) >= 0) {
                String shown = d == '\t' ? "\\t" : String.valueOf(d);
                return "; the header looks '" + shown + "'-separated: set data.format.delimiter: '" + shown + "'";
            }
        }
        return "";
    }

    private int[] columns(String file, Map<String, Integer> header, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column(file, header, names.get(i));
        }
        return out;
    }

    private int parseDay(String text, Map<String, Integer> cache, CellFormat cells, String file, long line, int col) {
        Integer day = cache.get(text);
        if (day == null) {
            day = Math.toIntExact(cells.date(text, file, line, col, schema.date()).toEpochDay());
            cache.put(text, day);
        }
        return day;
    }

    private Panel assemble(List<Path> files, FileColumns[] columns, Rows rows, Map<String, Integer> seriesIndex, List<String[]> staticValues,
                           List<Map<String, Integer>> levels) {
        int n = seriesIndex.size();
        if (rows.size == 0) {
            throw DataException.at(files.get(files.size() - 1).toString(), 2, 1, "no data rows: the file has a header line only");
        }
        // Counting sort by series keeps the per-series order of the files; a series is then sorted by day only if needed.
        int[] offsets = new int[n + 1];
        for (int r = 0; r < rows.size; r++) {
            offsets[rows.series[r] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] order = new int[rows.size];
        int[] next = Arrays.copyOf(offsets, n);
        for (int r = 0; r < rows.size; r++) {
            order[next[rows.series[r]]++] = r;
        }
        for (int s = 0; s < n; s++) {
            sortByDay(order, offsets[s], offsets[s + 1], rows);
        }
        String[] ids = seriesIndex.keySet().toArray(String[]::new);
        if (duplicates == Duplicates.error) {
            // Rows on the very same date are refused before the frequency is inferred: they are the likelier mistake.
            combineDuplicates(files, columns, rows, Arrays.copyOf(rows.day, rows.size), order, offsets, ids, Frequency.DAILY);
        }
        Frequency freq = frequency(files, rows, order, offsets);
        int[] periodDay = periodStarts(freq, rows);
        int total = combineDuplicates(files, columns, rows, periodDay, order, offsets, ids, freq);
        int minDay = Integer.MAX_VALUE;
        for (int i = 0; i < total; i++) {
            minDay = Math.min(minDay, periodDay[order[i]]);
        }
        TimeAxis axis;
        try {
            axis = new TimeAxis(freq, LocalDate.ofEpochDay(minDay));
        } catch (IllegalArgumentException e) {
            throw new DataException(files.get(0) + ": " + e.getMessage(), e);
        }
        int[] periods = new int[total];
        double[] target = new double[total];
        for (int i = 0; i < total; i++) {
            int r = order[i];
            LocalDate date = LocalDate.ofEpochDay(periodDay[r]);
            if (!axis.fits(date)) {
                throw DataException.at(files.get(rows.file[r]).toString(), rows.line[r], columns[rows.file[r]].date() + 1, "date "
                        + LocalDate.ofEpochDay(rows.day[r]) + " does not fit " + axis.frequency().label() + " data (" + axis.describeAnchor()
                        + "); fix the date or set data.frequency");
            }
            periods[i] = axis.period(date);
            target[i] = rows.target[r];
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (int c = 0; c < schema.numericColumns().size(); c++) {
            double[] col = new double[total];
            for (int i = 0; i < total; i++) {
                col[i] = rows.covariates[c][order[i]];
            }
            numeric.put(schema.numericColumns().get(c), col);
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (int c = 0; c < schema.categoricalColumns().size(); c++) {
            int[] codes = new int[total];
            for (int i = 0; i < total; i++) {
                codes[i] = rows.categorical[c][order[i]];
            }
            String[] names = new String[levels.get(c).size()];
            levels.get(c).forEach((level, code) -> names[code] = level);
            categorical.put(schema.categoricalColumns().get(c), new Categorical(codes, List.of(names)));
        }
        Map<String, String[]> statics = new LinkedHashMap<>();
        for (int c = 0; c < schema.statics().size(); c++) {
            String[] col = new String[n];
            for (int s = 0; s < n; s++) {
                col[s] = staticValues.get(s)[c];
            }
            statics.put(schema.statics().get(c), col);
        }
        return new Panel(axis, ids, offsets, periods, target, numeric, categorical, statics);
    }

    /**
     * The day that labels each row's period: the date itself, except for monthly and quarterly data
     * whose rows do not all fall on one day from 1 to 28, where it is the first of the date's month.
     */
    private static int[] periodStarts(Frequency freq, Rows rows) {
        int[] out = Arrays.copyOf(rows.day, rows.size);
        if (freq != Frequency.MONTHLY && freq != Frequency.QUARTERLY) {
            return out;
        }
        int dayOfMonth = LocalDate.ofEpochDay(rows.day[0]).getDayOfMonth();
        boolean oneDay = dayOfMonth <= 28;
        for (int r = 1; r < rows.size && oneDay; r++) {
            oneDay = LocalDate.ofEpochDay(rows.day[r]).getDayOfMonth() == dayOfMonth;
        }
        if (!oneDay) {
            for (int r = 0; r < rows.size; r++) {
                out[r] = Math.toIntExact(LocalDate.ofEpochDay(rows.day[r]).withDayOfMonth(1).toEpochDay());
            }
        }
        return out;
    }

    /**
     * Applies {@code data.duplicates} to rows of a series in one period: refuses them, sums them
     * into the first, or keeps the row read last. Compacts {@code order} and {@code offsets} to the
     * rows kept and returns their count. {@code order} is sorted by day within each series, and
     * moving dates to their period start keeps that order, so one period's rows are adjacent.
     */
    private int combineDuplicates(List<Path> files, FileColumns[] columns, Rows rows, int[] periodDay, int[] order, int[] offsets,
                                  String[] ids, Frequency freq) {
        int kept = 0;
        for (int s = 0; s + 1 < offsets.length; s++) {
            int from = offsets[s];
            int to = offsets[s + 1];
            offsets[s] = kept;
            int i = from;
            while (i < to) {
                int j = i + 1;
                while (j < to && periodDay[order[j]] == periodDay[order[i]]) {
                    j++;
                }
                int row = order[i];
                if (j - i > 1) {
                    row = combine(files, columns, rows, periodDay, order, i, j, ids[s], freq);
                }
                order[kept++] = row;
                i = j;
            }
        }
        offsets[offsets.length - 1] = kept;
        return kept;
    }

    /** The one row the rows {@code order[from..to)} of one series and period make. */
    private int combine(List<Path> files, FileColumns[] columns, Rows rows, int[] periodDay, int[] order, int from, int to,
                        String id, Frequency freq) {
        // Rows in the order read: by file, then line (row numbers grow as rows are read).
        int[] group = Arrays.copyOfRange(order, from, to);
        Arrays.sort(group);
        int first = group[0];
        int second = group[1];
        String where = files.get(rows.file[first]) + ":" + rows.line[first];
        switch (duplicates) {
            case error -> {
                boolean moved = rows.day[second] != rows.day[first];
                throw DataException.at(files.get(rows.file[second]).toString(), rows.line[second], columns[rows.file[second]].date() + 1,
                        "duplicate row for series '" + id + "' on " + LocalDate.ofEpochDay(rows.day[second])
                                + (moved ? " (same " + freq.label().replace("ly", "") + " as " + LocalDate.ofEpochDay(rows.day[first]) + " at " + where + ")"
                                        : " (first at " + where + ")")
                                + "; set data.duplicates: sum or last to combine such rows");
            }
            case last -> {
                return group[group.length - 1];
            }
            case sum -> {
                double total = Double.NaN;
                for (int r : group) {
                    if (!Double.isNaN(rows.target[r])) {
                        total = Double.isNaN(total) ? rows.target[r] : total + rows.target[r];
                    }
                }
                rows.target[first] = total;
                // Summing a price or a promotion flag would be nonsense and picking one would hide a
                // conflict, so the other columns must agree (a missing cell agrees with any value).
                for (int c = 0; c < rows.covariates.length; c++) {
                    double[] col = rows.covariates[c];
                    for (int r : group) {
                        if (Double.isNaN(col[first])) {
                            col[first] = col[r];
                        } else if (!Double.isNaN(col[r]) && col[r] != col[first]) {
                            throw disagree(files, rows, r, columns[rows.file[r]].numeric()[c], schema.numericColumns().get(c), id,
                                    String.valueOf(col[r]), String.valueOf(col[first]), group);
                        }
                    }
                }
                for (int c = 0; c < rows.categorical.length; c++) {
                    int[] col = rows.categorical[c];
                    for (int r : group) {
                        if (col[first] == Categorical.MISSING) {
                            col[first] = col[r];
                        } else if (col[r] != Categorical.MISSING && col[r] != col[first]) {
                            throw disagree(files, rows, r, columns[rows.file[r]].categorical()[c], schema.categoricalColumns().get(c), id,
                                    "code " + col[r], "code " + col[first], group);
                        }
                    }
                }
                return first;
            }
            default -> throw new IllegalStateException("unknown duplicates policy " + duplicates);
        }
    }

    private static DataException disagree(List<Path> files, Rows rows, int r, int column, String name, String id, String value,
                                          String kept, int[] group) {
        StringBuilder lines = new StringBuilder();
        for (int g : group) {
            if (g != r) {
                lines.append(lines.length() == 0 ? "" : ", ").append(files.get(rows.file[g])).append(':').append(rows.line[g]);
            }
        }
        return DataException.at(files.get(rows.file[r]).toString(), rows.line[r], column + 1, "column '" + name + "' differs between rows"
                + " of series '" + id + "' in one period (also at " + lines + "); data.duplicates: sum adds the target only,"
                + " the other columns must agree: aggregate them before, or use data.duplicates: last");
    }

    private static void sortByDay(int[] order, int from, int to, Rows rows) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = rows.day[order[i]] >= rows.day[order[i - 1]];
        }
        if (sorted) {
            return;
        }
        // Pack (day, row) so a primitive sort orders rows by day without boxing.
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = ((long) rows.day[order[i]] << 32) | (order[i] & 0xffffffffL);
        }
        Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            order[i] = (int) keys[i - from];
        }
    }

    /** {@code data.frequency}, else inferred from the smallest positive gap between two dates of a series. */
    private Frequency frequency(List<Path> files, Rows rows, int[] order, int[] offsets) {
        if (frequency != null) {
            return frequency;
        }
        long minGap = Long.MAX_VALUE;
        for (int s = 0; s + 1 < offsets.length; s++) {
            for (int i = offsets[s] + 1; i < offsets[s + 1]; i++) {
                long gap = rows.day[order[i]] - rows.day[order[i - 1]];
                if (gap > 0) {
                    minGap = Math.min(minGap, gap);
                }
            }
        }
        if (minGap == Long.MAX_VALUE) {
            throw new DataException(files.get(0) + ": every series has one date, so the frequency cannot be inferred; set data.frequency");
        }
        Frequency freq = Frequency.fromGapDays(minGap);
        if (freq == null) {
            throw new DataException(files.get(0) + ": cannot infer the frequency: the smallest gap between two dates of a series is "
                    + minGap + " days; set data.frequency (" + Frequency.allowed() + ")");
        }
        return freq;
    }

    /** Growable column store for rows as they are read. */
    private static final class Rows {
        int size;
        int[] series = new int[1024];
        int[] day = new int[1024];
        double[] target = new double[1024];
        int[] file = new int[1024];
        long[] line = new long[1024];
        double[][] covariates;
        int[][] categorical;

        Rows(int covariateCount, int categoricalCount) {
            covariates = new double[covariateCount][1024];
            categorical = new int[categoricalCount][1024];
        }

        int add(int s, int d, double t, int f, long l) {
            if (size == series.length) {
                int cap = size * 2;
                series = Arrays.copyOf(series, cap);
                day = Arrays.copyOf(day, cap);
                target = Arrays.copyOf(target, cap);
                file = Arrays.copyOf(file, cap);
                line = Arrays.copyOf(line, cap);
                for (int c = 0; c < covariates.length; c++) {
                    covariates[c] = Arrays.copyOf(covariates[c], cap);
                }
                for (int c = 0; c < categorical.length; c++) {
                    categorical[c] = Arrays.copyOf(categorical[c], cap);
                }
            }
            series[size] = s;
            day[size] = d;
            target[size] = t;
            file[size] = f;
            line[size] = l;
            return size++;
        }
    }
}
