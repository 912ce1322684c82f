package io.demandcast.core.data;

import io.demandcast.core.config.SchemaConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads long-format CSV ({@code series key..., date, target, covariates...}, one row per series and
 * period) into a {@link Panel}. Several files are read in order and concatenated (train, then a
 * later extract). Rows may come in any order; each series is sorted by date. A
 * {@link SeriesSelection} ({@code data.series}) decides on the first row of each series whether it
 * is read; the rows of the others are skipped before their dates and values are parsed.
 *
 * <p>Every problem is a {@link DataException} whose message starts {@code file:line:column:} and
 * names the bad value: a missing column, an unparsable date or number, a duplicate (series, date),
 * a date that does not fit the frequency. Empty cells (and {@code NA}) are missing (NaN).
 */
public final class PanelCsvReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    private static final String KEY_SEPARATOR = "/";

    private final SchemaConfig schema;
    private final Frequency frequency;
    private final SeriesSelection selection;
    private final boolean valuesOptional;

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

    private PanelCsvReader(SchemaConfig schema, Frequency frequency, SeriesSelection selection, boolean valuesOptional) {
        this.schema = schema;
        this.frequency = frequency;
        this.selection = selection;
        this.valuesOptional = valuesOptional;
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
        int[] dateColumns = new int[files.size()];
        for (int f = 0; f < files.size(); f++) {
            dateColumns[f] = readFile(files.get(f), f, rows, seriesIndex, skipped, staticValues, levels);
        }
        selection.check(seriesIndex.keySet(), skipped.size(), files);
        return assemble(files, dateColumns, rows, seriesIndex, staticValues, levels);
    }

    /** Reads one file's rows into {@code rows}; returns the (0-based) index of its date column. */
    private int readFile(Path file, int fileIndex, Rows rows, Map<String, Integer> seriesIndex, Set<String> skipped,
                          List<String[]> staticValues, List<Map<String, Integer>> levels) {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
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
                int day = parseDay(record.get(dateCol), dayCache, name, line, dateCol);
                double target = parseNumber(cell(record, targetCol), name, line, targetCol, schema.target());
                int r = rows.add(series, day, target, fileIndex, line);
                for (int i = 0; i < covCols.length; i++) {
                    rows.covariates[i][r] = parseNumber(cell(record, covCols[i]), name, line, covCols[i], schema.numericColumns().get(i));
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
            return dateCol;
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

    private static int column(String file, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        if (index == null) {
            throw DataException.at(file, 1, header.size() + 1, "missing column '" + name + "' (found: " + String.join(", ", header.keySet()) + ")");
        }
        return index;
    }

    private static int[] columns(String file, Map<String, Integer> header, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column(file, header, names.get(i));
        }
        return out;
    }

    private static int parseDay(String text, Map<String, Integer> cache, String file, long line, int col) {
        Integer day = cache.get(text);
        if (day == null) {
            try {
                day = Math.toIntExact(LocalDate.parse(text).toEpochDay());
            } catch (DateTimeParseException e) {
                throw DataException.at(file, line, col + 1, "cannot parse date '" + text + "' (expected ISO yyyy-MM-dd)");
            }
            cache.put(text, day);
        }
        return day;
    }

    private static double parseNumber(String text, String file, long line, int col, String column) {
        if (text.isEmpty() || text.equals("NA")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            if (text.equalsIgnoreCase("true")) {
                return 1;
            } else if (text.equalsIgnoreCase("false")) {
                return 0;
            }
            throw DataException.at(file, line, col + 1, "column '" + column + "': '" + text + "' is not a number");
        }
    }

    private Panel assemble(List<Path> files, int[] dateColumns, Rows rows, Map<String, Integer> seriesIndex, List<String[]> staticValues,
                           List<Map<String, Integer>> levels) {
        int n = seriesIndex.size();
        int total = rows.size;
        // Counting sort by series keeps the per-series order of the files; a series is then sorted by day only if needed.
        int[] offsets = new int[n + 1];
        for (int r = 0; r < total; r++) {
            offsets[rows.series[r] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] order = new int[total];
        int[] next = Arrays.copyOf(offsets, n);
        for (int r = 0; r < total; r++) {
            order[next[rows.series[r]]++] = r;
        }
        String[] ids = seriesIndex.keySet().toArray(String[]::new);
        for (int s = 0; s < n; s++) {
            sortByDay(order, offsets[s], offsets[s + 1], rows);
            for (int i = offsets[s] + 1; i < offsets[s + 1]; i++) {
                if (rows.day[order[i]] == rows.day[order[i - 1]]) {
                    int dup = order[i];
                    int first = order[i - 1];
                    throw DataException.at(files.get(rows.file[dup]).toString(), rows.line[dup], dateColumns[rows.file[dup]] + 1,
                            "duplicate row for series '" + ids[s] + "' on " + LocalDate.ofEpochDay(rows.day[dup])
                                    + " (first at " + files.get(rows.file[first]) + ":" + rows.line[first] + ")");
                }
            }
        }
        TimeAxis axis = axis(files, rows, order, offsets);
        int[] periods = new int[total];
        double[] target = new double[total];
        for (int i = 0; i < total; i++) {
            int r = order[i];
            LocalDate date = LocalDate.ofEpochDay(rows.day[r]);
            if (!axis.fits(date)) {
                throw DataException.at(files.get(rows.file[r]).toString(), rows.line[r], dateColumns[rows.file[r]] + 1, "date " + date + " does not fit "
                        + axis.frequency().label() + " data (" + axis.describeAnchor() + "); fix the date or set data.frequency");
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

    private TimeAxis axis(List<Path> files, Rows rows, int[] order, int[] offsets) {
        if (rows.size == 0) {
            throw new DataException(files.get(0) + ": no data rows");
        }
        int minDay = Integer.MAX_VALUE;
        long minGap = Long.MAX_VALUE;
        for (int s = 0; s + 1 < offsets.length; s++) {
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                minDay = Math.min(minDay, rows.day[order[i]]);
                if (i > offsets[s]) {
                    minGap = Math.min(minGap, rows.day[order[i]] - rows.day[order[i - 1]]);
                }
            }
        }
        Frequency freq = frequency;
        if (freq == null) {
            if (minGap == Long.MAX_VALUE) {
                throw new DataException(files.get(0) + ": every series has one row, so the frequency cannot be inferred; set data.frequency");
            }
            freq = Frequency.fromGapDays(minGap);
            if (freq == null) {
                throw new DataException(files.get(0) + ": cannot infer the frequency: the smallest gap between two dates of a series is "
                        + minGap + " days; set data.frequency (" + Frequency.allowed() + ")");
            }
        }
        LocalDate anchor = LocalDate.ofEpochDay(minDay);
        try {
            return new TimeAxis(freq, anchor);
        } catch (IllegalArgumentException e) {
            throw new DataException(files.get(0) + ": " + e.getMessage(), e);
        }
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
