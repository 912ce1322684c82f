package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two hooks a distributed run (the Spark job) uses: {@link BacktestPlan#restore} and {@link BacktestRunner}. */
class BacktestRunnerHookTest {
    @TempDir
    Path dir;

    @Test
    void aRestoredPlanOfOneSeriesKeepsTheWholePanelsCutoffsEvenInAWindowWithoutIt() {
        Panel p = BacktestPlanTest.ragged();
        BacktestConfig common = BacktestPlanTest.config(2, null, BacktestConfig.Cutoffs.common, null, null, null, null, null);
        BacktestPlan whole = BacktestPlan.of(p, p, common, 7);
        Panel shortOnly = p.select(new int[] {1});
        int[][] cutoffs = {{whole.cutoff(0, 1)}, {whole.cutoff(1, 1)}};
        int[][] starts = {{whole.trainStart(0, 1)}, {whole.trainStart(1, 1)}};
        BacktestPlan restored = BacktestPlan.restore(p.axis(), shortOnly.seriesIds(), 7, cutoffs, starts,
                new String[] {whole.label(0), whole.label(1)});

        assertEquals(85, restored.cutoff(0, 0), "the whole panel's common cutoff, from the latest end of all series");
        assertFalse(restored.includes(1, 0));
        assertEquals(0, restored.seriesIn(1).length, "a window may hold none of the series");
        assertEquals(75, BacktestPlan.of(shortOnly, shortOnly, common, 7).cutoff(0, 0),
                "planning the series alone moves the cutoffs to its own end");
        Panel training = restored.training(shortOnly, 0, 0);
        assertEquals(40, training.firstPeriod(0));
        assertEquals(85, training.lastPeriod(0), "short's rows up to the whole panel's cutoff");

        assertThrows(IllegalArgumentException.class, () -> BacktestPlan.restore(p.axis(), p.seriesIds(), 7, cutoffs, starts,
                new String[] {"a", "b"}), "one cutoff per series");
    }

    @Test
    void evaluateRunsEachModelThroughTheRunnerItIsGiven() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        for (String id : List.of("a", "b")) {
            for (int d = 0; d < 60; d++) {
                csv.append(id).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(d % 7 + (id.equals("a") ? 0 : 3))
                        .append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        String yaml = """
                name: hook
                data: {files: [%s], frequency: daily}
                prepare: {output: %s/prepared}
                models: [{family: naive}, {family: mean}]
                backtest: {horizon: 7, windows: 2}
                evaluate: {output: %s/evaluation}
                """.formatted(file, dir, dir);
        ExperimentConfig config = ConfigLoader.parse(yaml, "hook.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        BacktestSummary local = BacktestJob.run(config, Progress.NONE);

        List<String> ran = new ArrayList<>();
        BacktestRunner counting = (model, history, plan, refit, levels, adjust, progress, pastOnly) -> {
            ran.add(model.name());
            return BacktestRunner.LOCAL.run(model, history, plan, refit, levels, adjust, progress, pastOnly);
        };
        BacktestSummary viaRunner = BacktestJob.run(config, io.demandcast.core.model.ModelRegistry.standard(), Progress.NONE, counting);

        assertEquals(List.of("naive", "mean", "seasonal_naive"), ran);
        assertEquals(scores(local), scores(viaRunner));
    }

    private static List<String> scores(BacktestSummary summary) {
        return summary.run().leaderboard().entries().stream().map(e -> {
            java.util.Map<String, Double> values = new java.util.TreeMap<>(e.values());
            values.keySet().removeIf(k -> k.endsWith("_seconds"));
            return e.name() + " " + values;
        }).toList();
    }
}
