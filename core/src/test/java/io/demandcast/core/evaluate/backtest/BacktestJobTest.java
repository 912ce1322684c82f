package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

        BacktestSummary summary = BacktestJob.run(config, Progress.NONE);

        // naive repeats day 9 (2); the actuals of days 10..13 as read are 1, 2, 50, 1
        Leaderboard.Entry naive = summary.run().leaderboard().entry("spike"); // model.name defaults to the experiment's name
        assertEquals((1 + 0 + 48 + 1) / 4.0, naive.scores().rows().get(0).metrics().mae(), 1e-9);
    }
}
