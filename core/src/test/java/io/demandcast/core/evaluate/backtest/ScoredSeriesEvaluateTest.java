package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate.score_series}: every series is fitted on, only the selected ones are scored. */
class ScoredSeriesEvaluateTest {
    @TempDir
    Path dir;

    private static final String MODELS = "[{name: ridge, family: ridge, params: {lags: [1, 7], rolling: []}}, {name: naive, family: naive}]";

    /** Four series; {@code series} and {@code scoreSeries} are YAML for data.series and evaluate.score_series, or empty. */
    private ExperimentConfig config(String name, String series, String scoreSeries) throws Exception {
        Path file = dir.resolve("in.csv");
        if (Files.notExists(file)) {
            StringBuilder csv = new StringBuilder("series_id,date,value\n");
            for (int s = 0; s < 4; s++) {
                for (int d = 0; d < 90; d++) {
                    double v = 10 + 3 * s + 5 * (d % 7 == s ? 1 : 0) + (d * (s + 3) % 4) + (s >= 2 ? d % 5 * s : 0);
                    csv.append("s").append(s).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(v).append('\n');
                }
            }
            Files.writeString(file, csv);
        }
        String yaml = """
                name: %s
                data: {files: ['%s'], frequency: daily%s}
                prepare: {output: '%s/%s/prepared'}
                backtest: {horizon: 7, windows: 2}
                models: %s
                evaluate: {output: '%s/%s/out'%s}
                """.formatted(name, file, series.isEmpty() ? "" : ", series: " + series, dir, name, MODELS, dir, name,
                scoreSeries.isEmpty() ? "" : ", score_series: " + scoreSeries);
        ExperimentConfig config = ConfigLoader.parse(yaml, name + ".yaml", List.of());
        PrepareJob.run(config, Progress.NONE, n -> null);
        return config;
    }

    private static Set<String> scoredIds(BacktestSummary summary, String model) {
        Set<String> ids = new TreeSet<>();
        summary.run().leaderboard().entry(model).scores().rows().forEach(r -> ids.add(r.seriesId()));
        return ids;
    }

    @Test
    void aGlobalModelTrainsOnEverySeriesWhileOnlyTheSelectedOnesAreScored() throws Exception {
        BacktestSummary pooled = BacktestJob.run(config("pooled", "", "{ids: [s0, s1]}"), Progress.NONE);
        BacktestSummary alone = BacktestJob.run(config("alone", "{ids: [s0, s1]}", ""), Progress.NONE);
        for (String model : List.of("ridge", "naive")) {
            assertEquals(Set.of("s0", "s1"), scoredIds(pooled, model), model);
            assertEquals(Set.of("s0", "s1"), scoredIds(alone, model), model);
        }
        // a local model sees only its own series: the same scores either way
        Leaderboard.Entry naivePooled = pooled.run().leaderboard().entry("naive");
        Leaderboard.Entry naiveAlone = alone.run().leaderboard().entry("naive");
        for (String metric : List.of("rmsse", "mase", "mae")) {
            assertEquals(naiveAlone.values().get(metric), naivePooled.values().get(metric), 1e-12, metric);
        }
        // the global model learnt from s2 and s3 too: other forecasts of s0 and s1
        assertNotEquals(alone.run().leaderboard().entry("ridge").values().get("mae"),
                pooled.run().leaderboard().entry("ridge").values().get("mae"));
    }

    @Test
    void anUnsetSelectionIsNotRenderedSoPreparedDatasetsStayCurrent() throws Exception {
        // prepare hashes the rendered default sections: a new key must not change a config that does not use it
        String yaml = ConfigLoader.toYaml(config("plain", "", ""));
        assertTrue(!yaml.contains("score_series"), yaml);
        assertTrue(ConfigLoader.toYaml(config("scored", "", "{ids: [s0]}")).contains("score_series"));
    }

    @Test
    void aSelectionThatMissesTheDataIsAConfigError() throws Exception {
        InvalidConfigException absent = assertThrows(InvalidConfigException.class,
                () -> BacktestJob.run(config("absent", "", "{ids: [s0, nope]}"), Progress.NONE));
        assertTrue(absent.getMessage().contains("evaluate.score_series") && absent.getMessage().contains("nope"), absent.getMessage());
        Path meta = dir.resolve("meta.csv");
        Files.writeString(meta, "series_id,kind\nx1,a\n");
        InvalidConfigException none = assertThrows(InvalidConfigException.class,
                () -> BacktestJob.run(config("none", "", "{file: '" + meta + "'}"), Progress.NONE));
        assertTrue(none.getMessage().contains("keeps none"), none.getMessage());
    }
}
