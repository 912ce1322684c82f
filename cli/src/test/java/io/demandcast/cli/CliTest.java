package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through {@link Cli#commandLine}: prepare, train, predict, evaluate. */
class CliTest {
    static final String FORECAST_HEADER = "series_id,date,model,forecast,q0.1,q0.5,q0.9";

    @TempDir
    Path tmp;

    @Test
    void prepareTrainPredictEvaluateEndToEnd() throws IOException {
        TestProject p = TestProject.create(tmp);
        for (String verb : List.of("prepare", "train", "predict", "evaluate")) {
            CliRun.Result r = p.run(verb);
            assertEquals(0, r.code(), verb + ": " + r);
            assertEquals("", r.out(), verb + " wrote to stdout without --json or -o -: " + r);
            assertTrue(r.err().startsWith(verb + ": "), verb + " progress goes to stderr: " + r);
        }

        List<String> lines = Files.readAllLines(p.forecast);
        assertEquals(FORECAST_HEADER, lines.get(0));
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON, lines.size() - 1, "series x horizon rows");
        assertTrue(lines.get(1).startsWith("A,2024-03-01,seasonal_naive,"), lines.get(1));

        Path metrics = p.evaluation.resolve("metrics.json");
        assertTrue(Files.isRegularFile(metrics), "metrics.json in evaluate.output");
        JsonNode doc = new ObjectMapper().readTree(metrics.toFile());
        assertEquals(2, doc.get("schema_version").asInt());
        assertEquals(TestProject.SERIES.size(), doc.at("/windows/0/series").asInt());
        assertEquals(TestProject.MODEL, doc.at("/models/0/name").asText().equals("seasonal_naive")
                ? doc.at("/models/1/name").asText() : doc.at("/models/0/name").asText());
    }

    @Test
    void trainTwicePublishesTwoVersionsAndLeavesTheFirstUntouched() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());

        assertEquals(0, p.run("train", "-q").code());
        String first = p.latestVersion();
        Map<String, String> before = digests(p.modelDirectory().resolve(first));
        assertTrue(before.containsKey("manifest.json") && before.containsKey("model/state.json"), before.toString());

        CliRun.Result second = p.run("train", "-q", "--force"); // unforced, the same config and data publish nothing
        assertEquals(0, second.code(), second.toString());
        String latest = p.latestVersion();

        List<String> versions;
        try (Stream<Path> dirs = Files.list(p.modelDirectory())) {
            versions = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(2, versions.size(), versions.toString());
        assertTrue(versions.contains(first), versions.toString());
        assertTrue(!latest.equals(first) && versions.contains(latest), "LATEST names the second version: " + latest);
        assertEquals(before, digests(p.modelDirectory().resolve(first)), "the first version is immutable");
    }

    /** The repository's quickstart config and sample data, with every output redirected into the temp dir. */
    @Test
    void quickstartOnSampleData() throws IOException {
        Path config = Path.of("..", "configs", "quickstart.yaml");
        List<String> overrides = TestProject.sampleData(tmp, "predict.output", "forecast.csv", "evaluate.output", "evaluation");
        for (String verb : List.of("prepare", "train", "predict", "evaluate")) {
            String[] args = Stream.concat(Stream.of(verb, "-q", "-c", config.toString()), overrides.stream()).toArray(String[]::new);
            CliRun.Result r = CliRun.run(args);
            assertEquals(0, r.code(), verb + ": " + r);
            assertEquals("", r.err(), verb + " with --quiet: " + r);
        }
        List<String> lines = Files.readAllLines(tmp.resolve("forecast.csv"));
        assertEquals(FORECAST_HEADER, lines.get(0));
        assertEquals(20 * 28, lines.size() - 1, "20 series x 28 days");
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("evaluation").resolve("metrics.json").toFile());
        assertEquals(2, metrics.get("schema_version").asInt());
        assertEquals(20, metrics.at("/windows/0/series").asInt());
        for (String file : List.of("report.html", "report.md", "leaderboard.csv", "per_series.csv", "forecasts.csv")) {
            assertTrue(Files.isRegularFile(tmp.resolve("evaluation").resolve(file)), file);
        }
    }

    /** Relative path (with '/') to SHA-256 of every file under {@code dir}. */
    static Map<String, String> digests(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            out.put(dir.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(sha));
        }
        return out;
    }
}
