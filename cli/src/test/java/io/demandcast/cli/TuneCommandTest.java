package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static io.demandcast.cli.Errors.assertUserErrorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune} through the command line: the quickstart search, and a bad space refused before any work. */
class TuneCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badSpaceExitsTwoNamingFileLineAndKey() throws IOException {
        TestProject p = TestProject.create(tmp);
        Path config = tmp.resolve("tune.yaml");
        Files.writeString(config, Files.readString(p.config) + """
                tune:
                  space:
                    - family: ses
                    - family: croston
                      params: {alpah: [0.1, 0.2]}
                """);
        CliRun.Result r = CliRun.run("tune", "-c", config.toString());
        String line = assertUserErrorAt(r, config.toString(), "tune.space[1].params.alpah", "not a parameter of croston");
        int yamlLine = Files.readAllLines(config).indexOf("      params: {alpah: [0.1, 0.2]}") + 1;
        assertTrue(line.contains(config + ":" + yamlLine + ":"), line);
        assertTrue(Files.notExists(p.store), "nothing published");
    }

    @Test
    void badBudgetOptionsExitTwo() {
        TestProject p = TestProject.create(tmp);
        CliRun.Result budget = p.run("tune", "--time-budget", "soon");
        assertEquals(2, budget.code(), budget.toString());
        assertTrue(budget.err().startsWith("demandcast tune: error: --time-budget: expected a duration such as 90s"), budget.toString());
        CliRun.Result candidates = p.run("tune", "--candidates", "0");
        assertEquals(2, candidates.code(), candidates.toString());
        assertTrue(candidates.err().startsWith("demandcast tune: error: --candidates must be >= 1"), candidates.toString());
        assertUserError(p.run("tune"), "no tune section");
    }

    /** configs/quickstart-tune.yaml on sample-data/, outputs redirected: finishes within a small time budget and publishes. */
    @Test
    void quickstartTuneWithinASmallTimeBudget() throws IOException {
        Path config = Path.of("..", "configs", "quickstart-tune.yaml");
        List<String> overrides = TestProject.sampleData(tmp, "tune.output", "tune");
        String[] prepare = Stream.concat(Stream.of("prepare", "-q", "-c", config.toString()), overrides.stream()).toArray(String[]::new);
        assertEquals(0, CliRun.run(prepare).code());

        long t0 = System.nanoTime();
        String[] tune = Stream.concat(Stream.of("tune", "-c", config.toString(), "--time-budget", "20s", "--candidates", "8",
                "--seed", "42", "--json"), overrides.stream()).toArray(String[]::new);
        CliRun.Result r = CliRun.run(tune);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.code(), r.toString());
        // the budget stops starting candidates; those running finish, so allow for the slowest one
        assertTrue(seconds < 120, "tune took " + seconds + " s");
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertEquals("tune", summary.get("verb").asText());
        assertEquals("rmsse", summary.get("metric").asText());
        assertTrue(summary.get("leaderboard").size() >= 1);
        assertEquals("quickstart-tuned", summary.at("/published/model_name").asText());
        assertTrue(r.err().contains("tune: leaderboard: "), r.err());
        for (String file : List.of("leaderboard.csv", "leaderboard.md", "search.json")) {
            assertTrue(Files.isRegularFile(tmp.resolve("tune").resolve(file)), file);
        }
        Path version = tmp.resolve("store").resolve("quickstart-tuned").resolve(summary.at("/published/version").asText());
        JsonNode manifest = new ObjectMapper().readTree(version.resolve("manifest.json").toFile());
        assertEquals(summary.get("best").asText(), manifest.at("/search/best_candidate").asText());
        assertEquals(42, manifest.at("/search/seed").asInt());
    }
}
