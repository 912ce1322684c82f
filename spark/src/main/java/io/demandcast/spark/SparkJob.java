package io.demandcast.spark;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job's entry point, for {@code spark-submit} (docs/scaling.md):
 *
 * <pre>
 * spark-submit --class io.demandcast.spark.SparkJob demandcast-spark.jar train   -c x.yaml [--partitions N | --group-by COL] [--set k=v]...
 * spark-submit --class io.demandcast.spark.SparkJob demandcast-spark.jar predict -c x.yaml [-o forecasts.csv] [--format csv|parquet] [--set k=v]...
 * spark-submit --class io.demandcast.spark.SparkJob demandcast-spark.jar evaluate -c x.yaml [--partitions N | --group-by COL] [-o dir] [--set k=v]...
 * </pre>
 *
 * Exit codes as the CLI's: 0 success, 1 runtime failure, 2 invalid input (config, data, artifact),
 * 3 (evaluate) a gate rule failed.
 * Without a master from {@code spark-submit} it runs in local mode on every core ({@code local[*]}).
 */
public final class SparkJob {
    static final String USAGE = "usage: SparkJob train|predict|evaluate -c <experiment.yaml> [--set key=value]... "
            + "[--partitions N] [--group-by <static column>] [-o <forecast.csv> | <evaluation directory>] [--format csv|parquet]";
    /** Exit code of an evaluate whose gate failed, as {@code demandcast evaluate}'s. */
    static final int GATE_FAILED = 3;

    private SparkJob() {
    }

