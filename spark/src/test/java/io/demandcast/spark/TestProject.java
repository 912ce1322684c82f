package io.demandcast.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Configs of the repository pointed at a temporary directory, and the data the tests read. */
final class TestProject {
    private TestProject() {
    }

    /** The repository root (surefire runs in {@code spark/}). */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("configs")) ? here : here.getParent();
    }

    /**
     * A folder of the team's shared data: {@code demandcast.shared.data}, else {@code DEMANDCAST_SHARED_DATA}, else
     * {@code ../shared/data} beside the checkout; skips the test with a message when it is absent.
     */
    static Path sharedData(String name) {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("demandcast.shared.data");
        if (prop != null) {
            roots.add(Path.of(prop));
        }
        String env = System.getenv("DEMANDCAST_SHARED_DATA");
        if (env != null) {
            roots.add(Path.of(env));
        }
        roots.add(repository().resolve("../shared/data"));
        for (Path root : roots) {
            if (Files.isDirectory(root.resolve(name))) {
                return root.resolve(name).toAbsolutePath().normalize();
            }
        }
        assumeTrue(false, "shared data folder " + name + " is absent under " + roots + ": skipping (it sits beside the checkout in CI)");
        return null;
    }

    /** A repository config with its outputs under {@code dir} and the given overrides applied after. */
    static ExperimentConfig config(String file, Path dir, List<String> overrides) {
        List<String> all = new ArrayList<>(List.of(
                "prepare.output=" + dir.resolve("prepared"),
                "train.store=" + dir.resolve("store"),
                "predict.output=" + dir.resolve("cli.csv")));
        all.addAll(overrides);
        return ConfigLoader.load(repository().resolve("configs").resolve(file), all);
    }

    /** prepare, then train and predict as the CLI runs them in one process; returns the forecast CSV. */
    static String singleProcess(ExperimentConfig config) throws IOException {
        PrepareJob.run(config, Progress.NONE, System::getenv);
        TrainJob.run(config, Progress.NONE);
        PredictJob.run(config, new StringWriter(), Progress.NONE);
        return Files.readString(Path.of(PredictJob.outputOf(config)));
    }

    /** The Spark job's train then predict, its forecasts to {@code output}; returns the forecast CSV. */
    static String spark(JavaSparkContext sc, ExperimentConfig config, int partitions, String groupBy, Path output) throws IOException {
        SparkTrain.run(sc, config, partitions, groupBy);
        SparkPredict.run(sc, PredictJob.withOutput(config, output.toString()));
        return Files.readString(output);
    }

    /** Spark in local mode on 2 cores, without its web UI. */
    static SparkSession localSpark() {
        return SparkSession.builder().master("local[2]").appName("demandcast-spark-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    }
}
