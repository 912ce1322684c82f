package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestSummary;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's {@code evaluate} on sample-data/ (always there): the quickstart's 3-window rolling-origin
 * backtest of seasonal naive, SBA and {@code auto} with quantiles (model and conformal intervals) writes the
 * per-series metrics, forecasts, leaderboard and metrics.json of the single-process {@code evaluate}.
 */
class SparkJobEvaluateTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = TestProject.localSpark();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ExperimentConfig quickstart(Path dir, String... more) {
        List<String> overrides = new ArrayList<>(List.of("data.files=[" + TestProject.repository().resolve("sample-data/sales.csv") + "]"));
        overrides.addAll(List.of(more));
        return TestProject.config("quickstart.yaml", dir, overrides);
    }

    @Test
    void theQuickstartBacktestOverFivePartitionsEqualsTheSingleProcessOne(@TempDir Path dir) throws Exception {
        ExperimentConfig cli = quickstart(dir, "evaluate.output=" + dir.resolve("cli"));
        PrepareJob.run(cli, Progress.NONE, System::getenv);
        BacktestSummary one = BacktestJob.run(cli, Progress.NONE);
        SparkEvaluate.Result viaSpark = SparkEvaluate.run(sc, quickstart(dir, "evaluate.output=" + dir.resolve("spark")), 5, null,
                Progress.NONE);

        assertEquals(4, viaSpark.partitions(), "five buckets by series key, one of them empty for these 20 ids");
        assertEquals(List.of("quickstart-snaive", "sba", "auto", "seasonal_naive"), viaSpark.models().stream().map(SparkEvaluate.ModelCost::model).toList(),
                "every model of the leaderboard ran on the executors, the added baseline last");
        assertEquals(ranking(one), ranking(viaSpark.summary()), "the leaderboard: models, ranks and every metric");
        EvaluationFiles.assertSameEvaluation(dir.resolve("cli"), dir.resolve("spark"), 4 * 3 * 20);
    }

    /** Each leaderboard entry as {@code rank name {metrics}}, without its fit time. */
    static List<String> ranking(BacktestSummary summary) {
        return summary.run().leaderboard().entries().stream().map(e -> {
            java.util.Map<String, Double> values = new java.util.TreeMap<>(e.values());
            values.keySet().removeIf(k -> k.endsWith("_seconds"));
            return e.rank() + " " + e.name() + " " + values;
        }).toList();
    }

    @Test
    void modelsFromTheStoreAreRefusedWithOneLine(@TempDir Path dir) {
        ExperimentConfig config = quickstart(dir, "models=[{name: stored, artifact: quickstart-snaive}]");
        DemandcastException e = assertThrows(DemandcastException.class, () -> SparkEvaluate.run(sc, config, 2, null, Progress.NONE));
        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith("models[0].artifact: the Spark job evaluates models built from the config"), e.getMessage());
    }
}
