package io.demandcast.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.ModelConfig;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.prepare.PrepareJob;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune}'s ensembles when a top candidate is a global ML family. */
class TuneGlobalEnsembleTest {
    @TempDir
    Path dir;

    private ExperimentConfig prepared() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        String[] ids = {"smooth", "trend", "weekly", "weekly2"};
        for (int s = 0; s < ids.length; s++) {
            for (int d = 0; d < 120; d++) {
                double v = switch (s) {
                    case 0 -> 20 + (d * 7 % 5);
                    case 1 -> 5 + d * 0.3 + (d * 3 % 4);
                    case 2 -> 10 + 6 * (d % 7 == 5 ? 1 : 0) + (d * 11 % 3);
                    default -> 30 + 9 * (d % 7 == 2 ? 1 : 0) + (d * 5 % 4);
                };
                csv.append(ids[s]).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(v).append('\n');
            }
        }
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv);
        String yaml = """
                name: small
                data: {files: ['%s'], frequency: daily}
                prepare: {output: '%s/prepared'}
                backtest: {horizon: 7, windows: 2}
                train: {store: '%s/store'}
                predict: {horizon: 7, output: '-'}
                tune:
                  halving: false
                  ensemble: {top_k: 4}
                  output: '%s/tune'
                  space:
                    - family: ridge
                      params: {lags: [[1, 2, 7]], rolling: [[7]]}
                    - family: naive
                    - family: seasonal_naive
                    - family: ses
                """.formatted(file, dir, dir, dir);
        ExperimentConfig config = ConfigLoader.parse(yaml, "small.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        return config;
    }

    @Test
    void theEnsemblesIncludeTheGlobalCandidateAndTrainAndPredictLikeAnyFamily() throws Exception {
        ExperimentConfig config = prepared();
        List<String> messages = new ArrayList<>();
        TuneSummary summary = TuneJob.run(config, ModelRegistry.standard(), messages::add, new TuneLive(), System::nanoTime);
        assertTrue(summary.notes().stream().noneMatch(n -> n.contains("ensembles skipped")), summary.notes().toString());
        CandidateResult weighted = summary.ranked().stream().filter(r -> r.candidate().id().equals("e1")).findFirst().orElseThrow();
        CandidateResult mean = summary.ranked().stream().filter(r -> r.candidate().id().equals("e2")).findFirst().orElseThrow();
        for (CandidateResult e : List.of(weighted, mean)) {
            assertEquals("combination", e.candidate().family());
            assertEquals("complete", e.status());
            assertEquals(2, e.windows());
            assertTrue(Double.isFinite(e.score()), e.toString());
            List<String> families = new ArrayList<>();
            e.candidate().params().get("members").forEach(m -> families.add(m.get("family").asText()));
            assertTrue(families.contains("ridge"), families.toString());
            assertEquals(4, families.size());
        }
        double sum = 0;
        for (JsonNode w : weighted.candidate().params().get("weights")) {
            sum += w.doubleValue();
        }
        assertEquals(1.0, sum, 1e-5);
        // scored from the members' backtest forecasts, not refitted
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tune: e1 inverse-error weighted of ")), messages.toString());

        // the weighted ensemble trains, is saved with its members, loads and predicts like any family
        ExperimentConfig chosen = config.withModel(new ModelConfig("ens", "combination", weighted.candidate().params()));
        TrainJob.run(chosen, ModelRegistry.standard(), Progress.NONE);
        Artifact artifact = new ArtifactStore(dir.resolve("store")).load("ens", ArtifactStore.LATEST);
        assertTrue(Files.exists(artifact.payloadDirectory().resolve("combination.json")));
        StringWriter out = new StringWriter();
        PredictJob.run(chosen, ModelRegistry.standard(), out, Progress.NONE);
        List<String> lines = out.toString().lines().toList();
        assertEquals(1 + 4 * 7, lines.size(), out.toString());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals("combination", cells[2], line);
            assertTrue(Double.isFinite(Double.parseDouble(cells[3])), line);
        }
    }
}
