package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestJobTest {
    @TempDir
    Path dir;

    @Test
    void scoresAgainstTheTargetAsReadWhenPrepareClipsOutliers() throws Exception {
        double[] y = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 50, 1};
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        for (int d = 0; d < y.length; d++) {
            csv.append("a,").append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(y[d]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        String yaml = """
                name: spike
                data: {files: [%s], frequency: daily}
                prepare:
                  output: %s/prepared
                  outliers: {method: hampel, window: 3, action: clip}
                  split: {test: 4}
                model: {family: naive}
                evaluate: {output: %s/evaluation}
                """.formatted(file, dir, dir);
        ExperimentConfig config = ConfigLoader.parse(yaml, "spike.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);

        List<String> lines = new ArrayList<>();
        BacktestSummary summary = BacktestJob.run(config, lines::add);

        // naive is a per-series model: the panel was read without its features, but with the target as read
        assertTrue(lines.contains("evaluate: read the target only (per-series models): 0 numeric and 0 categorical prepared columns not loaded"),
                lines.toString());

        // naive repeats day 9 (2); the actuals of days 10..13 as read are 1, 2, 50, 1
        Leaderboard.Entry naive = summary.run().leaderboard().entry("spike"); // model.name defaults to the experiment's name
        assertEquals((1 + 0 + 48 + 1) / 4.0, naive.scores().rows().get(0).metrics().mae(), 1e-9);
    }

    @Test
    void readsOnlyTheTargetForPerSeriesModelsAndEveryColumnForGlobalOnes() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,date,value,price\n");
        for (String id : List.of("a", "b", "c")) {
            for (int d = 0; d < 60; d++) {
                csv.append(id).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append((d * 7 + id.charAt(0)) % 5)
                        .append(',').append(2 + d % 3).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        String yaml = """
                name: columns
                data: {files: [%s], frequency: daily, schema: {covariates: [price]}}
                prepare:
                  output: %s/prepared
                  features: {calendar: [day_of_week], lags: [7], rolling: {windows: [7], stats: [mean]}, price: {column: price}}
                  split: {test: 7}
                models: [{family: naive}, {family: auto}]
                backtest: {horizon: 7, windows: 2}
                evaluate: {output: %s/evaluation}
                """.formatted(file, dir, dir);
        ExperimentConfig config = ConfigLoader.parse(yaml, "columns.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        // price, day_of_week, lag_7, roll_mean_7, price_change, price_rel_28
        List<String> lines = new ArrayList<>();
        BacktestJob.run(config, lines::add);
        assertTrue(lines.contains("evaluate: read the target only (per-series models): 6 numeric and 0 categorical prepared columns not loaded"),
                lines.toString());

        ExperimentConfig withGlobal = ConfigLoader.parse(yaml.replace("{family: auto}", "{family: ridge}"), "columns.yaml", List.of());
        List<String> global = new ArrayList<>();
        BacktestJob.run(withGlobal, global::add);
        assertTrue(global.stream().noneMatch(l -> l.contains("read the target only")), global.toString());
    }
}
