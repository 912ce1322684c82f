package io.demandcast.core.data;

import io.demandcast.core.Progress;
import io.demandcast.core.config.DataConfig.Duplicates;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.config.SchemaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Reads long-format CSV ({@code series key..., date, target, covariates...}, one row per series and
 * period) into a {@link Panel}. Several files are read in order and concatenated (train, then a
 * later extract). Rows may come in any order; each series is sorted by date. A
 * {@link SeriesSelection} ({@code data.series}) decides on the first row of each series whether it
 * is read; the rows of the others are skipped before their dates and values are parsed.
 *
 * <p>Files are read as {@link CsvSource} reads them (strict UTF-8, BOM, CRLF, RFC 4180 quotes, trimmed
 * fields) and their cells parsed as {@link DataFormat} says ({@code data.format}). Monthly and quarterly dates may fall on any day
 * of the month: unless every row uses one day (1 to 28), which then labels the periods as before,
 * each date is moved to the first of its month, so month-end exports and transaction dates read.
 * Two rows of a series in one period are handled by {@link Duplicates} ({@code data.duplicates}).
 * Weekly dates are not moved: a week has no convention to assume (ISO Monday, US Sunday, a retail
 * week ending Saturday), so every row must fall on the weekday of the earliest date.
 *
 * <p>Every problem is a {@link DataException} whose message starts {@code file:line:column:} and
 * names the bad value: a missing column, an unparsable date or number, a duplicate (series, date),
 * a date that does not fit the frequency. Empty cells (and {@code NA}) are missing (NaN).
 *
 * <p><b>Why not Commons CSV here.</b> This is the hot path of {@code prepare} at scale (the full M5 shape
 * is 59 M rows): Commons CSV (still used for the small CSVs: calendars, attributes, series lists) makes
 * a String per cell and a record per row, then each number and date is parsed from that String; it read
 * 0.86 M rows/s on the full M5 panel. This reader works on the file's bytes ({@link CsvByteScanner}): a
 * number is parsed from its bytes, a date text is parsed once and then looked up by its bytes, a
 * series id is compared with the previous row's and interned once per series ({@link BytesMap}), and
 * values go straight into primitive columns ({@link RowColumns}); the file is streamed, never held.
 * Before reading, the line breaks of each file are counted ({@link LineBreaks}, eight bytes at a time), so
 * the columns are made once at their final size and every row is written where it stays. A file of
 * more than {@value #MIN_RANGE_BYTES} bytes is split at line breaks into one range per core, each read in
 * parallel into its own slot of the columns and moved down to close the gap the range's empty lines left;
 * a range that meets a quote gives up, and the file is read sequentially, since a quoted field may hold a
 * line break. The same comparison on
 * one file, in one run: {@code cli/.../bench/IngestBenchmark} ({@code scripts/bench/ingest.sh}).
 *
 * <p>Memory: while reading, the rows take 8 bytes each (series, day) plus 8 per numeric column, 8 for the
 * target and 4 per categorical column, all in the arrays the panel takes over when the file was in panel
 * order (no line number is kept: an error about a row finds its line by reading the file again). Building
 * the panel adds the row order and the periods (8 bytes a row) while the series column is dropped, so the
 * read peaks at about 1.2 times the panel at the M5 shape, plus one column being reordered when the rows
 * were not read in panel order. Selecting series ({@code data.series}) grows the columns as kept rows come
 * instead of sizing them by the file's lines.
 */
public final class PanelCsvReader {
    private static final String KEY_SEPARATOR = "/";
    /** Files smaller than this per core are read by one thread: splitting them costs more than it saves. */
    static final long MIN_RANGE_BYTES = 8L << 20;
    private static final long MB = 1L << 20;

    private final SchemaConfig schema;
    private final Frequency frequency;
    private final SeriesSelection selection;
    private final boolean valuesOptional;
    private final DataFormat format;
    private final Duplicates duplicates;
    private final Progress progress;
    private final int threads;
    private final long minRangeBytes;

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
                           DataFormat format, Duplicates duplicates, Progress progress, int threads, long minRangeBytes) {
        this.schema = schema;
        this.frequency = frequency;
        this.selection = selection;
        this.valuesOptional = valuesOptional;
        this.format = format;
        this.duplicates = duplicates;
        this.progress = progress;
        this.threads = threads;
        this.minRangeBytes = minRangeBytes;
    }

    private PanelCsvReader(SchemaConfig schema, Frequency frequency, SeriesSelection selection, boolean valuesOptional) {
        this(schema, frequency, selection, valuesOptional, DataFormat.DEFAULT, Duplicates.error, Progress.NONE,
                Runtime.getRuntime().availableProcessors(), MIN_RANGE_BYTES);
    }

    /** This reader for files written in {@code format} ({@code data.format}), combining rows of one period by {@code duplicates}. */
    public PanelCsvReader with(DataFormat format, Duplicates duplicates) {
        return new PanelCsvReader(schema, frequency, selection, valuesOptional, format, duplicates, progress, threads, minRangeBytes);
    }

    /**
     * This reader reporting to {@code progress}: a task per file stepped by the bytes read (so a bar
     * shows an ETA from the file's size), and one line per file with its rows and rows per second.
     */
    public PanelCsvReader withProgress(Progress progress) {
        return new PanelCsvReader(schema, frequency, selection, valuesOptional, format, duplicates, progress, threads, minRangeBytes);
    }

    /** This reader using at most {@code threads} threads per file (default: one per core); 1 reads every file sequentially. */
    public PanelCsvReader withThreads(int threads) {
        return withParallelism(Math.max(1, threads), minRangeBytes);
    }

    /**
     * This reader splitting a file into at most {@code threads} ranges of at least {@code minRangeBytes}
     * (the default: one per core, {@value #MIN_RANGE_BYTES} bytes); tests split small files with it.
     */
    PanelCsvReader withParallelism(int threads, long minRangeBytes) {
        return new PanelCsvReader(schema, frequency, selection, valuesOptional, format, duplicates, progress, threads, minRangeBytes);
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
        int numericCount = schema.numericColumns().size();
        int categoricalCount = schema.categoricalColumns().size();
        SeriesTable series = new SeriesTable();
        Levels[] levels = Levels.of(categoricalCount);
        FileColumns[] columns = new FileColumns[files.size()];
        CellFormat cells = new CellFormat(format);
        FilePlan[] plans = new FilePlan[files.size()];
        try {
            long lines = 0;
            for (int f = 0; f < files.size(); f++) {
                plans[f] = plan(files.get(f));
                columns[f] = plans[f].cols();
                lines += plans[f].rows();
            }
            String last = files.get(files.size() - 1).toString();
            // Every row is kept unless a selection skips some: then the rows kept (often far fewer than the
            // lines) grow as they come instead of taking the room of every line.
            RowColumns rows = selection == SeriesSelection.ALL ? RowColumns.sized(lines, numericCount, categoricalCount, last)
                    : RowColumns.growable(numericCount, categoricalCount);
            for (int f = 0; f < files.size(); f++) {
                rows.startFile();
                long t0 = System.nanoTime();
                long before = rows.size;
                readFile(plans[f], cells, rows, series, levels);
                double seconds = plans[f].seconds() + (System.nanoTime() - t0) / 1e9;
                long read = rows.size - before;
                progress.report(String.format(Locale.ROOT, "read %s: %,d rows in %.2f s (%.2f M rows/s)", files.get(f).getFileName(), read,
                        seconds, read / Math.max(seconds, 1e-9) / 1e6));
            }
            selection.check(new HashSet<>(series.ids), series.skipped, files);
            rows.trim();
            IntToLongFunction line = r -> lineOf(plans[rows.file(r)], cells, series, levels, r - rows.fileStart(rows.file(r)));
            return assemble(files, columns, rows, series, levels, line);
        } finally {
            for (FilePlan plan : plans) {
                if (plan != null) {
                    plan.close();
                }
            }
        }
    }

    /**
     * A file opened, its header read and its body split into ranges (one per thread when large), with the
     * most rows each range can hold: its line breaks, plus one for a last line without a break.
     *
     * @param seconds the time taken to read the header and count the line breaks
     */
    private record FilePlan(Path file, FileChannel channel, long size, FileColumns cols, long bodyStart, long bodyLine, long[] bounds,
                            long[] capacity, double seconds) {
        long rows() {
            return Arrays.stream(capacity).sum();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a file opened for reading loses nothing.
            }
        }
    }

    /** Opens {@code file}, reads its header and counts its rows (see {@link FilePlan}). */
    private FilePlan plan(Path file) {
        String name = file.toString();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        try {
            long t0 = System.nanoTime();
            long size = channel.size();
            CsvByteScanner head = new CsvByteScanner(file, channel, 0, size, 1, format.delimiterChar(), false, n -> { });
            FileColumns cols = header(name, head);
            long bodyStart = head.position();
            long bodyLine = head.nextLine();
            // The body starts past the header's line break, so the breaks of each range bound its rows.
            ByteBuffer two = ByteBuffer.allocate(2);
            channel.read(two, bodyStart);
            if (two.position() > 0 && (two.get(0) == '\r' || two.get(0) == '\n')) {
                bodyStart += two.get(0) == '\r' && two.position() > 1 && two.get(1) == '\n' ? 2 : 1;
                bodyLine++;
            }
            int ranges = (int) Math.min(threads, Math.max(1, (size - bodyStart) / minRangeBytes));
            long[] bounds = ranges > 1 ? rangeBounds(channel, bodyStart, size, ranges) : new long[] {bodyStart, size};
            long[] capacity = new long[bounds.length - 1];
            IntStream.range(0, capacity.length).parallel().forEach(k -> {
                try {
                    capacity[k] = LineBreaks.count(channel, bounds[k], bounds[k + 1]);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
                }
            });
            if (size > bodyStart) {
                ByteBuffer lastByte = ByteBuffer.allocate(1);
                channel.read(lastByte, size - 1);
                if (lastByte.get(0) != '\n' && lastByte.get(0) != '\r') {
                    capacity[capacity.length - 1]++;
                }
            }
            return new FilePlan(file, channel, size, cols, bodyStart, bodyLine, bounds, capacity, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already failing: the first error is the one to report.
        }
    }

    /**
     * The line of row {@code k} of the rows kept from {@code plan}'s file. Rows keep no line number (4 bytes
     * a row for error messages only), so the message about a row finds it by reading the file again.
     */
    private long lineOf(FilePlan plan, CellFormat cells, SeriesTable series, Levels[] levels, int k) {
        CsvByteScanner scanner = new CsvByteScanner(plan.file(), plan.channel(), 0, plan.size(), 1, format.delimiterChar(), false, n -> { });
        scanner.next();
        return new RangeReader(plan.cols(), cells, scanner, series, levels, null, 0, 0).lineOfRow(k);
    }

    /**
     * Where a file has its columns (0-based; -1 for a value column absent from a file of future rows),
     * and how many fields each of its rows must have.
     */
    private record FileColumns(String file, int fields, int[] id, int date, int target, int[] numeric, int[] categorical, int[] statics) {
    }

    /**
     * Reads one file's rows into {@code rows}. A file without quotes and large enough is read as
     * newline-aligned ranges in parallel (see the class comment).
     */
    private void readFile(FilePlan plan, CellFormat cells, RowColumns rows, SeriesTable series, Levels[] levels) {
        Path file = plan.file();
        long size = plan.size();
        long megabytes = (size + MB - 1) / MB;
        try (Progress.Task task = progress.task("read " + file.getFileName() + " (MB)", megabytes)) {
            // The header was read with the plan: the bytes read start after it.
            java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong(plan.bodyStart());
            // Steps are whole megabytes of the file (the last one when the file is read), so a bar's
            // ratio and ETA read in MB; a second, sequential pass adds none.
            java.util.function.LongConsumer read = n -> {
                long after = bytes.addAndGet(n);
                long before = after - n;
                long steps = (after >= size ? megabytes : after / MB) - (before >= size ? megabytes : before / MB);
                if (steps > 0) {
                    task.step(steps);
                }
            };
            if (plan.bounds().length > 2 && readParallel(plan, cells, rows, series, levels, read)) {
                return;
            }
            CsvByteScanner scanner = new CsvByteScanner(file, plan.channel(), plan.bodyStart(), size, plan.bodyLine(), format.delimiterChar(),
                    false, read);
            RangeReader reader = new RangeReader(plan.cols(), cells, scanner, series, levels, rows, rows.size, Integer.MAX_VALUE);
            reader.readAll();
            rows.size = reader.at;
        }
    }

    /** Reads the header line and finds the schema's columns in it. */
    private FileColumns header(String name, CsvByteScanner head) {
        if (!head.next()) {
            throw DataException.at(name, 1, 1, "empty file: expected a header line naming the columns ("
                    + String.join(format.delimiter(), schema.id()) + format.delimiter() + schema.date() + format.delimiter() + schema.target() + ", ...)");
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < head.fields(); i++) {
            String column = head.text(i);
            if (header.putIfAbsent(column, i) != null && !column.isEmpty()) {
                throw DataException.at(name, head.line(), i + 1, "column '" + column + "' appears twice in the header");
            }
        }
        if (header.size() == 1 && header.containsKey("")) {
            throw DataException.at(name, head.line(), 1, "empty file: expected a header line naming the columns");
        }
        return new FileColumns(name, head.fields(), columns(name, header, schema.id()), column(name, header, schema.date()),
                valueColumn(name, header, schema.target()), valueColumns(name, header, schema.numericColumns()),
                valueColumns(name, header, schema.categoricalColumns()), valueColumns(name, header, schema.statics()));
    }

    /**
     * Reads the body of a file as its plan's newline-aligned byte ranges, one per thread, each into its own
     * series table and levels, and into its own slot of {@code rows} (or, when {@code rows} grows, its own
     * rows), then merges them in file order, so series, levels and rows come out as one sequential read
     * would give them. Returns false, having changed nothing, when the sequential read must do it: a range
     * met a quote (a quoted field may hold a line break, so a range boundary may not be a row boundary),
     * or bad input (the sequential read then names the first bad line, as it always has), or a series
     * whose static columns or selection differ between ranges.
     */
    private boolean readParallel(FilePlan plan, CellFormat cells, RowColumns rows, SeriesTable series, Levels[] levels,
                                 java.util.function.LongConsumer read) {
        long[] bounds = plan.bounds();
        int n = bounds.length - 1;
        boolean slots = rows.capacity() >= rows.size + plan.rows() && selection == SeriesSelection.ALL;
        int[] start = new int[n + 1];
        start[0] = rows.size;
        for (int k = 0; k < n; k++) {
            start[k + 1] = slots ? Math.toIntExact(start[k] + plan.capacity()[k]) : 0;
        }
        RangeReader[] readers = new RangeReader[n];
        RuntimeException[] failures = new RuntimeException[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            try {
                CsvByteScanner scanner = new CsvByteScanner(plan.file(), plan.channel(), bounds[k], bounds[k + 1], 0, format.delimiterChar(),
                        true, read);
                RangeReader reader = slots
                        ? new RangeReader(plan.cols(), cells, scanner, new SeriesTable(), Levels.of(levels.length), rows, start[k], start[k + 1])
                        : new RangeReader(plan.cols(), cells, scanner, new SeriesTable(), Levels.of(levels.length),
                                RowColumns.growable(schema.numericColumns().size(), levels.length), 0, Integer.MAX_VALUE);
                reader.readAll();
                readers[k] = reader;
            } catch (RuntimeException e) {
                failures[k] = e;
            }
        });
        for (RuntimeException e : failures) {
            if (e != null && !(e instanceof CsvByteScanner.QuoteMet) && !(e instanceof DataException)) {
                throw e;
            }
            if (e != null) {
                return false;
            }
        }
        if (!SeriesTable.mergeable(series, Arrays.stream(readers).map(r -> r.series).toList())) {
            return false;
        }
        int[][] seriesMaps = new int[n][];
        int[][][] levelMaps = new int[n][][];
        for (int k = 0; k < n; k++) {
            seriesMaps[k] = series.merge(readers[k].series);
            levelMaps[k] = new int[levels.length][];
            for (int c = 0; c < levels.length; c++) {
                levelMaps[k][c] = levels[c].merge(readers[k].levels[c]);
            }
        }
        IntStream.range(0, n).parallel().forEach(k -> readers[k].renumber(seriesMaps[k], levelMaps[k]));
        // Ranges hold at most their line breaks' rows: each range's rows move down to follow the last's.
        for (RangeReader reader : readers) {
            int count = reader.at - reader.first;
            if (slots) {
                rows.moveDown(reader.first, rows.size, count);
                rows.size += count;
            } else {
                rows.append(reader.rows, 0, count, plan.cols().file());
            }
        }
        return true;
    }

    /** {@code ranges} + 1 offsets from {@code from} to {@code size}, each but the first and last just after a line break. */
    private static long[] rangeBounds(FileChannel channel, long from, long size, int ranges) throws IOException {
        List<Long> bounds = new ArrayList<>();
        bounds.add(from);
        ByteBuffer probe = ByteBuffer.allocate(1 << 16);
        for (int k = 1; k < ranges; k++) {
            long at = Math.max(from + (size - from) * k / ranges, bounds.get(bounds.size() - 1));
            long cut = -1;
            while (cut < 0 && at < size) {
                probe.clear();
                int got = channel.read(probe, at);
                if (got <= 0) {
                    break;
                }
                for (int i = 0; i < got; i++) {
                    if (probe.get(i) == '\n') {
                        cut = at + i + 1;
                        break;
                    }
                }
                at += got;
            }
            if (cut > bounds.get(bounds.size() - 1) && cut < size) {
                bounds.add(cut);
            }
        }
        bounds.add(size);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    /** The series met: key bytes to index (or {@link #SKIPPED}), and the id and statics of each kept one. */
    private static final class SeriesTable {
        static final int SKIPPED = -2;
        final BytesMap index = new BytesMap();
        final List<String> ids = new ArrayList<>();
        final List<String[]> statics = new ArrayList<>();
        final List<byte[][]> staticBytes = new ArrayList<>();
        int skipped;

        int add(byte[] key, int from, int to, String id, String[] values, boolean kept) {
            if (!kept) {
                index.put(key, from, to, SKIPPED);
                skipped++;
                return SKIPPED;
            }
            int s = ids.size();
            index.put(key, from, to, s);
            ids.add(id);
            statics.add(values);
            byte[][] bytes = new byte[values.length][];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
            }
            staticBytes.add(bytes);
            return s;
        }

        /**
         * True when the tables of ranges read in parallel, taken in order after {@code global}, agree with
         * what one sequential read would have found: a series is kept or skipped alike in every range, and
         * a kept one has the same statics everywhere.
         */
        static boolean mergeable(SeriesTable global, List<SeriesTable> parts) {
            BytesMap seen = new BytesMap();
            List<String[]> seenStatics = new ArrayList<>();
            for (SeriesTable part : parts) {
                for (int e = 0; e < part.index.size(); e++) {
                    byte[] key = part.index.key(e);
                    int local = part.index.value(e);
                    String[] first;
                    int g = global.index.get(key);
                    if (g != BytesMap.ABSENT) {
                        first = g == SKIPPED ? null : global.statics.get(g);
                    } else {
                        int s = seen.get(key);
                        if (s == BytesMap.ABSENT) {
                            seen.put(key, seenStatics.size());
                            seenStatics.add(local == SKIPPED ? null : part.statics.get(local));
                            continue;
                        }
                        first = seenStatics.get(s);
                    }
                    if ((first == null) != (local == SKIPPED) || first != null && !Arrays.equals(first, part.statics.get(local))) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Adds {@code part}'s series not met yet (checked {@link #mergeable}); returns its index to this table's. */
        int[] merge(SeriesTable part) {
            int[] map = new int[part.ids.size()];
            for (int e = 0; e < part.index.size(); e++) {
                byte[] key = part.index.key(e);
                int local = part.index.value(e);
                int g = index.get(key);
                if (g == BytesMap.ABSENT) {
                    g = local == SKIPPED ? add(key, 0, key.length, null, null, false)
                            : add(key, 0, key.length, part.ids.get(local), part.statics.get(local), true);
                }
                if (local != SKIPPED) {
                    map[local] = g;
                }
            }
            return map;
        }
    }

    /** The levels of one categorical column, coded in the order met. */
    private static final class Levels {
        final BytesMap codes = new BytesMap();
        final List<String> names = new ArrayList<>();

        static Levels[] of(int count) {
            Levels[] out = new Levels[count];
            for (int i = 0; i < count; i++) {
                out[i] = new Levels();
            }
            return out;
        }

        /** Adds {@code part}'s levels not met yet; returns its codes to this column's. */
        int[] merge(Levels part) {
            int[] map = new int[part.names.size()];
            for (int e = 0; e < map.length; e++) {
                byte[] key = part.codes.key(e);
                int code = codes.get(key);
                if (code == BytesMap.ABSENT) {
                    code = names.size();
                    codes.put(key, code);
                    names.add(part.names.get(e));
                }
                map[e] = code;
            }
            return map;
        }
    }

    /** Reads the rows of one scanner (a whole file, or a range of one) into a series table, levels and rows. */
    private final class RangeReader {
        private static final byte[] NA = {'N', 'A'};
        final FileColumns cols;
        final CellFormat cells;
        final CsvByteScanner scanner;
        final SeriesTable series;
        final Levels[] levels;
        final RowColumns rows;
        /** The first row this reader writes, the next one, and the end of its slot of {@link #rows}. */
        final int first;
        int at;
        private final int end;
        private int room;
        private final BytesMap days = new BytesMap();
        private final boolean isoDates = format.isoDates();
        /** Dates met, by year (modulo 64), month and day: no two dates of a 64-year span share a slot. */
        private final int[] recentKeys = filled(64 * 13 * 32, -1);
        private final int[] recentDays = new int[64 * 13 * 32];
        private byte[] lastKey = new byte[64];
        private int lastKeyLength = -1;
        private int lastSeries;
        private byte[] keyScratch = new byte[64];

        RangeReader(FileColumns cols, CellFormat cells, CsvByteScanner scanner, SeriesTable series, Levels[] levels, RowColumns rows,
                    int first, int end) {
            this.cols = cols;
            this.cells = cells;
            this.scanner = scanner;
            this.series = series;
            this.levels = levels;
            this.rows = rows;
            this.first = first;
            this.at = first;
            this.end = end;
            this.room = rows == null ? 0 : Math.min(end, rows.capacity());
        }

        /** Makes room for row {@link #at}: a growable store grows; past the slot's end the file grew after it was counted. */
        private void makeRoom() {
            if (at >= end) {
                throw new DataException(cols.file() + ": the file changed while it was read (it has more lines than when counted); read it again");
            }
            rows.ensure(at, cols.file());
            room = Math.min(end, rows.capacity());
        }

        /** The line of the {@code k}-th row (from 0) this reader would keep. */
        long lineOfRow(int k) {
            int left = k;
            while (scanner.next()) {
                if (seriesOf(cols.file(), scanner.line()) != SeriesTable.SKIPPED && left-- == 0) {
                    return scanner.line();
                }
            }
            throw new IllegalStateException(cols.file() + " has fewer rows than were read from it");
        }

        void readAll() {
            String name = cols.file();
            int[] numericCols = cols.numeric();
            int[] catCols = cols.categorical();
            String[] numericNames = schema.numericColumns().toArray(String[]::new);
            // data.schema.availability is read last of the numeric columns; it holds 1/0 only
            int availabilityIndex = schema.censoring() == SchemaConfig.Censoring.AVAILABILITY ? numericNames.length - 1 : -1;
            while (scanner.next()) {
                long line = scanner.line();
                if (scanner.fields() != cols.fields()) {
                    throw DataException.at(name, line, Math.min(scanner.fields(), cols.fields()) + 1,
                            "expected " + cols.fields() + " fields, found " + scanner.fields());
                }
                int s = seriesOf(name, line);
                if (s == SeriesTable.SKIPPED) {
                    continue;
                }
                byte[] b = scanner.buffer();
                int day = day(name, line);
                double target = number(cols.target(), name, line, schema.target());
                if (at >= room) {
                    makeRoom();
                }
                int r = at++;
                rows.series[r] = s;
                rows.day[r] = day;
                rows.target[r] = target;
                for (int i = 0; i < numericCols.length; i++) {
                    rows.covariates[i][r] = i == availabilityIndex ? availability(numericCols[i], name, line, numericNames[i])
                            : number(numericCols[i], name, line, numericNames[i]);
                }
                for (int i = 0; i < catCols.length; i++) {
                    rows.categorical[i][r] = level(i, catCols[i], b);
                }
            }
        }

        /** The series of the current row, added (and kept or skipped) on its first row; statics checked on the others. */
        private int seriesOf(String name, long line) {
            byte[] b = scanner.buffer();
            int[] idCols = cols.id();
            byte[] key;
            int from;
            int to;
            if (idCols.length == 1 && !scanner.escaped(idCols[0])) {
                key = b;
                from = scanner.start(idCols[0]);
                to = scanner.end(idCols[0]);
                if (from == to) {
                    throw DataException.at(name, line, idCols[0] + 1, "empty series key in column '" + schema.id().get(0) + "'");
                }
            } else {
                key = compositeKey(name, line);
                from = 0;
                to = keyLength;
            }
            int len = to - from;
            int s;
            if (len == lastKeyLength && Arrays.equals(lastKey, 0, len, key, from, to)) {
                s = lastSeries;
            } else {
                s = series.index.get(key, from, to);
                if (s == BytesMap.ABSENT) {
                    String[] statics = new String[cols.statics().length];
                    for (int i = 0; i < statics.length; i++) {
                        statics[i] = cols.statics()[i] < 0 ? "" : scanner.text(cols.statics()[i]);
                    }
                    String id = new String(key, from, len, StandardCharsets.UTF_8);
                    s = series.add(key, from, to, id, statics, selection.keeps(id, statics));
                }
                if (lastKey.length < len) {
                    lastKey = new byte[len * 2];
                }
                System.arraycopy(key, from, lastKey, 0, len);
                lastKeyLength = len;
                lastSeries = s;
            }
            if (s != SeriesTable.SKIPPED) {
                byte[][] expected = series.staticBytes.get(s);
                int[] staticCols = cols.statics();
                for (int i = 0; i < staticCols.length; i++) {
                    if (staticCols[i] >= 0 && !scanner.is(staticCols[i], expected[i])) {
                        throw DataException.at(name, line, staticCols[i] + 1, "static column '" + schema.statics().get(i)
                                + "' changes within series '" + series.ids.get(s) + "' ('" + series.statics.get(s)[i] + "' then '"
                                + scanner.text(staticCols[i]) + "')");
                    }
                }
            }
            return s;
        }

        private int keyLength;

        /** The key of a composite id (parts joined by {@value #KEY_SEPARATOR}) or a quoted one, in {@link #keyScratch}. */
        private byte[] compositeKey(String name, long line) {
            int[] idCols = cols.id();
            int at = 0;
            for (int i = 0; i < idCols.length; i++) {
                byte[] part = scanner.bytes(idCols[i]);
                if (part.length == 0) {
                    throw DataException.at(name, line, idCols[i] + 1, "empty series key in column '" + schema.id().get(i) + "'");
                }
                if (keyScratch.length < at + part.length + 1) {
                    keyScratch = Arrays.copyOf(keyScratch, (at + part.length + 1) * 2);
                }
                if (i > 0) {
                    keyScratch[at++] = (byte) KEY_SEPARATOR.charAt(0);
                }
                System.arraycopy(part, 0, keyScratch, at, part.length);
                at += part.length;
            }
            keyLength = at;
            return keyScratch;
        }

        /** The date cell as an epoch day; each distinct date text is parsed once. */
        private int day(String name, long line) {
            int col = cols.date();
            if (scanner.escaped(col)) {
                return Math.toIntExact(cells.date(scanner.text(col), name, line, col, schema.date()).toEpochDay());
            }
            byte[] b = scanner.buffer();
            int from = scanner.start(col);
            int to = scanner.end(col);
            int ymd = isoDigits(b, from, to);
            int slot = -1;
            if (ymd >= 0) {
                int month = ymd / 100 % 100;
                int dayOfMonth = ymd % 100;
                // A hash of yyyyMMdd left about two dates in five of a daily panel colliding (each then looked up by its bytes).
                slot = month <= 12 && dayOfMonth <= 31 ? ((ymd / 10000 & 63) * 13 + month) * 32 + dayOfMonth : -1;
            }
            if (slot >= 0 && recentKeys[slot] == ymd) {
                return recentDays[slot];
            }
            int day = days.get(b, from, to);
            if (day == BytesMap.ABSENT) {
                day = Math.toIntExact(cells.date(scanner.text(col), name, line, col, schema.date()).toEpochDay());
                days.put(b, from, to, day);
            }
            if (slot >= 0) {
                recentKeys[slot] = ymd;
                recentDays[slot] = day;
            }
            return day;
        }

        /**
         * {@code yyyy-MM-dd} read as the number yyyyMMdd when the format is ISO and the cell has that
         * shape, else -1: a cheaper key than the bytes for the dates met most recently (the date is
         * still parsed and checked once, by the format, before its key is remembered).
         */
        private int isoDigits(byte[] b, int from, int to) {
            if (!isoDates || to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
                return -1;
            }
            int v = 0;
            for (int i = from; i < to; i++) {
                if (i == from + 4 || i == from + 7) {
                    continue;
                }
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    return -1;
                }
                v = v * 10 + c;
            }
            return v;
        }

        private double number(int col, String name, long line, String columnName) {
            if (col < 0) {
                return Double.NaN;
            }
            if (scanner.escaped(col)) {
                return cells.number(scanner.text(col), name, line, col, columnName);
            }
            return cells.number(scanner.buffer(), scanner.start(col), scanner.end(col), name, line, col, columnName);
        }

        /**
         * An availability cell ({@code data.schema.availability}): 1 or {@code true} in stock, 0 or
         * {@code false} out of stock, empty or {@code NA} unknown (NaN). Anything else is refused at its
         * cell: a share or a stock count there would be read as a flag otherwise.
         */
        private double availability(int col, String name, long line, String columnName) {
            double v;
            try {
                v = number(col, name, line, columnName);
            } catch (DataException e) {
                v = Double.POSITIVE_INFINITY;
            }
            if (Double.isNaN(v) || v == 0 || v == 1) {
                return v;
            }
            throw DataException.at(name, line, col + 1, "column '" + columnName + "' (data.schema.availability): '" + scanner.text(col)
                    + "' is not 1/0 or true/false (1: in stock, 0: out of stock, its demand censored; empty: unknown);"
                    + " for a stock quantity use data.schema.on_hand instead");
        }

        private int level(int i, int col, byte[] b) {
            if (col < 0) {
                return Categorical.MISSING;
            }
            int from = scanner.start(col);
            int to = scanner.end(col);
            if (from == to || Arrays.equals(b, from, to, NA, 0, 2) && !scanner.escaped(col)) {
                return Categorical.MISSING;
            }
            Levels dict = levels[i];
            byte[] key = b;
            if (scanner.escaped(col)) {
                key = scanner.bytes(col);
                from = 0;
                to = key.length;
            }
            int code = dict.codes.get(key, from, to);
            if (code == BytesMap.ABSENT) {
                code = dict.names.size();
                dict.codes.put(key, from, to, code);
                dict.names.add(new String(key, from, to - from, StandardCharsets.UTF_8));
            }
            return code;
        }

        /** After a parallel read: this range's series and level codes made global. */
        void renumber(int[] seriesMap, int[][] levelMaps) {
            for (int r = first; r < at; r++) {
                rows.series[r] = seriesMap[rows.series[r]];
            }
            for (int c = 0; c < levelMaps.length; c++) {
                int[] codes = rows.categorical[c];
                int[] map = levelMaps[c];
                for (int r = first; r < at; r++) {
                    if (codes[r] != Categorical.MISSING) {
                        codes[r] = map[codes[r]];
                    }
                }
            }
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

    private Panel assemble(List<Path> files, FileColumns[] columns, RowColumns rows, SeriesTable series, Levels[] levels,
                           IntToLongFunction line) {
        int n = series.ids.size();
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
        // The series of each row is in offsets and order now: its column goes before the periods are made.
        rows.series = null;
        for (int s = 0; s < n; s++) {
            sortByDay(order, offsets[s], offsets[s + 1], rows);
        }
        String[] ids = series.ids.toArray(String[]::new);
        if (duplicates == Duplicates.error) {
            // Rows on the very same date are refused before the frequency is inferred: they are the likelier mistake.
            // (Without duplicates nothing moves: order and offsets stay as they are.)
            combineDuplicates(files, columns, rows, rows.day, order, offsets, ids, Frequency.DAILY, line);
        }
        Frequency freq = frequency(files, rows, order, offsets);
        int[] periodDay = periodStarts(freq, rows);
        int total = combineDuplicates(files, columns, rows, periodDay, order, offsets, ids, freq, line);
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
        // Each distinct day is placed on the axis once (a panel has millions of rows but a few thousand days).
        int maxDay = Integer.MIN_VALUE;
        for (int i = 0; i < total; i++) {
            maxDay = Math.max(maxDay, periodDay[order[i]]);
        }
        int[] periodOfDay = (long) maxDay - minDay < 1 << 24 ? new int[maxDay - minDay + 1] : null;
        if (periodOfDay != null) {
            for (int d = 0; d < periodOfDay.length; d++) {
                LocalDate date = LocalDate.ofEpochDay(minDay + d);
                periodOfDay[d] = axis.fits(date) ? axis.period(date) : Integer.MIN_VALUE;
            }
        }
        for (int i = 0; i < total; i++) {
            int r = order[i];
            if (periodOfDay != null && periodOfDay[periodDay[r] - minDay] != Integer.MIN_VALUE) {
                periods[i] = periodOfDay[periodDay[r] - minDay];
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(periodDay[r]);
            if (!axis.fits(date)) {
                throw DataException.at(files.get(rows.file(r)).toString(), line.applyAsLong(r), columns[rows.file(r)].date() + 1, "date "
                        + LocalDate.ofEpochDay(rows.day[r]) + " does not fit " + axis.frequency().label() + " data (" + axis.describeAnchor()
                        + "); fix the date or set data.frequency");
            }
            periods[i] = axis.period(date);
        }
        // Dates are periods now; no error message below needs them.
        rows.day = null;
        periodDay = null;
        // Rows read in panel order (each series' rows together, by date, no duplicates combined) are the
        // panel's columns as they are; otherwise each column is reordered and the read one dropped, so
        // only one column is ever held twice.
        boolean inOrder = total == rows.size;
        for (int i = 0; i < total && inOrder; i++) {
            inOrder = order[i] == i;
        }
        double[] target = inOrder ? rows.target : permute(rows.target, order, total);
        rows.target = null;
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (int c = 0; c < schema.numericColumns().size(); c++) {
            numeric.put(schema.numericColumns().get(c), inOrder ? rows.covariates[c] : permute(rows.covariates[c], order, total));
            rows.covariates[c] = null;
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (int c = 0; c < schema.categoricalColumns().size(); c++) {
            int[] codes = rows.categorical[c];
            if (!inOrder) {
                codes = new int[total];
                for (int i = 0; i < total; i++) {
                    codes[i] = rows.categorical[c][order[i]];
                }
            }
            rows.categorical[c] = null;
            categorical.put(schema.categoricalColumns().get(c), new Categorical(codes, levels[c].names));
        }
        Map<String, String[]> statics = new LinkedHashMap<>();
        for (int c = 0; c < schema.statics().size(); c++) {
            String[] col = new String[n];
            for (int s = 0; s < n; s++) {
                col[s] = series.statics.get(s)[c];
            }
            statics.put(schema.statics().get(c), col);
        }
        return new Panel(axis, ids, offsets, periods, target, numeric, categorical, statics);
    }

    private static int[] filled(int n, int value) {
        int[] out = new int[n];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] permute(double[] column, int[] order, int total) {
        double[] out = new double[total];
        for (int i = 0; i < total; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    /**
     * The day that labels each row's period: the date itself, except for monthly and quarterly data
     * whose rows do not all fall on one day from 1 to 28, where it is the first of the date's month.
     */
    private static int[] periodStarts(Frequency freq, RowColumns rows) {
        if (freq != Frequency.MONTHLY && freq != Frequency.QUARTERLY) {
            return rows.day;
        }
        int[] out = Arrays.copyOf(rows.day, rows.size);
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
    private int combineDuplicates(List<Path> files, FileColumns[] columns, RowColumns rows, int[] periodDay, int[] order, int[] offsets,
                                  String[] ids, Frequency freq, IntToLongFunction line) {
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
                    row = combine(files, columns, rows, periodDay, order, i, j, ids[s], freq, line);
                }
                order[kept++] = row;
                i = j;
            }
        }
        offsets[offsets.length - 1] = kept;
        return kept;
    }

    /** The one row the rows {@code order[from..to)} of one series and period make. */
    private int combine(List<Path> files, FileColumns[] columns, RowColumns rows, int[] periodDay, int[] order, int from, int to,
                        String id, Frequency freq, IntToLongFunction line) {
        // Rows in the order read: by file, then line (row numbers grow as rows are read).
        int[] group = Arrays.copyOfRange(order, from, to);
        Arrays.sort(group);
        int first = group[0];
        int second = group[1];
        String where = files.get(rows.file(first)) + ":" + line.applyAsLong(first);
        switch (duplicates) {
            case error -> {
                boolean moved = rows.day[second] != rows.day[first];
                throw DataException.at(files.get(rows.file(second)).toString(), line.applyAsLong(second), columns[rows.file(second)].date() + 1,
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
                            throw disagree(files, rows, line, r, columns[rows.file(r)].numeric()[c], schema.numericColumns().get(c), id,
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
                            throw disagree(files, rows, line, r, columns[rows.file(r)].categorical()[c], schema.categoricalColumns().get(c), id,
                                    "code " + col[r], "code " + col[first], group);
                        }
                    }
                }
                return first;
            }
            default -> throw new IllegalStateException("unknown duplicates policy " + duplicates);
        }
    }

    private static DataException disagree(List<Path> files, RowColumns rows, IntToLongFunction line, int r, int column, String name, String id, String value,
                                          String kept, int[] group) {
        StringBuilder lines = new StringBuilder();
        for (int g : group) {
            if (g != r) {
                lines.append(lines.length() == 0 ? "" : ", ").append(files.get(rows.file(g))).append(':').append(line.applyAsLong(g));
            }
        }
        return DataException.at(files.get(rows.file(r)).toString(), line.applyAsLong(r), column + 1, "column '" + name + "' differs between rows"
                + " of series '" + id + "' in one period (also at " + lines + "); data.duplicates: sum adds the target only,"
                + " the other columns must agree: aggregate them before, or use data.duplicates: last");
    }

    private static void sortByDay(int[] order, int from, int to, RowColumns rows) {
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
    private Frequency frequency(List<Path> files, RowColumns rows, int[] order, int[] offsets) {
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
}
