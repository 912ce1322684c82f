package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --explain}: the explanation CSV of a global ML model, and its refusal for the others. */
class PredictExplainTest {
    @TempDir
    Path tmp;

    private TestProject trained(boolean ml) throws Exception {
        TestProject p = TestProject.create(tmp);
        if (ml) {
            String yaml = Files.readString(p.config).replace("  family: seasonal_naive\n  params:\n    season_length: 7",
                    "  family: gbm\n  params:\n    trees: 20\n    lags: [1, 7]\n    rolling: [7]");
            assertTrue(yaml.contains("family: gbm"));
            Files.writeString(p.config, yaml);
        }
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result train = p.run("train", "-q");
        assertEquals(0, train.code(), train.toString());
        return p;
    }

    @Test
    void explainWritesTheTopFeaturesOfEachForecastRowBesideTheForecast() throws Exception {
        TestProject p = trained(true);
        CliRun.Result r = p.run("predict", "--explain", "3");
        assertEquals(0, r.code(), r.toString());
        Path explain = p.forecast.resolveSibling("forecast.explain.csv");
        assertTrue(r.err().contains("explanations -> " + explain), r.err());
        List<String> lines = Files.readAllLines(explain);
        assertEquals("series_id,date,model,rank,feature,value,contribution,space,base,prediction", lines.get(0));
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON * 3, lines.size() - 1);
        Map<String, String> forecasts = new HashMap<>();
        for (String line : Files.readAllLines(p.forecast).subList(1, TestProject.SERIES.size() * TestProject.HORIZON + 1)) {
            String[] c = line.split(",");
            forecasts.put(c[0] + "," + c[1], c[3]);
        }
        List<String> ranks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertEquals(10, c.length, line);
            assertEquals("gbm", c[2]);
            assertEquals("units", c[7]);
            ranks.add(c[3]);
            assertEquals(Double.parseDouble(forecasts.get(c[0] + "," + c[1])), Double.parseDouble(c[9]), 1e-3, line);
        }
        assertEquals(List.of("1", "2", "3"), ranks.subList(0, 3));
    }

    @Test
    void explainOutputAndDefaultCountAndStdout() throws Exception {
        TestProject p = trained(true);
        Path why = tmp.resolve("why.csv");
        CliRun.Result r = p.run("predict", "-o", "-", "--explain", "--explain-output", why.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON * 5 + 1, Files.readAllLines(why).size());
        assertUserError(p.run("predict", "-o", "-", "--explain"), "--explain-output");
        CliRun.Result alone = p.run("predict", "--explain-output", why.toString());
        assertEquals(2, alone.code(), alone.toString());
        assertTrue(alone.err().contains("--explain-output needs --explain"), alone.err());
        CliRun.Result zero = p.run("predict", "--explain", "0");
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--explain needs N >= 1"), zero.err());
    }

    @Test
    void aStatisticalModelCannotExplainAndNothingIsWritten() throws Exception {
        TestProject p = trained(false);
        CliRun.Result r = p.run("predict", "--explain");
        assertUserError(r, "seasonal_naive", "cannot explain");
        assertTrue(Files.notExists(p.forecast), "no forecast either");
        assertTrue(Files.notExists(p.forecast.resolveSibling("forecast.explain.csv")));
    }
}
