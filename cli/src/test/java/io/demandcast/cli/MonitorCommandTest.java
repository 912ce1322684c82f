package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * {@code monitor} through the CLI: train on days 1..60, predict (logged), append the actuals of the
 * next days to the sales CSV, shifted or not, and monitor with {@code --prepare}.
 */
class MonitorCommandTest {
    @TempDir
    Path tmp;

    /** The actuals of days {@code from..to} (0-based) of every series, {@code shift} added. */
    private static String days(int from, int to, int shift) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < TestProject.SERIES.size(); s++) {
            for (int d = from; d <= to; d++) {
                int value = 3 + s + (d % 7) * (s + 1) + (d * 5 % 3) + shift;
                sb.append(TestProject.SERIES.get(s)).append(',').append(TestProject.START.plusDays(d)).append(',').append(value).append('\n');
            }
        }
        return sb.toString();
    }

    private TestProject predicted(String... predictArgs) throws IOException {
        TestProject p = TestProject.trained(tmp);
        CliRun.Result r = p.run("predict", predictArgs.length == 0 ? new String[] {"-q"} : predictArgs);
        assertEquals(0, r.code(), r.toString());
        return p;
    }

    /** {@code monitor} with its report in {@code out} (the default is relative to the working directory). */
    private static CliRun.Result monitor(TestProject p, Path out, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-o";
        all[args.length + 1] = out.toString();
        return p.run("monitor", all);
    }

    private static Path logRuns(TestProject p) {
        return p.dir.resolve("forecast-log").resolve(TestProject.MODEL).resolve("runs");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void predictLogsWhatItPublished() throws IOException {
        TestProject p = predicted();
        List<Path> runs = list(logRuns(p));
        assertEquals(1, runs.size(), runs.toString());
        String name = runs.get(0).getFileName().toString();
        assertTrue(name.matches("\\d{8}T\\d{6}\\.\\d{3}Z_" + p.latestVersion() + "\\.csv"), name);
        List<String> lines = Files.readAllLines(runs.get(0));
        assertEquals("run_time,model_version,origin,series_id,date,step,forecast,q0.1,q0.5,q0.9", lines.get(0));
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON + 1, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(p.latestVersion(), first[1]);
        assertEquals(TestProject.START.plusDays(TestProject.DAYS - 1).toString(), first[2], "origin: the last data date");
        assertEquals(TestProject.START.plusDays(TestProject.DAYS).toString(), first[4]);
        assertEquals("1", first[5]);
        // The logged forecast is the published one.
        List<String> published = Files.readAllLines(p.forecast);
        assertEquals(published.get(1).split(",")[3], first[6]);

        // Off: nothing more is logged.
        assertEquals(0, p.run("predict", "-q", "--set", "monitor.log_forecasts=false").code());
        assertEquals(1, list(logRuns(p)).size());
        // Stdout output is logged too.
        assertEquals(0, p.run("predict", "-q", "-o", "-").code());
        assertEquals(2, list(logRuns(p)).size());
    }

    @Test
    void aLevelShiftAfterPublishingExits3() throws IOException {
        TestProject p = predicted();
        Files.writeString(p.sales, Files.readString(p.sales) + days(TestProject.DAYS, TestProject.DAYS + 6, 30));
        CliRun.Result r = monitor(p, tmp.resolve("monitor"), "--prepare", "--json");
        assertEquals(3, r.code(), r.toString());
        List<String> crossed = r.err().lines().filter(l -> l.startsWith("monitor: threshold crossed: ")).toList();
        assertTrue(crossed.stream().anyMatch(l -> l.contains("error_ratio") && l.contains("> max 1.5") && l.contains("by ")), r.err());
        assertTrue(crossed.stream().anyMatch(l -> l.contains("|relative_bias|")), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("monitor", json.get("verb").asText());
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON, json.get("pairs").asInt());
        assertTrue(json.get("overall").get("error_ratio").asDouble() > 5, r.out());
        assertTrue(json.get("overall").get("relative_bias").asDouble() < -0.5, "under-forecast: " + r.out());
        assertTrue(json.get("crossed").asBoolean());
        assertTrue(Files.isRegularFile(tmp.resolve("monitor").resolve("monitor.json")), "the report is written on exit 3 too");
    }

    @Test
    void noShiftExits0AndWritesTheReport() throws IOException {
        TestProject p = predicted();
        Files.writeString(p.sales, Files.readString(p.sales) + days(TestProject.DAYS, TestProject.DAYS + 6, 0));
        Path out = tmp.resolve("monitor-report");
        CliRun.Result r = monitor(p, out, "--prepare", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        double ratio = json.get("overall").get("error_ratio").asDouble();
        assertTrue(ratio > 0.3 && ratio < 1.5, "about as accurate as in the backtest: " + r.out());
        assertTrue(Math.abs(json.get("overall").get("relative_bias").asDouble()) < 0.2, r.out());
        assertTrue(r.err().contains("all thresholds held"), r.err());
        for (String f : List.of("monitor.json", "per_series.csv", "leaderboard.csv", "report.md", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> perSeries = Files.readAllLines(out.resolve("per_series.csv"));
        assertTrue(perSeries.get(0).startsWith("series_id,error_ratio,scaled_error,reference_error,relative_bias,coverage_80"),
                perSeries.get(0));
        assertEquals(TestProject.SERIES.size() + 1, perSeries.size());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.startsWith("# Monitor report: clitest"), md);
        assertTrue(md.contains("monitor.max_error_ratio"), md);
        // The reference backtest is cached per version.
        assertTrue(Files.isRegularFile(p.dir.resolve("forecast-log").resolve(TestProject.MODEL).resolve("reference")
                .resolve(p.latestVersion() + ".json")));
    }

    @Test
    void coverageBelowNominalExits3() throws IOException {
        TestProject p = predicted();
        // Within the level but swinging far wider than before: the 80 % interval misses most actuals.
        StringBuilder swings = new StringBuilder();
        for (int s = 0; s < TestProject.SERIES.size(); s++) {
            for (int d = TestProject.DAYS; d < TestProject.DAYS + 7; d++) {
                int base = 3 + s + (d % 7) * (s + 1) + (d * 5 % 3);
                swings.append(TestProject.SERIES.get(s)).append(',').append(TestProject.START.plusDays(d)).append(',')
                        .append(d % 2 == 0 ? base + 12 : Math.max(0, base - 12)).append('\n');
            }
        }
        Files.writeString(p.sales, Files.readString(p.sales) + swings);
        CliRun.Result r = monitor(p, tmp.resolve("monitor"), "--prepare", "--json", "--set", "monitor.max_error_ratio=100",
                "--set", "monitor.max_abs_bias=100");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("monitor: threshold crossed: coverage_80 ") && l.contains("< min 0.7")),
                r.err());
    }

    @Test
    void forecastsThatMoveBetweenRunsAreUnstable() throws IOException {
        // Horizon 14: the run after a retrain on 7 more days forecasts 7 target dates the first run forecast too.
        TestProject p = TestProject.trained(tmp);
        assertEquals(0, p.run("predict", "-q", "--set", "predict.horizon=14").code());
        Files.writeString(p.sales, Files.readString(p.sales) + days(TestProject.DAYS, TestProject.DAYS + 6, 30));
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q").code());
        assertEquals(0, p.run("predict", "-q", "--set", "predict.horizon=14").code());
        CliRun.Result r = monitor(p, tmp.resolve("monitor"), "--json", "--set", "monitor.max_error_ratio=100", "--set", "monitor.max_abs_bias=100",
                "--set", "monitor.coverage_tolerance=1");
        assertEquals(3, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("overall").get("instability").asDouble() > 5, r.out());
        assertEquals(2, json.get("by_version").size(), "both versions reported: " + r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("monitor: threshold crossed: instability ")), r.err());
    }

    @Test
    void nothingToCompareYetExits0() throws IOException {
        TestProject p = predicted();
        CliRun.Result r = monitor(p, tmp.resolve("monitor"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("nothing to compare yet"), r.err());
    }

    @Test
    void noForecastLogIsAUserError() {
        TestProject p = TestProject.trained(tmp);
        CliRun.Result r = monitor(p, tmp.resolve("monitor"));
        assertUserError(r, "no forecast log of model '" + TestProject.MODEL + "'", "run predict first");
    }

    /** What retrain.sh passes: a pipeline whose first run has not predicted yet must not stop at monitor. */
    @Test
    void allowNoLogPassesWithANoteAndWritesNoReport() throws IOException {
        TestProject p = TestProject.trained(tmp);
        Path out = tmp.resolve("monitor");
        CliRun.Result r = monitor(p, out, "--allow-no-log", "--json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("has no forecast log yet") && r.err().contains("nothing to compare (--allow-no-log)"), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(0, json.get("runs").asInt());
        assertFalse(json.get("crossed").asBoolean());
        assertFalse(java.nio.file.Files.exists(out), "no report for nothing");
    }

    @Test
    void unknownMonitorKeyIsNamed() {
        TestProject p = TestProject.trained(tmp);
        CliRun.Result r = monitor(p, tmp.resolve("monitor"), "--set", "monitor.max_ratio=2");
        assertUserError(r, "unknown key 'max_ratio' in monitor", "max_error_ratio");
    }
}
