package io.demandcast.cli.bench;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.CellFormat;
import io.demandcast.core.data.CsvSource;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Times, in one JVM and interleaved, the CSV ingest of an experiment's {@code data.files} three ways:
 * the Commons CSV parse loop the reader used before issue 16 (record by record, a String per cell,
 * numbers and dates parsed from Strings, rows into doubling arrays; the panel assembly after it is not
 * timed), and {@link PanelCsvReader} (bytes to primitive columns, the panel built) on one thread and on
 * every core. Prints rows/s of wall time and of process CPU time for each. Run by
 * {@code scripts/bench/ingest.sh}; not part of the CLI.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IngestBenchmark <config.yaml> [repeats]");
            System.exit(2);
        }
        ExperimentConfig config = ConfigLoader.load(Path.of(args[0]), List.of());
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files = config.data().files().stream().map(Path::of).toList();
        Frequency frequency = config.data().frequency() == null ? null : Frequency.parse(config.data().frequency());
        SchemaConfig schema = config.data().schema();
        DataFormat format = config.data().format();
        int cores = Runtime.getRuntime().availableProcessors();
        String[] names = {"commons-csv loop (before)", "bytes, 1 thread", "bytes, " + cores + " threads"};
        double[][] wall = new double[3][repeats];
        double[][] cpu = new double[3][repeats];
        long[] rows = new long[3];
        // Round -1 warms the JIT for all three; the three alternate so machine noise hits them alike.
        for (int i = -1; i < repeats; i++) {
            for (int way = 0; way < 3; way++) {
                System.gc();
                long w0 = System.nanoTime();
                long c0 = processCpuNanos();
                rows[way] = switch (way) {
                    case 0 -> commonsLoop(files, schema, format);
                    case 1 -> read(schema, frequency, format, config, 1).rowCount();
                    default -> read(schema, frequency, format, config, cores).rowCount();
                };
                if (i >= 0) {
                    wall[way][i] = (System.nanoTime() - w0) / 1e9;
                    cpu[way][i] = (processCpuNanos() - c0) / 1e9;
                }
            }
        }
        for (int way = 0; way < 3; way++) {
            double w = median(wall[way]);
            double c = median(cpu[way]);
            System.out.printf(Locale.ROOT, "%-28s rows=%,d  wall %.2f s (%.2f M rows/s)  cpu %.2f s (%.2f M rows/cpu-s)  [median of %d]%n",
                    names[way], rows[way], w, rows[way] / w / 1e6, c, rows[way] / c / 1e6, repeats);
        }
        System.out.printf(Locale.ROOT, "speed-up (wall, %d threads vs before) %.1fx%n", cores, median(wall[0]) / median(wall[2]));
    }

    private static Panel read(SchemaConfig schema, Frequency frequency, DataFormat format, ExperimentConfig config, int threads) {
        return new PanelCsvReader(schema, frequency).with(format, config.data().duplicates()).withThreads(threads)
                .read(config.data().files().stream().map(Path::of).toList());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The parse loop of the Commons CSV reader before issue 16 (its readFile), rows into doubling arrays. */
    private static long commonsLoop(List<Path> files, SchemaConfig schema, DataFormat format) throws Exception {
        CellFormat cells = new CellFormat(format);
        Map<String, Integer> seriesIndex = new HashMap<>();
        List<String[]> staticValues = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (int c = 0; c < schema.categoricalColumns().size(); c++) {
            levels.add(new HashMap<>());
        }
        int size = 0;
        int[] series = new int[1024];
        int[] day = new int[1024];
        double[] target = new double[1024];
        long[] line = new long[1024];
        double[][] covariates = new double[schema.numericColumns().size()][1024];
        int[][] categorical = new int[schema.categoricalColumns().size()][1024];
        for (Path file : files) {
            String name = file.toString();
            try (CSVParser parser = CsvSource.open(file, format)) {
                Map<String, Integer> header = parser.getHeaderMap();
                int[] idCols = schema.id().stream().mapToInt(header::get).toArray();
                int dateCol = header.get(schema.date());
                int targetCol = header.get(schema.target());
                int[] covCols = schema.numericColumns().stream().mapToInt(header::get).toArray();
                int[] catCols = schema.categoricalColumns().stream().mapToInt(header::get).toArray();
                int[] staticCols = schema.statics().stream().mapToInt(header::get).toArray();
                Map<String, Integer> dayCache = new HashMap<>();
                StringBuilder key = new StringBuilder();
                for (CSVRecord record : parser) {
                    long ln = parser.getCurrentLineNumber();
                    key.setLength(0);
                    for (int i = 0; i < idCols.length; i++) {
                        if (i > 0) {
                            key.append('/');
                        }
                        key.append(record.get(idCols[i]));
                    }
                    String id = key.toString();
                    Integer s = seriesIndex.get(id);
                    if (s == null) {
                        String[] statics = new String[staticCols.length];
                        for (int i = 0; i < staticCols.length; i++) {
                            statics[i] = record.get(staticCols[i]);
                        }
                        s = seriesIndex.size();
                        seriesIndex.put(id, s);
                        staticValues.add(statics);
                    } else {
                        String[] statics = staticValues.get(s);
                        for (int i = 0; i < staticCols.length; i++) {
                            if (!statics[i].equals(record.get(staticCols[i]))) {
                                throw new IllegalStateException("static changes");
                            }
                        }
                    }
                    String dateText = record.get(dateCol);
                    Integer d = dayCache.get(dateText);
                    if (d == null) {
                        d = Math.toIntExact(cells.date(dateText, name, ln, dateCol, schema.date()).toEpochDay());
                        dayCache.put(dateText, d);
                    }
                    if (size == series.length) {
                        int cap = size * 2;
                        series = Arrays.copyOf(series, cap);
                        day = Arrays.copyOf(day, cap);
                        target = Arrays.copyOf(target, cap);
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
                    line[size] = ln;
                    target[size] = cells.number(record.get(targetCol), name, ln, targetCol, schema.target());
                    for (int i = 0; i < covCols.length; i++) {
                        covariates[i][size] = cells.number(record.get(covCols[i]), name, ln, covCols[i], schema.numericColumns().get(i));
                    }
                    for (int i = 0; i < catCols.length; i++) {
                        String level = record.get(catCols[i]);
                        if (level.isEmpty() || level.equals("NA")) {
                            categorical[i][size] = -1;
                        } else {
                            Map<String, Integer> dict = levels.get(i);
                            categorical[i][size] = dict.computeIfAbsent(level, k -> dict.size());
                        }
                    }
                    size++;
                }
            }
        }
        return size;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
