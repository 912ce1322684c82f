package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The CI gate of {@code evaluate}: exit codes, champion/challenger, JUnit XML and Markdown summary, in-process. */
class EvaluateGateTest {
    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void prepare() {
        p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
    }

    @Test
    void aThresholdThatCannotBeMetExitsThreeWithOneLinePerFailedRule() throws Exception {
        Path junit = tmp.resolve("ci").resolve("junit.xml");
        Path summary = tmp.resolve("ci").resolve("summary.md");
        CliRun.Result r = p.run("evaluate", "-q", "--gate", "{metric: rmsse, max: 0.0001}", "--gate", "{metric: rmsse, max: 100}",
                "--junit", junit.toString(), "--summary", summary.toString());
        assertEquals(3, r.code(), r.toString());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("gate failed: snaive: {metric: rmsse, max: 0.0001}: rmsse "), lines[0]);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals(2, doc.getElementsByTagName("testcase").getLength());
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        String md = Files.readString(summary);
        assertTrue(md.contains("snaive"), md);
        assertTrue(md.contains("seasonal_naive"), "the leaderboard is in the summary: " + md);
        assertTrue(Files.isRegularFile(p.evaluation.resolve("report.html")), "the report is written even when the gate fails");
    }

    @Test
    void aThresholdThatCanBeMetExitsZero() throws IOException {
        CliRun.Result r = p.run("evaluate", "--json", "-q", "--gate", "{relative_to: seasonal_naive, metric: mase, max_ratio: 1.0}");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.at("/gate/passed").asBoolean(), r.out());
        JsonNode metrics = new ObjectMapper().readTree(p.evaluation.resolve("metrics.json").toFile());
        assertEquals(2, metrics.get("schema_version").asInt());
        assertTrue(metrics.at("/gate/passed").asBoolean());
    }

    @Test
    void gateRulesFromTheConfigFileCount() {
        p.write(p.config, p.configYaml(p.sales) + "gate:\n  - {metric: mase, max: 0.000001}\n");
        CliRun.Result r = p.run("evaluate", "-q");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("gate failed: snaive: {metric: mase"), r.err());
    }

    @Test
    void aChallengerWorseThanProductionFails() {
        // The champion: seasonal naive fits the weekly cycle of the test data closely.
        assertEquals(0, p.run("train", "-q").code());
        String challenge = "{relative_to: production, metric: rmsse, max_ratio: 1.0}";
        CliRun.Result worse = p.run("evaluate", "-q", "--set", "model.family=mean", "--set", "model.params={}", "--gate", challenge);
        assertEquals(3, worse.code(), worse.toString());
        assertTrue(worse.err().contains("gate failed: snaive: {relative_to: production, metric: rmsse, max_ratio: 1}: rmsse ratio"), worse.err());
        assertTrue(worse.err().contains("production"), worse.err());

        CliRun.Result same = p.run("evaluate", "-q", "--gate", challenge);
        assertEquals(0, same.code(), "the champion against itself is not worse: " + same);
    }

    @Test
    void withoutAProductionModelTheChampionRulePassesWithANote() throws IOException {
        CliRun.Result r = p.run("evaluate", "--json", "-q", "--gate", "{relative_to: production, metric: rmsse, max_ratio: 1.0}");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.at("/gate/note").asText().contains("first deployment"), r.out());
    }

    @Test
    void anUnknownGateMetricIsAConfigErrorBeforeTheBacktestRuns() {
        CliRun.Result r = p.run("evaluate", "--gate", "{metric: rmsee, max: 1}");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("rmsee"), r.err());
        assertTrue(!r.err().contains("done in"), "no model ran: " + r.err());
        assertTrue(Files.notExists(p.evaluation), "nothing written");
    }

    @Test
    void aMalformedGateOptionIsAUsageError() {
        CliRun.Result r = p.run("evaluate", "-q", "--gate", "{metric: rmsse, maxx: 1}");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--gate"), r.err());
        assertTrue(Files.notExists(p.evaluation), "nothing written");
    }
}
