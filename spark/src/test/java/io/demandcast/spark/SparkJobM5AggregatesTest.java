package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of issue 16: the Spark job in local mode on 2 cores over {@code m5-aggregates} (114
 * daily series of 1,941 days) gives the forecasts of the single-process train + predict for the same
 * config, value by value, and its {@code evaluate} the per-series metrics, leaderboard and metrics.json of the
 * single-process {@code evaluate}. Skipped when {@code ../shared/data/m5-aggregates} is absent.
 */
class SparkJobM5AggregatesTest extends LocalSparkTest {
    private static List<String> m5Aggregates(String... more) {
        Path data = TestProject.sharedData("m5-aggregates");
        List<String> overrides = new java.util.ArrayList<>(List.of("data.files=[" + data.resolve("train.csv") + ", "
                + data.resolve("test_validation.csv") + ", " + data.resolve("test_evaluation.csv") + "]"));
        overrides.addAll(List.of(more));
        return overrides;
    }

    @Test
    void seasonalNaiveOfTheM5AggregatesConfig(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("m5-aggregates-snaive.yaml", dir, m5Aggregates());
        String cli = TestProject.singleProcess(config);
        String viaSpark = TestProject.spark(sc, config, 8, null, dir.resolve("spark.csv"));
        ForecastFiles.assertSameValues(cli, viaSpark, 114, 28);
    }

    @Test
    void autoEtsOfTheM5AggregatesConfig(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("m5-aggregates-snaive.yaml", dir,
                m5Aggregates("model.name=m5-aggregates-auto-ets", "model.family=auto_ets", "model.params={}"));
        String cli = TestProject.singleProcess(config);
        String viaSpark = TestProject.spark(sc, config, 8, null, dir.resolve("spark.csv"));
        ForecastFiles.assertSameValues(cli, viaSpark, 114, 28);
        assertEquals(cli, viaSpark, "and byte for byte");
    }

    /**
     * evaluate of the config as it stands: one hold-out window (the test split) scored with the official M5
     * weights (WRMSSE per aggregation level), 8 partitions: the CLI's files.
     */
    @Test
    void evaluateOfTheM5AggregatesConfigWithItsWeights(@TempDir Path dir) throws Exception {
        assertSameEvaluation(dir, 2 * 114, m5Aggregates());
    }

    /** A 3-window rolling-origin backtest of theta, refitted every window, weighted: the CLI's files. */
    @Test
    void rollingOriginBacktestOfTheta(@TempDir Path dir) throws Exception {
        assertSameEvaluation(dir, 2 * 3 * 114, m5Aggregates("model.name=m5-aggregates-theta", "model.family=theta", "model.params={}",
                "backtest={windows: 3, horizon: 28, step: 28}"));
    }

    /** The single-process evaluate and the Spark job's over 8 partitions, weighted by the official weights, write the same files. */
    private static void assertSameEvaluation(Path dir, int rows, List<String> overrides) throws Exception {
        String weights = "evaluate.weights=" + TestProject.sharedData("m5-aggregates").resolve("weights.csv");
        List<String> cli = new java.util.ArrayList<>(overrides);
        cli.addAll(List.of(weights, "evaluate.output=" + dir.resolve("cli")));
        ExperimentConfig config = TestProject.config("m5-aggregates-snaive.yaml", dir, cli);
        io.demandcast.core.prepare.PrepareJob.run(config, io.demandcast.core.Progress.NONE, System::getenv);
        io.demandcast.core.evaluate.backtest.BacktestSummary one = io.demandcast.core.evaluate.backtest.BacktestJob.run(config,
                io.demandcast.core.Progress.NONE);
        List<String> viaSpark = new java.util.ArrayList<>(overrides);
        viaSpark.addAll(List.of(weights, "evaluate.output=" + dir.resolve("spark")));
        SparkEvaluate.Result r = SparkEvaluate.run(sc, TestProject.config("m5-aggregates-snaive.yaml", dir, viaSpark), 8, null,
                io.demandcast.core.Progress.NONE);
        assertEquals(8, r.partitions());
        assertEquals(SparkJobEvaluateTest.ranking(one), SparkJobEvaluateTest.ranking(r.summary()));
        EvaluationFiles.assertSameEvaluation(dir.resolve("cli"), dir.resolve("spark"), rows);
    }
}
