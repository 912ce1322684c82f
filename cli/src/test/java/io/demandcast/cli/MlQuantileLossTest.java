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

/** {@code model.params.quantiles: loss} through the verbs: refused learners, levels a model was not fitted for. */
class MlQuantileLossTest {
    private static final String GBM_LOSS = "{trees: 20, lags: [1, 7], rolling: [7], quantiles: loss}";

    @TempDir
    Path tmp;

    @Test
    void aLearnerWithoutQuantileLossIsRefusedNamingTheKeyAndNothingIsWritten() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertUserError(p.run("train", "-q", "--set", "model.family=random_forest", "--set", "model.params={quantiles: loss}"),
                "model.params.quantiles", "random_forest", "gbm, xgboost");
        assertFalse(Files.exists(p.store));
        assertUserError(p.run("evaluate", "-q", "--set", "models=[{family: ridge, params: {quantiles: loss}}]"),
                "models[0]", "model.params.quantiles", "ridge");
        assertFalse(Files.exists(p.evaluation));
    }

    @Test
    void predictWritesLossQuantilesAndRefusesALevelOutsideTheFittedOnes() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result train = p.run("train", "-q", "--set", "model.family=gbm", "--set", "model.params=" + GBM_LOSS);
        assertEquals(0, train.code(), train.toString());
        CliRun.Result predict = p.run("predict", "-q", "--set", "predict.quantiles=[0.1, 0.3, 0.5, 0.9]");
        assertEquals(0, predict.code(), predict.toString());
        List<String> lines = Files.readAllLines(p.forecast);
        assertEquals("series_id,date,model,forecast,q0.1,q0.3,q0.5,q0.9", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            for (int q = 5; q < 8; q++) {
                assertTrue(Double.parseDouble(c[q - 1]) <= Double.parseDouble(c[q]), "non-crossing: " + line);
            }
        }
        Files.delete(p.forecast);
        assertUserError(p.run("predict", "-q", "--set", "predict.quantiles=[0.05, 0.5]"),
                "quantile level 0.05", "[0.1, 0.5, 0.9]", "model.params.quantile_levels");
        assertFalse(Files.exists(p.forecast));
    }

    @Test
    void evaluateScoresLossQuantilesAndNamesTheModelThatWasNotFittedForALevel() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertUserError(p.run("evaluate", "-q", "--set", "models=[{family: xgboost, name: xq, params: {trees: 20, lags: [1, 7],"
                + " quantiles: loss, quantile_levels: [0.2, 0.8]}}]"), "model xq (xgboost)", "quantile level 0.1", "[0.2, 0.8]");
        assertFalse(Files.exists(p.evaluation));
        CliRun.Result ok = p.run("evaluate", "-q", "--set", "models=[{family: gbm, name: gq, params: " + GBM_LOSS + "}]",
                "--set", "backtest={windows: 2, horizon: 7}");
        assertEquals(0, ok.code(), ok.toString());
        JsonNode metrics = new ObjectMapper().readTree(p.evaluation.resolve("metrics.json").toFile());
        boolean found = false;
        for (JsonNode m : metrics.get("models")) {
            if (m.get("name").asText().equals("gq")) {
                found = true;
                assertTrue(m.toString().contains("coverage_80"), m.toString());
            }
        }
        assertTrue(found, metrics.toString());
    }
}
