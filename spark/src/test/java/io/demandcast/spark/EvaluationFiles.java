package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.evaluate.backtest.BacktestFiles;
import io.demandcast.core.evaluate.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Compares two evaluation directories as {@code demandcast evaluate} writes them, leaving out only timings and the run's time stamp. */
final class EvaluationFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationFiles() {
    }

    /**
     * The per-series metrics ({@code per_series.csv}) and the scored forecasts ({@code forecasts.csv}) byte for
     * byte; the leaderboard ({@code leaderboard.csv}) and {@code metrics.json} value for value except wall times.
     *
     * @param rows the rows {@code per_series.csv} must hold (models x windows x series)
     */
    static void assertSameEvaluation(Path expected, Path actual, int rows) throws IOException {
        String perSeries = Files.readString(expected.resolve(BacktestFiles.PER_SERIES));
        assertEquals(rows + 1, perSeries.lines().count(), "per_series.csv: a header and one row per model x window x series");
        assertEquals(perSeries, Files.readString(actual.resolve(BacktestFiles.PER_SERIES)), "per_series.csv");
        assertEquals(Files.readString(expected.resolve(BacktestFiles.FORECASTS)), Files.readString(actual.resolve(BacktestFiles.FORECASTS)),
                "forecasts.csv");
        assertEquals(withoutTimings(expected.resolve(ReportWriter.LEADERBOARD_CSV)), withoutTimings(actual.resolve(ReportWriter.LEADERBOARD_CSV)),
                "leaderboard.csv");
        JsonNode want = withoutTimings(JSON.readTree(expected.resolve(BacktestFiles.METRICS).toFile()));
        JsonNode got = withoutTimings(JSON.readTree(actual.resolve(BacktestFiles.METRICS).toFile()));
        assertTrue(want.path("models").size() > 1, "metrics.json holds the models");
        assertEquals(want, got, "metrics.json");
        assertEquals(Files.readString(expected.resolve(io.demandcast.core.model.FitReport.FILE)),
                Files.readString(actual.resolve(io.demandcast.core.model.FitReport.FILE)), "the fit report");
    }

    /** The leaderboard CSV's rows without its {@code *_seconds} columns. */
    private static List<List<String>> withoutTimings(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, "leaderboard.csv has no quoted commas: " + line);
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < header.length; c++) {
                if (!header[c].endsWith("_seconds")) {
                    kept.add(cells[c]);
                }
            }
            out.add(kept);
        }
        return out;
    }

    /** The tree without {@code created_at} and any {@code *_seconds} value. */
    private static JsonNode withoutTimings(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("created_at");
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                if (names.next().endsWith("_seconds")) {
                    names.remove();
                }
            }
            o.forEach(EvaluationFiles::withoutTimings);
        } else if (node.isArray()) {
            node.forEach(EvaluationFiles::withoutTimings);
        }
        return node;
    }
}
