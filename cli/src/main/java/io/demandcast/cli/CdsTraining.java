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
 * {@code -XX:ArchiveClassesAtExit}): the classes a short run of each verb loads, so that later runs
 * map them from the archive instead of loading them from the jar. It runs what users start most,
 * in-process as {@link Main} runs it, on a few made-up series in a temporary directory: {@code --version}, every verb's
 * {@code --help}, and prepare, train and predict of seasonal naive with the quickstart's kind of
 * preparation. It writes nothing outside that directory and prints nothing the launcher keeps.
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

    static List<List<String>> runs(Path config) {
        String c = config.toString();
        return List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("prepare", "--help"), List.of("train", "--help"), List.of("predict", "--help"),
                List.of("evaluate", "--help"), List.of("tune", "--help"), List.of("monitor", "--help"),
                List.of("models", "--help"),
                List.of("prepare", "-q", "-c", c),
                List.of("train", "-q", "-c", c),
                List.of("predict", "-q", "-c", c),
                List.of("predict", "-q", "-c", c, "--json"));
    }

    /** Three daily series of 120 days with a price and an event column, and an experiment over them. */
    static Path writeExperiment(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("series_id,date,value,sell_price,snap,event_name_1\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int s = 0; s < 3; s++) {
            for (int d = 0; d < 120; d++) {
                int value = (d * 7 + s * 3) % 11 + (d % 7 == 5 ? 4 : 0);
                csv.append(String.format(Locale.ROOT, "S%d,%s,%d,%.2f,%d,%s%n", s, start.plusDays(d), value, 2.5 + s,
                        d % 10 < 3 ? 1 : 0, d % 30 == 0 ? "Holiday" : ""));
            }
        }
        Path data = dir.resolve("sales.csv");
        Files.writeString(data, csv);
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
