package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} without a named output: each run writes its own directory
 * {@code build/evaluation/<name>/<run-id>/} and {@code LATEST} names the newest. The default is
 * relative to the working directory, which an in-process run cannot change, so this test's
 * experiment has a name of its own and its directory under the module's {@code build/} is removed
 * before and after.
 */
class EvaluateRunDirectoriesTest {
    private static final String NAME = "ops-evaluate-run-directories-test";
    private static final Path BASE = Path.of("build", "evaluation", NAME);

    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() throws IOException {
        clean();
        p = TestProject.create(tmp);
        String yaml = Files.readString(p.config)
                .replace("name: clitest", "name: " + NAME)
                .replace("evaluate:\n  output: " + TestProject.quote(p.evaluation) + "\n", "");
        assertFalse(yaml.contains("evaluate:"), yaml);
        Files.writeString(p.config, yaml);
        assertEquals(0, p.run("prepare", "-q").code());
    }

    @AfterEach
    void clean() throws IOException {
        if (Files.exists(BASE)) {
            PathUtils.deleteDirectory(BASE);
        }
    }

    private static List<Path> runs() throws IOException {
        try (Stream<Path> entries = Files.list(BASE)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void eachRunWritesItsOwnDirectoryAndLatestNamesTheNewest() throws IOException {
        CliRun.Result first = p.run("evaluate");
        assertEquals(0, first.code(), first.toString());
        List<Path> afterFirst = runs();
        assertEquals(1, afterFirst.size(), afterFirst.toString());
        Path firstRun = afterFirst.get(0);
        assertTrue(firstRun.getFileName().toString().matches("[0-9]{8}T[0-9]{6}Z(-[0-9]+)?"), firstRun.toString());
        assertTrue(first.err().contains("wrote " + firstRun), "the summary names the run's directory: " + first);
        String firstMetrics = Files.readString(firstRun.resolve("metrics.json"));

        CliRun.Result second = p.run("evaluate", "-q", "--json");
        assertEquals(0, second.code(), second.toString());
        List<Path> afterSecond = runs();
        assertEquals(2, afterSecond.size(), "the second run did not replace the first: " + afterSecond);
        Path secondRun = afterSecond.stream().filter(r -> !r.equals(firstRun)).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertEquals(secondRun.toString(), json.get("output").asText(), "--json names the run's directory");
        assertEquals(secondRun.getFileName() + "\n", Files.readString(BASE.resolve("LATEST")));
        assertEquals(firstMetrics, Files.readString(firstRun.resolve("metrics.json")), "the first run is untouched");
        for (String file : List.of("metrics.json", "leaderboard.csv", "per_series.csv", "forecasts.csv", "report.html")) {
            assertTrue(Files.isRegularFile(secondRun.resolve(file)), file);
        }
        assertNotEquals(firstRun, secondRun);
    }

    @Test
    void keepRemovesTheOldestRunsAndSaysSo() throws IOException {
        for (int i = 0; i < 2; i++) {
            assertEquals(0, p.run("evaluate", "-q").code());
        }
        List<Path> before = runs();
        CliRun.Result third = p.run("evaluate", "--set", "evaluate.keep=2");
        assertEquals(0, third.code(), third.toString());
        List<Path> after = runs();
        assertEquals(2, after.size(), after.toString());
        assertFalse(after.contains(before.get(0)), "the oldest run was removed");
        assertTrue(after.contains(before.get(1)));
        assertEquals(after.get(1).getFileName() + "\n", Files.readString(BASE.resolve("LATEST")), "the newest is kept");
        assertTrue(third.err().contains("removed 1 older run(s) (evaluate.keep: 2): " + before.get(0)), third.err());
    }

    @Test
    void aNamedOutputIsWrittenExactlyThereAsBefore() throws IOException {
        Path named = tmp.resolve("named");
        CliRun.Result r = p.run("evaluate", "-q", "-o", named.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(named.resolve("metrics.json")));
        assertFalse(Files.exists(named.resolve("LATEST")));
        assertFalse(Files.exists(BASE), "no per-run directory when an output is named");
    }

    @Test
    void aNamedOutputHoldingRunDirectoriesIsRefusedRatherThanReplaced() throws IOException {
        assertEquals(0, p.run("evaluate", "-q").code());
        List<Path> before = runs();
        CliRun.Result r = p.run("evaluate", "-q", "-o", BASE.toString());
        Errors.assertUserError(r, "evaluate.output: " + BASE + " holds the per-run directories");
        assertEquals(before, runs(), "every run is still there");
        assertTrue(Files.isRegularFile(before.get(0).resolve("metrics.json")));
    }

    @Test
    void keepBelowOneIsAConfigErrorAndNothingIsWritten() {
        CliRun.Result r = p.run("evaluate", "-q", "--set", "evaluate.keep=0");
        Errors.assertUserError(r, "evaluate.keep must be at least 1");
        assertFalse(Files.exists(BASE));
    }
}
