package io.demandcast.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The run the launcher ({@code scripts/demandcast}) records a class-data archive of (Java's
 * {@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump} over that list): the classes a short run
 * of each verb loads, so that later runs
 * map them from the archive instead of loading them from the jar. It runs what users start most,
 * in-process as {@link Main} runs it, on a few made-up series in a temporary directory: {@code --version}, every verb's
 * {@code --help}, prepare, train and predict of seasonal naive with the quickstart's kind of
 * preparation, and what a daily cron job runs: {@code predict --data} of newer rows laid over a plainly
 * prepared dataset, for the families it updates most (ETS, ARIMA, Croston). It writes nothing outside
 * that directory and prints nothing the launcher keeps.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("demandcast-cds");
        try {
            Path config = writeExperiment(dir);
            PrintWriter err = new PrintWriter(Writer.nullWriter());
            InterruptNotice.install(err);
            int failures = 0;
            for (List<String> run : runs(config)) {
                if (Main.run(run.toArray(String[]::new), OutputStream.nullOutputStream(), err) != ExitCodes.OK) {
                    // Still worth archiving what was loaded; said for whoever runs this by hand.
                    System.err.println("demandcast CDS training: '" + String.join(" ", run) + "' failed");
                    failures++;
                }
            }
            System.err.println("demandcast CDS training: " + failures + " failed run(s)");
        } finally {
            deleteTree(dir);
        }
    }

    /** The families {@link #runs} trains and brings up to newer rows with {@code predict --data}. */
    static final List<String> UPDATED_FAMILIES = List.of("auto_ets", "auto_arima", "croston");

    /** The runs, over {@code config} and the update experiment {@link #writeExperiment} wrote beside it. */
    static List<List<String>> runs(Path config) {
        String c = config.toString();
        String u = config.resolveSibling(UPDATE_EXPERIMENT).toString();
        String newer = config.resolveSibling(NEWER_ROWS).toString();
        List<List<String>> runs = new java.util.ArrayList<>(List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("prepare", "--help"), List.of("train", "--help"), List.of("predict", "--help"),
                List.of("evaluate", "--help"), List.of("tune", "--help"), List.of("monitor", "--help"),
                List.of("models", "--help"),
                List.of("prepare", "-q", "-c", c),
                List.of("train", "-q", "-c", c),
                List.of("predict", "-q", "-c", c),
                List.of("predict", "-q", "-c", c, "--json"),
                List.of("prepare", "-q", "-c", u)));
        for (String family : UPDATED_FAMILIES) {
            String[] model = {"--set", "model.family=" + family, "--set", "model.name=cds-" + family.replace('_', '-')};
            runs.add(concat(List.of("train", "-q", "-c", u), model));
            runs.add(concat(List.of("predict", "-q", "-c", u, "--data", newer), model));
        }
        return List.copyOf(runs);
    }

    private static List<String> concat(List<String> head, String[] tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static final String UPDATE_EXPERIMENT = "update.yaml";
    private static final String NEWER_ROWS = "newer.csv";

    /**
     * Three daily series of 120 days with a price and an event column, and an experiment over them;
     * beside it, the update experiment (the first 113 days, prepared as a cron job's data is: gaps left
     * missing, no features) and its newer rows (the last 7 days).
     */
    static Path writeExperiment(Path dir) throws IOException {
        String header = "series_id,date,value,sell_price,snap,event_name_1\n";
        StringBuilder csv = new StringBuilder(header);
        StringBuilder history = new StringBuilder(header);
        StringBuilder newer = new StringBuilder(header);
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int s = 0; s < 3; s++) {
            for (int d = 0; d < 120; d++) {
                int value = (d * 7 + s * 3) % 11 + (d % 7 == 5 ? 4 : 0);
                String row = String.format(Locale.ROOT, "S%d,%s,%d,%.2f,%d,%s%n", s, start.plusDays(d), value, 2.5 + s,
                        d % 10 < 3 ? 1 : 0, d % 30 == 0 ? "Holiday" : "");
                csv.append(row);
                (d < 113 ? history : newer).append(row);
            }
        }
        Path data = dir.resolve("sales.csv");
        Files.writeString(data, csv);
        Path historyFile = dir.resolve("history.csv");
        Files.writeString(historyFile, history);
        Files.writeString(dir.resolve(NEWER_ROWS), newer);
        Files.writeString(dir.resolve(UPDATE_EXPERIMENT), String.join("\n",
                "name: cds-update",
                "data:",
                "  files: [" + quoted(historyFile) + "]",
                "  frequency: daily",
                "  season_length: 7",
                "prepare:",
                "  output: " + quoted(dir.resolve("update-prepared")),
                "  gaps: {target: missing}",
                "model:",
                "  name: cds-update",
                "  family: auto_ets",
                "train:",
                "  store: " + quoted(dir.resolve("artifacts")),
                "predict:",
                "  horizon: 14",
                "  quantiles: [0.1, 0.5, 0.9]",
                "  output: " + quoted(dir.resolve("update-forecast.csv")),
                ""));
        String yaml = String.join("\n",
                "name: cds-training",
                "data:",
                "  files: [" + quoted(data) + "]",
                "  frequency: daily",
                "  schema:",
                "    id: [series_id]",
                "    date: date",
                "    target: value",
                "    covariates: [sell_price, snap]",
                "    categorical: [event_name_1]",
                "prepare:",
                "  output: " + quoted(dir.resolve("prepared")),
                "  gaps: {target: zero, covariates: ffill}",
                "  negatives: zero",
                "  outliers: {method: hampel, window: 7, threshold: 5, action: flag}",
                "  features:",
                "    calendar: [day_of_week, week_of_year, month, events]",
                "    lags: [7, 28]",
                "    rolling: {windows: [7, 28], stats: [mean, std]}",
                "    price: {column: sell_price, window: 28}",
                "  scaling: {method: standard}",
                "  split: {validation: 14, test: 14}",
                "model:",
                "  name: cds-snaive",
                "  family: seasonal_naive",
                "  params: {season_length: 7}",
                "train:",
                "  store: " + quoted(dir.resolve("artifacts")),
                "predict:",
                "  horizon: 14",
                "  quantiles: [0.1, 0.5, 0.9]",
                "  output: " + quoted(dir.resolve("forecast.csv")),
                "");
        Path config = dir.resolve("experiment.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    /** A path as a single-quoted YAML scalar (a temporary directory may hold any character). */
    private static String quoted(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
