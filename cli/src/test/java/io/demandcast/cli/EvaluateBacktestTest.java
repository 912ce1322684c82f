package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate -c}: rolling-origin windows, a leaderboard of several models, artifacts as models. */
class EvaluateBacktestTest {
    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void prepare() {
        p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
    }

    private JsonNode json(CliRun.Result r) throws Exception {
        assertEquals(0, r.code(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> models(JsonNode doc) {
        List<String> names = new ArrayList<>();
        doc.get("leaderboard").forEach(row -> names.add(row.get("model").asText()));
        return names;
    }

    @Test
    void severalModelsOverSeveralWindowsMakeOneLeaderboard() throws Exception {
        JsonNode doc = json(p.run("evaluate", "--json", "-q", "--set", "models=[{family: naive}, {family: ses}, {name: weekly, family: seasonal_naive}]",
                "--set", "backtest={windows: 3, horizon: 7, refit_every: 2}"));
        assertEquals(3, doc.get("windows").asInt());
        assertEquals(7, doc.get("horizon").asInt());
        assertEquals(List.of("naive", "ses", "weekly", "seasonal_naive"), models(doc).stream().sorted(
                java.util.Comparator.comparing(m -> List.of("naive", "ses", "weekly", "seasonal_naive").indexOf(m))).toList());
        JsonNode metrics = new ObjectMapper().readTree(p.evaluation.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("windows").size());
        JsonNode ses = null;
        for (JsonNode m : metrics.get("models")) {
            if (m.get("name").asText().equals("ses")) {
                ses = m;
            }
        }
        assertEquals(List.of(true, false, true), List.of(ses.at("/by_window/0/refitted").asBoolean(),
                ses.at("/by_window/1/refitted").asBoolean(), ses.at("/by_window/2/refitted").asBoolean()));
        List<String> perSeries = Files.readAllLines(p.evaluation.resolve("per_series.csv"));
        assertEquals(1 + 4 * 3 * TestProject.SERIES.size(), perSeries.size(), "model x window x series rows");
        List<String> forecasts = Files.readAllLines(p.evaluation.resolve("forecasts.csv"));
        assertTrue(forecasts.get(0).startsWith("series_id,date,model,window,cutoff,intervals,actual,forecast"), forecasts.get(0));
        assertEquals(1 + 4 * 3 * TestProject.SERIES.size() * 7, forecasts.size());
    }

    @Test
    void aPublishedArtifactIsRefittedOnEveryWindow() throws Exception {
        assertEquals(0, p.run("train", "-q").code());
        String version = p.latestVersion();
        JsonNode doc = json(p.run("evaluate", "--json", "-q", "--set", "models=[{artifact: " + TestProject.MODEL + "}]",
                "--set", "backtest={windows: 2, horizon: 7}"));
        assertTrue(models(doc).contains(TestProject.MODEL + "@" + version), models(doc).toString());
    }

    @Test
    void aWindowWithoutSeriesIsAnErrorNamingIt() {
        CliRun.Result r = p.run("evaluate", "-q", "--set", "backtest={windows: 20, horizon: 7}");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("backtest window 1 of 20"), r.err());
    }

    @Test
    void anUnknownBacktestKeyNamesTheAllowedOnes() {
        CliRun.Result r = p.run("evaluate", "-q", "--set", "backtest.windwos=3");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("windwos") && r.err().contains("refit_every"), r.err());
    }

    @Test
    void gateOptionsNeedABacktest() {
        CliRun.Result r = CliRun.run("evaluate", "--forecasts", "f.csv", "--actuals", "a.csv", "--train", "t.csv", "--gate", "{metric: mae, max: 1}");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--gate, --junit and --summary belong to a backtest"), r.err());
    }
}
