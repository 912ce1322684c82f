package io.demandcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A small experiment in a temporary directory: a long sales CSV (3 series x 60 days) and a config
 * whose every path (data, prepare.output, train.store, predict.output, evaluate.output) points
 * into that directory.
 */
final class TestProject {
    static final List<String> SERIES = List.of("A", "B", "C");
    static final int DAYS = 60;
    static final int TEST = 7;
    static final int HORIZON = 7;
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final String MODEL = "snaive";

    final Path dir;
    final Path sales;
    final Path config;
    final Path prepared;
    final Path store;
    final Path forecast;
    final Path evaluation;

    private TestProject(Path dir) {
        this.dir = dir;
        this.sales = dir.resolve("sales.csv");
        this.config = dir.resolve("experiment.yaml");
        this.prepared = dir.resolve("prepared");
        this.store = dir.resolve("store");
        this.forecast = dir.resolve("forecasts").resolve("forecast.csv");
        this.evaluation = dir.resolve("evaluation");
    }

    /** Writes the clean sales CSV and a config reading it. */
    static TestProject create(Path dir) {
        TestProject p = new TestProject(dir);
        p.write(p.sales, salesCsv());
        p.write(p.config, p.configYaml(p.sales));
        return p;
    }

    /** {@link #create}, then {@code prepare} and {@code train}, both required to succeed. */
    static TestProject trained(Path dir) {
        TestProject p = create(dir);
        int prepared = p.run("prepare", "-q").code();
        int trained = p.run("train", "-q").code();
        if (prepared != 0 || trained != 0) {
            throw new AssertionError("setup failed: prepare exit " + prepared + ", train exit " + trained);
        }
        return p;
    }

    /** Writes {@code file}: this project's config plus a {@code tune:} section over naive and seasonal naive into {@code output}. */
    Path writeTuneConfig(Path file, Path output) throws java.io.IOException {
        write(file, java.nio.file.Files.readString(config) + String.join("\n",
                "tune:",
                "  candidates: 2",
                "  output: " + quote(output),
                "  space:",
                "    - family: naive",
                "    - family: seasonal_naive",
                ""));
        return file;
    }

    /** Header {@code series_id,date,value}, then every series' days in order; values cycle weekly. */
    static String salesCsv() {
        StringBuilder sb = new StringBuilder("series_id,date,value\n");
        for (int s = 0; s < SERIES.size(); s++) {
            for (int d = 0; d < DAYS; d++) {
                int value = 3 + s + (d % 7) * (s + 1) + (d * 5 % 3);
                sb.append(SERIES.get(s)).append(',').append(START.plusDays(d)).append(',').append(value).append('\n');
            }
        }
        return sb.toString();
    }

    /** The config, reading {@code dataFile}. */
    String configYaml(Path dataFile) {
        return String.join("\n",
                "name: clitest",
                "data:",
                "  files: [" + quote(dataFile) + "]",
                "  frequency: daily",
                "  schema:",
                "    id: [series_id]",
                "    date: date",
                "    target: value",
                "prepare:",
                "  output: " + quote(prepared),
                "  split:",
                "    test: " + TEST,
                "model:",
                "  name: " + MODEL,
                "  family: seasonal_naive",
                "  params:",
                "    season_length: 7",
                "train:",
                "  store: " + quote(store),
                "predict:",
                "  horizon: " + HORIZON,
                "  quantiles: [0.1, 0.5, 0.9]",
                "  output: " + quote(forecast),
                "evaluate:",
                "  output: " + quote(evaluation),
                "");
    }

    /** Writes {@code csv} as {@code name} and a config {@code name}.yaml reading it; returns the config. */
    Path configReading(String name, String csv) {
        Path data = dir.resolve(name + ".csv");
        write(data, csv);
        Path cfg = dir.resolve(name + ".yaml");
        write(cfg, configYaml(data));
        return cfg;
    }

    /** {@code -c <config>} followed by {@code args}, after {@code verb}. */
    String[] args(String verb, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = verb;
        all[1] = "-c";
        all[2] = config.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }

    CliRun.Result run(String verb, String... args) {
        return CliRun.run(args(verb, args));
    }

    /** The model's directory in the store: version directories and LATEST. */
    Path modelDirectory() {
        return store.resolve(MODEL);
    }

    String latestVersion() throws IOException {
        return Files.readString(modelDirectory().resolve("LATEST")).trim();
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code --set} overrides that run one of the repository's configs on {@code sample-data/sales.csv},
     * with {@code prepare.output}, {@code train.store} and each further {@code key, file name} pair of
     * {@code outputs} inside {@code tmp}. Tests run from the cli module directory.
     */
    static java.util.List<String> sampleData(Path tmp, String... outputs) {
        Path sales = Path.of("..", "sample-data", "sales.csv");
        if (!java.nio.file.Files.isRegularFile(sales)) {
            throw new IllegalStateException("run from the cli module directory: " + sales.toAbsolutePath());
        }
        java.util.List<String> overrides = new java.util.ArrayList<>(java.util.List.of(
                "--set", "data.files=[" + quote(sales) + "]",
                "--set", "prepare.output=" + quote(tmp.resolve("prepared")),
                "--set", "train.store=" + quote(tmp.resolve("store"))));
        for (int i = 0; i + 1 < outputs.length; i += 2) {
            overrides.add("--set");
            overrides.add(outputs[i] + "=" + quote(tmp.resolve(outputs[i + 1])));
        }
        return java.util.List.copyOf(overrides);
    }

    /** A single-quoted YAML scalar: no escapes, so Windows back-slashes survive too. */
    static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
