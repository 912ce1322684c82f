package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.Progress;
import io.demandcast.core.Sha256;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestSummary;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.model.PredictSummary;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.prepare.PrepareJob;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code predict} and {@code evaluate} of an {@code lstm} with {@code pretrain} and {@code fine_tune}. */
class TransferTrainJobTest {
    @TempDir
    Path dir;

    private Path csv(String name, int series, int days, boolean store) throws Exception {
        StringBuilder sb = new StringBuilder("series_id,date,value" + (store ? ",store" : "") + "\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int s = 0; s < series; s++) {
            for (int t = 0; t < days; t++) {
                double y = (s + 2) * 5 * (1 + 0.4 * Math.sin(2 * Math.PI * t / 7)) + (t * 7 + s) % 3;
                sb.append(name).append(s).append(',').append(start.plusDays(t)).append(',').append(y);
                if (store) {
                    sb.append(',').append(s % 2 == 0 ? "A" : "B");
                }
                sb.append('\n');
            }
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void trainPublishesTheParentFirstAndTheChildNamesIt() throws Exception {
        Path related = csv("r", 5, 130, false);
        ExperimentConfig relatedConfig = ConfigLoader.parse("""
                name: related
                data: {files: [%s], frequency: daily}
                prepare: {output: %s/related}
                """.formatted(related, dir), "related.yaml", List.of());
        PrepareJob.run(relatedConfig, Progress.NONE, name -> null);

        Path target = csv("t", 4, 110, true);
        ExperimentConfig config = ConfigLoader.parse("""
                name: child
                data:
                  files: [%s]
                  frequency: daily
                  schema: {statics: [store]}
                prepare: {output: %s/prepared, split: {test: 7}}
                model:
                  name: child
                  family: lstm
                  params:
                    lookback: 14
                    layers: 2
                    units: 8
                    epochs: 2
                    max_windows: 30
                    pretrain: {prepared: %s/related, epochs: 2}
                    fine_tune: {group_by: store, freeze: [0], epochs: 2}
                train: {store: %s/store}
                predict: {horizon: 7, output: %s/forecast.csv}
                backtest: {horizon: 7, windows: 1}
                evaluate: {output: %s/evaluation}
                """.formatted(target, dir, dir, dir, dir, dir), "child.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        TrainJob.run(config, Progress.NONE);

        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        Artifact parent = store.load("child-pretrained", "latest");
        Artifact child = store.load("child", "latest");
        assertEquals("lstm", parent.manifest().modelFamily());
        assertTrue(parent.manifest().files().containsKey("model/network.zip"), parent.manifest().files().toString());
        assertTrue(child.manifest().files().containsKey("model/groups/0/network.zip"), child.manifest().files().toString());
        assertTrue(child.manifest().files().containsKey("model/groups/1/lstm.json"), child.manifest().files().toString());
        assertTrue(child.manifest().files().containsKey("model/transfer.json"));
        JsonNode ref = new ObjectMapper().readTree(child.payloadDirectory().resolve("transfer.json").toFile()).path("parent");
        assertEquals("child-pretrained", ref.path("artifact").asText());
        assertEquals(parent.version(), ref.path("version").asText());
        assertEquals(Sha256.file(parent.directory().resolve(Artifact.MANIFEST_FILE)), ref.path("manifest_sha256").asText());
        assertNotNull(parent.manifest().data());

        PredictSummary predicted = PredictJob.run(config, new StringWriter(), Progress.NONE);
        assertEquals(4, predicted.seriesCount());
        BacktestSummary evaluated = BacktestJob.run(config, Progress.NONE);
        assertEquals(4, evaluated.run().leaderboard().entry("child").scores().byWindow().get(0).aggregate().series());

        // fine-tuning the published parent: train may (it saw data up to the same end), a backtest
        // window ending before that end may not
        ExperimentConfig from = ConfigLoader.parse(ConfigLoader.toYaml(config), "from.yaml", List.of(
                "model.name=grandchild",
                "model.params={lookback: 14, layers: 2, units: 8, epochs: 2, max_windows: 30, fine_tune: {group_by: none, from: "
                        + "child-pretrained@" + parent.version() + ", store: '" + dir.resolve("store").toString().replace('\\', '/') + "'}}"));
        TrainJob.run(from, Progress.NONE);
        JsonNode fromRef = new ObjectMapper().readTree(store.load("grandchild", "latest").payloadDirectory().resolve("transfer.json")
                .toFile()).path("parent");
        assertEquals(parent.version(), fromRef.path("version").asText());
        assertEquals(1, store.list("child-pretrained").size(), "no second parent published");
        Exception refused = assertThrows(Exception.class, () -> BacktestJob.run(from, Progress.NONE));
        String message = refused.getMessage() + (refused.getCause() == null ? "" : " / " + refused.getCause().getMessage());
        assertTrue(message.contains("model.params.fine_tune.from") && message.contains("future"), message);
    }
}
