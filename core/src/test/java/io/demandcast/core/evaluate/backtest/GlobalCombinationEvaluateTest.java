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

/** {@code evaluate} of a combination with a global member: built from its members' runs when they are listed too. */
class GlobalCombinationEvaluateTest {
    @TempDir
    Path dir;

    private static final String COMBO = "{name: combo, family: combination, params: {members: [{family: ridge, params: {lags: [1, 7], rolling: []}}, "
            + "naive], weights: [2, 1]}}";

    private ExperimentConfig config(String models, String output) throws Exception {
        Path file = dir.resolve("in.csv");
        if (Files.notExists(file)) {
            StringBuilder csv = new StringBuilder("series_id,date,value\n");
            for (int s = 0; s < 3; s++) {
                for (int d = 0; d < 90; d++) {
                    double v = 10 + 3 * s + 5 * (d % 7 == s ? 1 : 0) + (d * (s + 3) % 4);
                    csv.append("s").append(s).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(v).append('\n');
                }
            }
            Files.writeString(file, csv);
        }
        String yaml = """
                name: ens
                data: {files: ['%s'], frequency: daily}
                prepare: {output: '%s/prepared'}
                backtest: {horizon: 7, windows: 2}
                models: %s
                evaluate: {output: '%s/%s'}
                """.formatted(file, dir, models, dir, output);
        ExperimentConfig config = ConfigLoader.parse(yaml, "ens.yaml", List.of());
        if (Files.notExists(dir.resolve("prepared"))) {
            PrepareJob.run(config, Progress.NONE, name -> null);
        }
        return config;
    }

    @Test
    void aListedCombinationWithARidgeMemberIsCombinedFromItsMembersRunsAndScoresAsIfFitted() throws Exception {
        List<String> messages = new ArrayList<>();
        ExperimentConfig withMembers = config("[" + COMBO + ", {name: ridge, family: ridge, params: {lags: [1, 7], rolling: []}}, "
                + "{name: naive, family: naive}]", "reused");
        BacktestSummary reused = BacktestJob.run(withMembers, messages::add);
        assertTrue(messages.contains("evaluate: combo (combination) combined from its members' forecasts"), messages.toString());

        BacktestSummary fitted = BacktestJob.run(config("[" + COMBO + "]", "fitted"), Progress.NONE);
        Leaderboard.Entry a = reused.run().leaderboard().entry("combo");
        Leaderboard.Entry b = fitted.run().leaderboard().entry("combo");
        assertEquals(b.values().keySet(), a.values().keySet());
        b.values().forEach((k, v) -> {
            if (!k.contains("seconds")) {
                assertEquals(v, a.values().get(k), 1e-9, k);
            }
        });
    }
}