    /**
     * Parsed arguments.
     *
     * @param partitions split by series key into this many partitions; 0 for four per Spark core
     * @param format     how predict writes its forecasts
     */
    record Arguments(String verb, Path config, List<String> overrides, int partitions, String groupBy, String output,
                     SparkPredict.Format format) {
        static Arguments parse(String[] args) {
            if (args.length == 0 || !List.of("train", "predict", "evaluate").contains(args[0])) {
                throw new DemandcastException(USAGE);
            }
            Path config = null;
            List<String> overrides = new ArrayList<>();
            int partitions = 0;
            String groupBy = null;
            String output = null;
            SparkPredict.Format format = SparkPredict.Format.csv;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new DemandcastException("option " + a + " needs a value; " + USAGE);
                }
                String v = args[++i];
                switch (a) {
                    case "-c", "--config" -> config = Path.of(v);
                    case "--set" -> overrides.add(v);
                    case "--partitions" -> {
                        try {
                            partitions = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new DemandcastException("--partitions: '" + v + "' is not a number");
                        }
                        if (partitions < 1) {
                            throw new DemandcastException("--partitions must be >= 1 (got " + partitions + ")");
                        }
                    }
                    case "--group-by" -> groupBy = v;
                    case "-o", "--output" -> output = v;
                    case "--format" -> {
                        if (!args[0].equals("predict")) {
                            throw new DemandcastException("--format is an option of predict; " + USAGE);
                        }
                        try {
                            format = SparkPredict.Format.valueOf(v);
                        } catch (IllegalArgumentException e) {
                            throw new DemandcastException("--format: '" + v + "' is not one of csv, parquet");
                        }
                    }
                    default -> throw new DemandcastException("unknown option " + a + "; " + USAGE);
                }
            }
            if (config == null) {
                throw new DemandcastException("-c <experiment.yaml> is required; " + USAGE);
            }
            return new Arguments(args[0], config, overrides, partitions, groupBy, output, format);
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (DemandcastException e) {
            System.err.println("demandcast-spark: " + e.getMessage());
            code = e.isUserError() ? 2 : 1;
        }
        System.exit(code);
    }

    /** Runs one verb and returns the exit code; a user error (bad arguments, config, data) is thrown. */
    static int run(String[] args) {
        Arguments a = Arguments.parse(args);
        List<String> overrides = new ArrayList<>(a.overrides());
        if (a.output() != null) {
            overrides.add((a.verb().equals("evaluate") ? "evaluate.output=" : "predict.output=") + a.output());
        }
        ExperimentConfig config = ConfigLoader.load(a.config(), overrides);
        try {
            // As the CLI's verbs do before any work: never fit or forecast a dataset prepared from other inputs or sections.
            Path prepared = io.demandcast.core.prepare.PrepareJob.outputDirectory(config);
            if (java.nio.file.Files.isRegularFile(prepared.resolve(io.demandcast.core.data.PreparedDataset.MANIFEST_FILE))) {
                io.demandcast.core.prepare.PreparedFreshness.check(config, io.demandcast.core.data.PreparedDataset.open(prepared),
                        "demandcast prepare -c " + a.config(), null);
            }
        } catch (java.io.IOException e) {
            System.err.println("demandcast-spark " + a.verb() + ": I/O error: " + e.getMessage());
            return 1;
        }
        SparkConf conf = new SparkConf().setAppName("demandcast " + a.verb() + " " + config.name());
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try (SparkSession spark = SparkSession.builder().config(conf).getOrCreate()) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return switch (a.verb()) {
                case "train" -> train(sc, config, a);
                case "evaluate" -> evaluate(sc, config, a);
                default -> predict(sc, config, a.format());
            };
        } catch (java.io.IOException e) {
            System.err.println("demandcast-spark " + a.verb() + ": I/O error: " + e.getMessage());
            return 1;
        } catch (DemandcastException e) {
            throw e;
        } catch (Exception e) {
            // A task's failure reaches the driver as Spark's SparkException (undeclared: Scala), wrapping the executor's.
            DemandcastException cause = userError(e);
            if (cause != null) {
                throw cause;
            }
            System.err.println("demandcast-spark " + a.verb() + ": failed: " + e.getMessage());
            return 1;
        }
    }

    private static int train(JavaSparkContext sc, ExperimentConfig config, Arguments a) throws java.io.IOException {
        int partitions = a.partitions() > 0 ? a.partitions() : 4 * sc.defaultParallelism();
        SparkTrain.Result r = SparkTrain.run(sc, config, partitions, a.groupBy());
        System.err.printf(java.util.Locale.ROOT, "demandcast-spark train: published %s %s: %s on %d series in %d partitions"
                        + " (%.1f s of fits over the executors)%n", r.artifact().name(), r.artifact().version(),
                config.model().family(), r.series(), r.partitions(), r.fitSeconds());
        return 0;
    }

    private static int evaluate(JavaSparkContext sc, ExperimentConfig config, Arguments a) throws java.io.IOException {
        int partitions = a.partitions() > 0 ? a.partitions() : 4 * sc.defaultParallelism();
        SparkEvaluate.Result r = SparkEvaluate.run(sc, config, partitions, a.groupBy(),
                message -> System.err.println("demandcast-spark " + message));
        System.err.println(r.summary().text());
        for (SparkEvaluate.ModelCost m : r.models()) {
            System.err.printf(java.util.Locale.ROOT, "demandcast-spark evaluate: %s: %d partitions, %.1f s of backtests over the"
                    + " executors%n", m.model(), m.partitions(), m.executorSeconds());
        }
        if (!r.summary().gatePassed()) {
            for (String line : r.summary().gateFailures()) {
                System.err.println("gate failed: " + line);
            }
            return GATE_FAILED;
        }
        return 0;
    }

    private static int predict(JavaSparkContext sc, ExperimentConfig config, SparkPredict.Format format) throws java.io.IOException {
        SparkPredict.Result r = SparkPredict.run(sc, config, format);
        System.err.printf(java.util.Locale.ROOT, "demandcast-spark predict: %s: %d series x %d steps from %d partitions -> %s%n",
                r.version(), r.forecast().seriesCount(), r.forecast().horizon(), r.partitions(), r.output());
        return 0;
    }

    /** The user error (bad data, an unloadable model) that failed a task on an executor, if that is what failed it. */
    private static DemandcastException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DemandcastException d && d.isUserError()) {
                return d;
            }
        }
        return null;
    }
}
