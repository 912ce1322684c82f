package io.demandcast.core.monitor;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The forecast log: every {@code predict} run appends what it published, so {@code monitor} can
 * later compare it with the actuals that arrived.
 *
 * <p>Layout: {@code <monitor.log>/<model.name>/runs/<run time>_<version>.csv} (run time in UTC as
 * {@code yyyyMMdd'T'HHmmss.SSS'Z'}, so names sort by time), one file per run, written whole or not at
 * all through {@link AtomicFiles} (a killed run leaves no half entry), with columns
 * {@code run_time,model_version,origin,series_id,date,step,forecast,q…}: plain CSV that needs no
 * index. {@code monitor} caches each version's backtest reference in {@code reference/<version>.json}
 * beside {@code runs/}. Entries older than {@code monitor.keep} are removed by the next append.
 */
public final class ForecastLog {
    public static final String RUNS = "runs";
    public static final String REFERENCE = "reference";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RUN_FILE = Pattern.compile("(\\d{8}T\\d{6}\\.\\d{3}Z)_(.+?)(?:-\\d+)?\\.csv");
    /** The temporary of a run file a killed append left (each run file has its own name, so no later write sweeps it). */
    private static final Pattern LEFTOVER = Pattern.compile("\\.\\d{8}T\\d{6}\\.\\d{3}Z_.+\\.csv\\.tmp-[0-9a-f]{8}");
    private static final List<String> FIXED = List.of("run_time", "model_version", "origin", "series_id", "date", "step", "forecast");

    private ForecastLog() {
    }

    /** The log root: {@code monitor.log}, else {@code forecast-log} beside {@code train.store}. */
    public static Path root(ExperimentConfig config) {
        String log = config.monitor().log();
        return log != null ? Path.of(log) : Path.of(config.train().store()).resolveSibling("forecast-log");
    }

    /** The log of the experiment's model: {@code <root>/<model.name>}. */
    public static Path directory(ExperimentConfig config) {
        return root(config).resolve(config.model().name());
    }

    /** True when the experiment's model has no logged run yet (predict never ran, or logging is off). */
    public static boolean isEmpty(ExperimentConfig config) throws IOException {
        return runFiles(directory(config).resolve(RUNS)).isEmpty();
    }

    /**
     * Appends one run, unless {@code monitor.log_forecasts} is false, and removes the run files older
     * than {@code monitor.keep}.
     *
     * @return the file written, or null when logging is off
     */
    public static Path append(ExperimentConfig config, Forecast forecast, String version, Instant runTime) throws IOException {
        if (!config.monitor().logForecasts()) {
            return null;
        }
        Path runs = directory(config).resolve(RUNS);
        Files.createDirectories(runs);
        io.demandcast.core.Temporaries.removeLeftovers(runs, name -> LEFTOVER.matcher(name).matches());
        String stem = RUN_TIME.format(runTime) + "_" + version;
        Path file = runs.resolve(stem + ".csv");
        // Two runs in one millisecond (two cron jobs) must not replace each other's entry.
        for (int n = 2; Files.exists(file); n++) {
            file = runs.resolve(stem + "-" + n + ".csv");
        }
        String time = runTime.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        AtomicFiles.write(file, out -> {
            double[] levels = forecast.levels();
            StringBuilder line = new StringBuilder(String.join(",", FIXED));
            for (double level : levels) {
                line.append(',').append(ForecastCsvWriter.quantileColumn(level));
            }
            out.write(line.append('\n').toString());
            for (int s = 0; s < forecast.seriesCount(); s++) {
                String id = ForecastCsvWriter.csvCell(forecast.seriesId(s));
                LocalDate origin = forecast.axis().date(forecast.firstPeriod(s) - 1);
                for (int step = 0; step < forecast.horizon(); step++) {
                    line.setLength(0);
                    line.append(time).append(',').append(version).append(',').append(origin).append(',').append(id).append(',')
                            .append(forecast.axis().date(forecast.firstPeriod(s) + step)).append(',').append(step + 1).append(',');
                    ForecastCsvWriter.appendNumber(line, forecast.point(s, step));
                    for (int q = 0; q < levels.length; q++) {
                        line.append(',');
                        ForecastCsvWriter.appendNumber(line, forecast.quantile(q, s, step));
                    }
                    out.write(line.append('\n').toString());
                }
            }
        });
        prune(runs, runTime.minus(config.monitor().keepDuration()));
        return file;
    }

