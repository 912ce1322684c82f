package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 13 of issue 14 (prepare's half), through the CLI: the warnings on stderr (also with
 * {@code -q}), in {@code --json} and {@code quality.json}; {@code prepare.fail_on_warnings}; and a
 * series that ended early forecast from the panel's end, not from its own.
 */
class PrepareWarningsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
    }

    /** The clean sales with rows of series {@code id} from day {@code from} to day {@code to} (inclusive) left out. */
    private static String salesWithout(String id, int from, int to) {
        return TestProject.salesCsv().lines().filter(line -> {
            String[] f = line.split(",");
            if (!f[0].equals(id)) {
                return true;
            }
            long day = java.time.temporal.ChronoUnit.DAYS.between(TestProject.START, java.time.LocalDate.parse(f[1]));
            return day < from || day > to;
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void gapFillingOfMoreThanTheThresholdIsAWarningOnStderrInJsonAndInTheQualityReport() throws Exception {
        Path cfg = p.configReading("gappy", salesWithout("B", 10, 19));
        CliRun.Result r = CliRun.run("prepare", "-q", "--json", "-c", cfg.toString());
        assertEquals(0, r.code(), r.toString());
        String expected = "gap filling/imputation changed more than 5 % of the periods of 1 of 3 series"
                + " (worst: B, 16.7 % of 60 days filled with 0 by prepare.gaps.target: zero)";
        assertEquals(List.of("demandcast prepare: warning: " + expected), r.err().lines().toList(), "printed despite -q");
        JsonNode warnings = JSON.readTree(r.out()).get("warnings");
        assertEquals(1, warnings.size(), r.out());
        assertEquals("filled_share", warnings.get(0).get("kind").asText());
        assertEquals("B", warnings.get(0).get("series").asText());
        assertEquals(1, warnings.get(0).get("series_count").asInt());
        assertEquals(10.0 / 60, warnings.get(0).get("share").asDouble(), 1e-12);
        assertEquals(expected, warnings.get(0).get("message").asText());
        assertEquals(expected, JSON.readTree(p.prepared.resolve("quality.json").toFile()).get("warnings").get(0).get("message").asText());
        assertTrue(JSON.readTree(r.out()).get("warnings").isArray());
    }

    @Test
    void cleanDataHasNoWarning() throws Exception {
        CliRun.Result r = p.run("prepare", "-q", "--json");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        assertEquals(0, JSON.readTree(r.out()).get("warnings").size());
    }

    @Test
    void failOnWarningsIsExit2WithTheWarningAndLeavesThePreparedDataAsItWas() throws Exception {
        assertEquals(0, p.run("prepare", "-q").code());
        Map<String, String> before = CliTest.digests(p.prepared);
        Path cfg = p.configReading("gappy", salesWithout("B", 10, 19));
        CliRun.Result r = CliRun.run("prepare", "-q", "-c", cfg.toString(), "--set", "prepare.fail_on_warnings=true");
        String line = assertUserError(r, "worst: B, 16.7 % of 60 days", "prepare.fail_on_warnings: true, nothing written");
        assertEquals(1, r.err().lines().count(), "the error line only: " + r);
        assertTrue(line.startsWith("demandcast prepare: error: gap filling/imputation changed more than 5 %"), line);
        assertEquals(before, CliTest.digests(p.prepared), "the earlier prepared dataset is unchanged");
    }

    /** The series' forecast dates, in order, from {@code predict -o -}. */
    private static List<String> forecastDates(CliRun.Result predict, String id) {
        return predict.out().lines().skip(1).map(l -> l.split(","))
                .filter(f -> f[0].equals(id)).map(f -> f[1]).toList();
    }

    /** Defect 13: series C ends 10 days before the others and was forecast for 2024-02-20 .. 26, dates the data covers. */
    @Test
    void aSeriesThatEndedEarlyIsForecastFromThePanelsEnd() {
        Path cfg = p.configReading("ended", salesWithout("C", 50, 59));
        String[] noSplit = {"-q", "-c", cfg.toString(), "--set", "prepare.split.test=0"};
        CliRun.Result prepare = CliRun.run(concat("prepare", noSplit));
        assertEquals(0, prepare.code(), prepare.toString());
        assertEquals(List.of("demandcast prepare: warning: 1 of 3 series end before the panel's last date 2024-02-29"
                + " (earliest: C, last observed 2024-02-19); prepare.ended_series: fill extends them to 2024-02-29"
                + " (filled with 0 by prepare.gaps.target: zero), so they are forecast from the panel's end"),
                prepare.err().lines().toList());
        assertEquals(0, CliRun.run(concat("train", noSplit)).code());
        CliRun.Result predict = CliRun.run(concat("predict", noSplit, "-o", "-"));
        assertEquals(0, predict.code(), predict.toString());
        List<String> a = forecastDates(predict, "A");
        assertEquals("2024-03-01", a.get(0));
        assertEquals(a, forecastDates(predict, "C"), "C is forecast for the same dates as A");
    }

    @Test
    void anEndedSeriesIsExcludedOrKeptOnRequest() {
        Path cfg = p.configReading("ended", salesWithout("C", 50, 59));
        for (String policy : List.of("exclude", "keep")) {
            String[] args = {"-q", "-c", cfg.toString(), "--set", "prepare.split.test=0", "--set", "prepare.ended_series=" + policy};
            assertEquals(0, CliRun.run(concat("prepare", args)).code(), policy);
            assertEquals(0, CliRun.run(concat("train", args)).code(), policy);
            CliRun.Result predict = CliRun.run(concat("predict", args, "-o", "-"));
            assertEquals(0, predict.code(), predict.toString());
            List<String> c = forecastDates(predict, "C");
            assertEquals(policy.equals("exclude") ? List.of() : List.of("2024-02-20", "2024-02-21", "2024-02-22", "2024-02-23",
                    "2024-02-24", "2024-02-25", "2024-02-26"), c, policy);
        }
    }

    @Test
    void anUnknownEndedSeriesPolicyNamesTheKeyAndTheChoices() {
        CliRun.Result r = p.run("prepare", "-q", "--set", "prepare.ended_series=drop");
        assertUserError(r, "prepare.ended_series", "'drop' is not one of [fill, exclude, keep]");
        assertTrue(Files.notExists(p.prepared));
    }

    private static String[] concat(String verb, String[] args, String... more) {
        String[] all = new String[1 + args.length + more.length];
        all[0] = verb;
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(more, 0, all, 1 + args.length, more.length);
        return all;
    }
}
