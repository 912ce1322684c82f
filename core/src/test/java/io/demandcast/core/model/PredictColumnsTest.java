package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.PanelColumns;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} reads only the prepared columns the model reads: the target for per-series models. */
class PredictColumnsTest {
    @TempDir
    Path dir;

    ExperimentConfig config(String family) throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, PredictCovariatesTest.csv(5, true));
        return ConfigLoader.parse("""
                name: columns
                data:
                  files: [%s]
                  frequency: daily
                  schema: {target: sales, covariates: {price: known, promo: known, traffic: past_only}}
                prepare:
                  output: %s/prepared
                  features: {price: {column: price, window: 3}}
                model: {family: %s}
                train: {store: %s/store}
                predict: {horizon: 3, quantiles: [0.5], output: %s/forecast.csv}
                """.formatted(csv, dir, family, dir, dir), "columns.yaml", List.of());
    }

    List<String> predict(ExperimentConfig config, ModelRegistry registry, List<String> lines) throws IOException {
        io.demandcast.core.prepare.PrepareJob.run(config, Progress.NONE, n -> null);
        TrainJob.run(config, registry, Progress.NONE);
        PredictJob.run(config, registry, new StringWriter(), lines::add);
        return Files.readAllLines(dir.resolve("forecast.csv"));
    }

    @Test
    void aPerSeriesModelReadsTheTargetOnlyAndForecastsFromItsEnd() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> csv = predict(config("naive"), ModelRegistry.standard(), lines);
        // price, promo, traffic, price_change, price_rel_3 stay on disk; the future rows (with their prices) are still read
        assertTrue(lines.contains("predict: read the target only (per-series models): 5 numeric and 0 categorical prepared columns"
                + " not loaded"), lines.toString());
        // naive repeats each series' last value (day 20: A 3 + 19 % 4 = 6, B 19 % 3 = 1) from the day after it
        assertEquals(7, csv.size(), csv.toString());
        for (int row = 1; row <= 6; row++) {
            String[] f = csv.get(row).split(",");
            assertEquals(row <= 3 ? "A" : "B", f[0], csv.toString());
            assertEquals(java.time.LocalDate.of(2024, 1, 21).plusDays((row - 1) % 3).toString(), f[1], csv.toString());
            assertEquals(row <= 3 ? 6.0 : 1.0, Double.parseDouble(f[3]), 1e-12, csv.toString());
        }
    }

    @Test
    void aGlobalModelReadsEveryColumn() throws IOException {
        List<String> lines = new ArrayList<>();
        ExperimentConfig config = ConfigLoader.parse(ConfigLoader.toYaml(config("echo")), "columns.yaml",
                List.of("model.params.column=price"));
        List<String> csv = predict(config, PredictCovariatesTest.REGISTRY, lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("read the target only")), lines.toString());
        String[] first = csv.get(1).split(",");
        assertEquals(List.of("A", "2024-01-21"), List.of(first[0], first[1]), csv.toString());
        assertEquals(2.0, Double.parseDouble(first[3]), 1e-12, "the price of the first future day, read from the prepared rows");
    }

    @Test
    void columnsOfAFittedModel() throws IOException {
        ExperimentConfig config = config("naive");
        io.demandcast.core.prepare.PrepareJob.run(config, Progress.NONE, n -> null);
        var data = io.demandcast.core.prepare.PreparedSplits.open(dir.resolve("prepared"));
        Forecaster naive = ModelFactory.create(ModelRegistry.standard(), config, ModelFactory.context(config,
                data.all().frequency(), 3, List.of()));
        assertEquals(PanelColumns.targetOnly(), ModelColumns.of(naive.fit(data.all())));
    }
}
