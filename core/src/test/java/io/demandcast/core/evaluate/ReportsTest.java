package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json, per_series.csv and the text table, on the scorer test's small example. */
class ReportsTest {

    @TempDir
    Path dir;

    private static ScoreResult result() {
        SeriesWeights weights = new SeriesWeights(Map.of("A", 1.0), Map.of("A", "1"));
        return new Scorer(ScoreOptions.of(1).withWeights(weights))
                .score(ScorerTest.forecast(), ScorerTest.actuals(), ScorerTest.training());
    }

    @Test
    void metricsJsonHasStableKeysAndNullForUndefined() throws IOException {
        Path file = dir.resolve(MetricsJson.FILE_NAME);
        MetricsJson.write(result(), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of("schema_version", "model", "horizon", "options", "aggregate"), fieldNames(root));
        assertEquals(1, root.get("schema_version").asInt());
        JsonNode agg = root.get("aggregate");
        assertEquals(List.of("series", "n", "mae", "mse", "rmse", "mape", "smape", "mase", "rmsse", "wape", "bias",
                "relative_bias", "r2", "direction", "excluded", "wrmsse", "wrmsse_by_level"), fieldNames(agg));
        assertEquals(1.0 / 1.75, agg.get("mase").asDouble(), 1e-12);
        assertEquals(1, agg.get("excluded").get("mase").asInt());
        assertEquals(0.0, agg.get("direction").get("precision").asDouble(), 1e-12, "B's one call of up was wrong");
        assertEquals(agg.get("wrmsse").asDouble(), agg.get("wrmsse_by_level").get("1").asDouble(), 1e-12);
        assertEquals("first_non_zero", root.get("options").get("rmsse_start").asText());

        ScoreResult unweighted = new Scorer(ScoreOptions.of(1)).score(ScorerTest.forecast(), ScorerTest.actuals(), ScorerTest.training());
        JsonNode plain = new ObjectMapper().readTree(MetricsJson.toJson(unweighted)).get("aggregate");
        assertTrue(plain.get("wrmsse").isNull(), "undefined (no weights) is null, not NaN");
        assertEquals(0, plain.get("wrmsse_by_level").size());
    }

    @Test
    void perSeriesCsvHasOneRowPerSeriesAndEmptyCellsForUndefined() throws IOException {
        Path file = dir.resolve(PerSeriesCsv.FILE_NAME);
        PerSeriesCsv.write(result(), file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", PerSeriesCsv.HEADER), lines.get(0));
        assertTrue(lines.get(1).startsWith("A,2,1.0,1.0,1.0,"), lines.get(1));
        String[] b = lines.get(2).split(",", -1);
        assertEquals("B", b[0]);
        assertEquals("", b[PerSeriesCsv.HEADER.indexOf("mase")], "constant history: MASE undefined");
    }

    @Test
    void tableIsAligned() {
        String table = MetricsTable.render(result());
        String[] lines = table.split("\n");
        assertEquals("test: 2 series, horizon 3, 5 periods scored", lines[0]);
        int valueEnd = lines[1].indexOf("value") + "value".length();
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            assertTrue(line.length() >= valueEnd && line.charAt(valueEnd - 1) != ' ', "value column misaligned: " + line);
        }
        assertTrue(table.contains("MASE"), table);
        assertTrue(table.contains("1 excluded (zero scale)"), table);
        assertTrue(table.contains("  level 1"), table);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
