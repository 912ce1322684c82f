package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json}: stdout is exactly one JSON document with {@code schema_version}, {@code verb} and
 * the verb's keys, in this order; progress stays on stderr. The key lists are the golden shape:
 * change them only on purpose (and bump schema_version when a key goes away or changes meaning).
 */
class OutputMixinTest {
    static final List<String> PREPARE_KEYS = List.of("schema_version", "verb", "output", "series_count", "row_count",
            "frequency", "first_date", "last_date", "split", "demand_classes", "filled_periods", "outliers",
            "read_seconds", "prepare_seconds", "write_seconds", "id_mapping", "warnings");
    static final List<String> TRAIN_KEYS = List.of("schema_version", "verb", "model_name", "version", "directory",
            "family", "series_count", "fit_on", "fit_seconds", "fallbacks", "fit_report", "published", "skipped");
    static final List<String> PREDICT_KEYS = List.of("schema_version", "verb", "model_name", "version", "output",
            "series_count", "horizon", "quantiles", "first_date", "last_date", "model_data_end", "data_end", "series_updated", "periods_fed", "forecast_log");
    static final List<String> EVALUATE_KEYS = List.of("schema_version", "verb", "model", "horizon", "output", "files",
            "metrics");
    static final List<String> BACKTEST_KEYS = List.of("schema_version", "verb", "experiment", "series", "horizon",
            "windows", "ranked_by", "output", "files", "leaderboard", "gate", "fallbacks");
    static final List<String> EVALUATE_METRICS = List.of("series", "mae", "rmse", "mape", "smape", "mase", "rmsse",
            "wape", "bias", "r2", "wrmsse");

    @TempDir
    Path tmp;

    @Test
    void everyVerbPrintsOneJsonDocumentOnStdout() throws IOException {
        TestProject p = TestProject.create(tmp);

        JsonNode prepare = json(p.run("prepare", "--json"), "prepare", PREPARE_KEYS);
        assertEquals(TestProject.SERIES.size(), prepare.get("series_count").asInt());
        assertEquals(TestProject.SERIES.size() * TestProject.DAYS, prepare.get("row_count").asInt());
        assertEquals("daily", prepare.get("frequency").asText());
        assertEquals(List.of("train_end", "validation_end", "test_end"), fieldNames(prepare.get("split")));

        JsonNode train = json(p.run("train", "--json"), "train", TRAIN_KEYS);
        assertEquals(TestProject.MODEL, train.get("model_name").asText());
        assertEquals(p.latestVersion(), train.get("version").asText());
        assertEquals("seasonal_naive", train.get("family").asText());

        JsonNode predict = json(p.run("predict", "--json"), "predict", PREDICT_KEYS);
        assertEquals(TestProject.HORIZON, predict.get("horizon").asInt());
        assertEquals(p.forecast.toString(), predict.get("output").asText());
        assertEquals("2024-03-01", predict.get("first_date").asText());

        JsonNode evaluate = json(p.run("evaluate", "--json"), "evaluate", BACKTEST_KEYS);
        assertEquals(TestProject.TEST, evaluate.get("horizon").asInt());
        assertEquals(TestProject.SERIES.size(), evaluate.get("series").asInt());
        assertEquals(List.of("rank", "model", "family", "role", "metrics"), fieldNames(evaluate.at("/leaderboard/0")));
        assertTrue(evaluate.at("/leaderboard/0/metrics").has("rmsse"));
    }

    @Test
    void jsonWithQuietKeepsStdoutAndSilencesStderr() throws IOException {
        TestProject p = TestProject.create(tmp);
        CliRun.Result r = p.run("prepare", "--json", "--quiet");
        json(r, "prepare", PREPARE_KEYS);
        assertEquals("", r.err());
    }

    /** Parses stdout as exactly one document, checks the envelope and key order, and that progress went to stderr. */
    static JsonNode json(CliRun.Result r, String verb, List<String> keys) throws IOException {
        assertEquals(0, r.code(), r.toString());
        JsonNode doc;
        try (JsonParser parser = new ObjectMapper().createParser(r.out())) {
            doc = parser.readValueAsTree();
            assertNull(parser.nextToken(), "exactly one JSON document on stdout: " + r.out());
        }
        assertTrue(doc.isObject(), r.out());
        assertEquals(1, doc.get("schema_version").asInt());
        assertEquals(verb, doc.get("verb").asText());
        assertEquals(keys, fieldNames(doc), verb + " --json keys");
        if (!r.err().isEmpty()) {
            assertTrue(r.err().contains(verb + ": "), "progress on stderr: " + r.err());
        }
        return doc;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
