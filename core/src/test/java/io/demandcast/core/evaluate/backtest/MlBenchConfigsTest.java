package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.SharedData;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.ModelSpec;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ScoreResult;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench config {@code configs/ml-dominicks.yaml} of {@code scripts/bench/ml.sh} scores exactly
 * the reference protocol on a panel with missing weeks: the cheap baselines reproduce R's figures
 * through prepare and the backtest engine. (The M5 configs' seasonal naive reproduces the published
 * levels in every ml.sh run; ScorerM5Test checks the scoring, at a fraction of the cost.)
 */
class MlBenchConfigsTest {
    @TempDir
    Path dir;

    /** {@code configs/<name>.yaml} as shipped, its shared-data files pointed at wherever the data is. */
    private ExperimentConfig config(String name, String folder, List<String> files, String... more) {
        Path data = SharedData.folder(folder);
        List<String> overrides = new ArrayList<>(List.of(
                "data.files=[" + String.join(", ", files.stream().map(f -> data.resolve(f).toString()).toList()) + "]",
                "prepare.output=" + dir.resolve("prepared"),
                "evaluate.output=" + dir.resolve("evaluation")));
        overrides.addAll(List.of(more));
        return ConfigLoader.load(Path.of("..", "configs", name + ".yaml"), overrides);
    }

    private static AggregateMetrics onlyWindow(BacktestSummary summary, String model) {
        List<ScoreResult> windows = summary.run().leaderboard().entry(model).scores().byWindow();
        assertEquals(1, windows.size(), "one window: the test period");
        return windows.get(0).aggregate();
    }

    @Test
    void dominicksScoresOnlyTheTestWeeksPresentAndNaiveMatchesR() throws IOException {
        Path oj = SharedData.folder("dominicks-orange-juice");
        ExperimentConfig config = config("ml-dominicks", "dominicks-orange-juice", List.of("train.csv", "test.csv"),
                "models=[{family: naive}]", "data.attributes.file=" + oj.resolve("meta.csv"),
                "data.joins[0].file=" + oj.resolve("prices_all_brands.csv"));
        PrepareJob.run(config, Progress.NONE, name -> null);

        BacktestSummary summary = BacktestJob.run(config, Progress.NONE);

        AggregateMetrics naive = onlyWindow(summary, "naive");
        assertEquals(913, naive.series());
        assertEquals(10_439, naive.n(), "the rows of test.csv: missing test weeks are not scored");
        // R forecast 8.20 on the same histories (scripts/bench/ml.R): naive 54.3116, snaive 62.8660
        assertEquals(54.3116, naive.smape(), 1e-4);
        assertEquals(62.8660, onlyWindow(summary, "seasonal_naive").smape(), 1e-4);
    }

    /**
     * Every model of the three bench configs builds (families and parameters valid), without data:
     * an ml.sh run takes tens of minutes, a typo in a config row should not cost one.
     */
    @Test
    void everyBenchConfigModelBuilds() {
        ModelContext context = new ModelContext(Frequency.DAILY, 7, 28, List.of());
        for (String name : List.of("ml-m5-tiny", "ml-m5-aggregates", "ml-dominicks", "elasticity-dominicks")) {
            ExperimentConfig config = ConfigLoader.load(Path.of("..", "configs", name + ".yaml"), List.of());
            for (ModelSpec m : config.models()) {
                ModelFactory.create(ModelRegistry.standard(), m.family(), m.params(), context, name + ": " + m.name());
            }
        }
        List<String> tiny = ConfigLoader.load(Path.of("..", "configs", "ml-m5-tiny.yaml"), List.of()).models().stream()
                .map(ModelSpec::name).toList();
        assertTrue(tiny.contains("xgboost_log1p_tweedie_tsb"), tiny.toString());
    }
}
