package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lstm} family through the verbs: bad parameters are config errors; train, predict and evaluate work. */
class LstmCommandTest {
    private static final String SMALL = "{lookback: 14, layers: 1, units: 8, epochs: 2, max_windows: 20, ensemble: 2}";

    @TempDir
    Path tmp;

    @Test
    void aBadParameterIsAConfigErrorNamingTheKeyAndNothingIsWritten() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertUserError(p.run("train", "-q", "--set", "model.family=lstm", "--set", "model.params={layers: 0}"),
                "model.params.layers", "[1, 8]");
        assertFalse(Files.exists(p.store));
        assertUserError(p.run("evaluate", "-q", "--set", "models=[{family: lstm, params: {cell: gru}}]"),
                "models[0]", "model.params.cell", "no GRU");
        assertFalse(Files.exists(p.evaluation));
    }

    @Test
    void trainPublishesTheNetworkAndItsInputsAndPredictForecastsFromThem() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result train = p.run("train", "-v", "--set", "model.family=lstm", "--set", "model.params=" + SMALL);
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.err().lines().anyMatch(l -> l.matches("lstm 2/2 epoch 2/2: loss [0-9.]+, val loss [0-9.]+.*")), train.err());
        Path version = p.modelDirectory().resolve(p.latestVersion());
        JsonNode manifest = new ObjectMapper().readTree(version.resolve("manifest.json").toFile());
        String files = manifest.toString();
        assertTrue(files.contains("model/lstm.json") && files.contains("model/network.zip")
                && files.contains("model/network-2.zip"), files);
        CliRun.Result predict = p.run("predict", "-q");
        assertEquals(0, predict.code(), predict.toString());
        List<String> lines = Files.readAllLines(p.forecast);
        assertEquals("series_id,date,model,forecast,q0.1,q0.5,q0.9", lines.get(0));
        assertEquals(1 + TestProject.SERIES.size() * TestProject.HORIZON, lines.size());
        assertTrue(lines.get(1).contains(",lstm,"), lines.get(1));
        CliRun.Result evaluate = p.run("evaluate", "-q", "--set", "models=[{family: seasonal_naive}, {family: lstm, params: " + SMALL + "}]");
        assertEquals(0, evaluate.code(), evaluate.toString());
        assertTrue(Files.readString(p.evaluation.resolve("leaderboard.csv")).contains("lstm"));
    }
}
