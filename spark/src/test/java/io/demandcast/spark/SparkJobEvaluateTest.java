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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's {@code evaluate} on sample-data/ (always there): the quickstart's 3-window rolling-origin
 * backtest of seasonal naive, SBA and {@code auto} with quantiles (model and conformal intervals) writes the
 * per-series metrics, forecasts, leaderboard and metrics.json of the single-process {@code evaluate}.
 */
class SparkJobEvaluateTest extends LocalSparkTest {
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

    /**
     * One partition per store ({@code --group-by store_id}), the TX_1 series starting 1,000 days late so that, with
     * {@code min_train: 900}, the first window holds none of them: that partition fits nothing there, and the files
     * are still the CLI's.
     */
    @Test
    void aGroupWithNoSeriesInAWindowStillGivesTheSingleProcessFiles(@TempDir Path dir) throws Exception {
        java.time.LocalDate start = java.time.LocalDate.parse("2011-01-29").plusDays(1000);
        List<String> lines = java.nio.file.Files.readAllLines(TestProject.repository().resolve("sample-data/sales.csv"));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (!(cells[1].equals("TX_1") && java.time.LocalDate.parse(cells[3]).isBefore(start))) {
                kept.add(line);
            }
        }
        Path csv = dir.resolve("late-texas.csv");
        java.nio.file.Files.write(csv, kept);
        List<String> common = List.of("data.files=[" + csv + "]", "backtest={horizon: 28, windows: 3, min_train: 900}",
                "models=[{family: sba}, {family: seasonal_naive}]");
        List<String> cliOverrides = new ArrayList<>(common);
        cliOverrides.add("evaluate.output=" + dir.resolve("cli"));
        ExperimentConfig cli = TestProject.config("quickstart.yaml", dir, cliOverrides);
        PrepareJob.run(cli, Progress.NONE, System::getenv);
        BacktestSummary one = BacktestJob.run(cli, Progress.NONE);
        assertEquals(10, one.run().plan().seriesIn(0).length, "the first window holds the CA_1 series only");
        assertEquals(20, one.run().plan().seriesIn(1).length);

        List<String> sparkOverrides = new ArrayList<>(common);
        sparkOverrides.add("evaluate.output=" + dir.resolve("spark"));
        SparkEvaluate.Result r = SparkEvaluate.run(sc, TestProject.config("quickstart.yaml", dir, sparkOverrides), 0, "store_id",
                Progress.NONE);
        assertEquals(2, r.partitions(), "one partition per store");
        assertEquals(ranking(one), ranking(r.summary()));
        EvaluationFiles.assertSameEvaluation(dir.resolve("cli"), dir.resolve("spark"), 2 * (10 + 20 + 20));
    }

    @Test
    void modelsFromTheStoreAreRefusedWithOneLine(@TempDir Path dir) {
        ExperimentConfig config = quickstart(dir, "models=[{name: stored, artifact: quickstart-snaive}]");
        DemandcastException e = assertThrows(DemandcastException.class, () -> SparkEvaluate.run(sc, config, 2, null, Progress.NONE));
        assertTrue(e.isUserError());
        assertTrue(e.getMessage().startsWith("models[0].artifact: the Spark job evaluates models built from the config"), e.getMessage());
    }
}