    /** Removes run files logged before {@code before}; other files are left alone. */
    static List<Path> prune(Path runs, Instant before) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path file : runFiles(runs)) {
            if (runTimeOf(file).isBefore(before)) {
                Files.deleteIfExists(file);
                removed.add(file);
            }
        }
        return removed;
    }

    /** The run files of a {@code runs/} directory, oldest first; empty when it does not exist. */
    static List<Path> runFiles(Path runs) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(runs)) {
            for (Path f : dir) {
                if (RUN_FILE.matcher(f.getFileName().toString()).matches()) {
                    files.add(f);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static Instant runTimeOf(Path file) {
        Matcher m = RUN_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a run file: " + file);
        }
        return Instant.from(RUN_TIME.parse(m.group(1)));
    }

    /**
     * Reads every run of a model's log, oldest first, keeping the rows {@code keep} accepts (the
     * others are dropped as they are read, so memory holds only what is compared).
     *
     * @throws DataException naming the file and line of a malformed entry
     */
    public static List<LoggedRun> read(Path modelLog, Predicate<LoggedRow> keep) throws IOException {
        List<LoggedRun> runs = new ArrayList<>();
        for (Path file : runFiles(modelLog.resolve(RUNS))) {
            runs.add(readRun(file, keep));
        }
        return runs;
    }

    static LoggedRun readRun(Path file, Predicate<LoggedRow> keep) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames();
            if (header.size() < FIXED.size() || !header.subList(0, FIXED.size()).equals(FIXED)) {
                throw DataException.at(file.toString(), 1, 1, "not a forecast log entry: the header must start with "
                        + String.join(",", FIXED));
            }
            double[] levels = new double[header.size() - FIXED.size()];
            for (int q = 0; q < levels.length; q++) {
                String name = header.get(FIXED.size() + q);
                try {
                    levels[q] = Double.parseDouble(name.substring(1));
                } catch (RuntimeException e) {
                    throw DataException.at(file.toString(), 1, FIXED.size() + q + 1, "expected a quantile column such as q0.1, got '" + name + "'");
                }
            }
            List<LoggedRow> rows = new ArrayList<>();
            Instant runTime = null;
            String version = null;
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != header.size()) {
                    throw DataException.at(file.toString(), line, 1, r.size() + " columns, the header has " + header.size());
                }
                int column = 0;
                try {
                    runTime = Instant.parse(r.get(column = 0));
                    version = r.get(column = 1);
                    LocalDate origin = LocalDate.parse(r.get(column = 2));
                    String series = r.get(column = 3);
                    LocalDate date = LocalDate.parse(r.get(column = 4));
                    int step = Integer.parseInt(r.get(column = 5));
                    double point = Double.parseDouble(r.get(column = 6));
                    double[] qs = new double[levels.length];
                    for (int q = 0; q < levels.length; q++) {
                        column = FIXED.size() + q;
                        qs[q] = Double.parseDouble(r.get(column));
                    }
                    LoggedRow row = new LoggedRow(runTime, version, origin, series, date, step, point, qs);
                    if (keep.test(row)) {
                        rows.add(row);
                    }
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw DataException.at(file.toString(), line, column + 1, header.get(column) + ": cannot read '" + r.get(column) + "'");
                }
            }
            if (runTime == null) {
                runTime = runTimeOf(file);
                version = RUN_FILE.matcher(file.getFileName().toString()).replaceFirst("$2");
            }
            return new LoggedRun(file, runTime, version, levels, rows);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's own complaints (a duplicate header, an unclosed quote).
            throw new DataException(file + ": not a readable forecast log entry: " + e.getMessage(), e);
        }
    }
}
