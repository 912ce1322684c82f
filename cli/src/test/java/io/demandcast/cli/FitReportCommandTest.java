package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 13 (second half): "a season longer than a series silently falls back to the last value; a
 * fit that fell back to a simpler family says nothing". {@code train} now publishes
 * {@code model/fit_report.csv}, says on stderr and in {@code --json} how many series fell back and
 * why, and {@code train.max_fallback_share} fails the run (exit 3) with nothing published. On the
 * main before this, train exited 0 with no report and no word.
 */
class FitReportCommandTest {
    @TempDir
    Path tmp;

    TestProject p;
    Path config;

    /** The test project's three series and "S", three days at the end: shorter than seasonal naive's week; no split. */
    @BeforeEach
    void project() {
        project(3);
    }

    /** The project with "S" holding the last {@code shortDays} days. */
    private void project(int shortDays) {
        p = TestProject.create(tmp);
        StringBuilder csv = new StringBuilder(TestProject.salesCsv());
        for (int d = TestProject.DAYS - shortDays; d < TestProject.DAYS; d++) {
            csv.append("S,").append(TestProject.START.plusDays(d)).append(',').append(d % 4).append('\n');
        }
        config = p.configReading("with-short", csv.toString());
        // a ragged panel has no split (prepare refuses a series that starts after the train split)
        p.write(config, p.configYaml(tmp.resolve("with-short.csv")).replace("    test: " + TestProject.TEST, "    test: 0"));
        CliRun.Result prepared = run("prepare", "-q");
        assertEquals(0, prepared.code(), prepared.toString());
    }

    private CliRun.Result run(String verb, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = verb;
        all[1] = "-c";
        all[2] = config.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.run(all);
    }

    @Test
    void trainPublishesTheFitReportAndSaysWhatFellBack() throws Exception {
        CliRun.Result r = run("train", "--json");
        assertEquals(0, r.code(), r.toString());
        Path version = p.modelDirectory().resolve(p.latestVersion());
        Path report = version.resolve("model").resolve("fit_report.csv");
        assertEquals(List.of("series_id,family_asked,family_used,reason",
                        "A,seasonal_naive,seasonal_naive,",
                        "B,seasonal_naive,seasonal_naive,",
                        "C,seasonal_naive,seasonal_naive,",
                        "S,seasonal_naive,naive,season_longer_than_data"),
                Files.readAllLines(report));
        assertTrue(r.err().contains("train: fit: 1 of 4 series fell back (1 season_longer_than_data → naive); see " + report),
                r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.path("fallbacks").path("count").asInt());
        assertEquals(0.25, json.path("fallbacks").path("share").asDouble(), 1e-12);
        assertEquals(1, json.path("fallbacks").path("by_reason").path("season_longer_than_data").asInt());
        assertTrue(Files.readString(version.resolve("manifest.json")).contains("model/fit_report.csv"),
                "the report is a checksummed payload file");
        assertEquals(0, run("predict", "-q").code(), "the version loads with its report");
    }

    @Test
    void aFallbackShareAboveTheLimitPublishesNothingAndExits3() {
        CliRun.Result r = run("train", "--set", "train.max_fallback_share=0.2");
        assertEquals(3, r.code(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank() && !Errors.PROGRESS.matcher(l).lookingAt()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("demandcast train: fallback limit exceeded: 1 of 4 series (25.0 %) fell back"), r.err());
        assertTrue(lines.get(0).contains("above train.max_fallback_share 0.2; nothing published"), r.err());
        assertTrue(lines.get(0).contains("1 season_longer_than_data → naive"), r.err());
        assertTrue(Files.notExists(p.modelDirectory()), "nothing published");
        assertEquals(0, run("train", "-q", "--set", "train.max_fallback_share=0.25").code(), "a share at the limit passes");
    }

    @Test
    void aLimitOutsideZeroToOneIsRefusedBeforeTheFit() {
        CliRun.Result r = run("train", "--set", "train.max_fallback_share=1.5");
        assertUserError(r, "train.max_fallback_share", "between 0 and 1");
        assertTrue(Files.notExists(p.store), "nothing created");
    }

    /**
     * {@code evaluate} writes one {@code fit_report.csv} for all its models (those fitted on the last
     * window), says which fell back, and fails the gate (exit 3) above the limit, the report written.
     * S has 10 days: 3 before the window's cutoff (horizon 7), fewer than a season.
     */
    @Test
    void evaluateReportsTheLastWindowsFitsAndChecksTheLimitAsAGate() throws Exception {
        project(10);
        CliRun.Result r = run("evaluate", "--json", "--set", "backtest.windows=1");
        assertEquals(0, r.code(), r.toString());
        Path report = p.evaluation.resolve("fit_report.csv");
        List<String> lines = Files.readAllLines(report);
        assertEquals("model,series_id,family_asked,family_used,reason", lines.get(0));
        assertTrue(lines.contains("snaive,S,seasonal_naive,naive,season_longer_than_data"), lines.toString());
        assertTrue(lines.contains("snaive,A,seasonal_naive,seasonal_naive,"), lines.toString());
        assertTrue(r.err().contains("fit: snaive: 1 of 4 series fell back (1 season_longer_than_data → naive); see " + report),
                r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.path("fallbacks").path("snaive").path("count").asInt(), r.out());

        CliRun.Result limited = run("evaluate", "--set", "backtest.windows=1", "--set", "train.max_fallback_share=0.1");
        assertEquals(3, limited.code(), limited.toString());
        assertTrue(limited.err().contains("gate failed: snaive: {max_fallback_share: 0.1}: 1 of 4 series fell back (share 0.25 > max 0.1)"),
                limited.err());
        assertTrue(Files.exists(report), "the evaluation is written, marked failed");
    }
}
