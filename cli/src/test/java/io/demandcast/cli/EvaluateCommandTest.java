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
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --forecasts F --actuals A --train T}: scoring another tool's forecast files. */
class EvaluateCommandTest {
    static final int TRAIN_DAYS = 53;
    static final int TEST_DAYS = 7;

    @TempDir
    Path tmp;

    Path forecasts;
    Path actuals;
    Path train;
    Path output;

    @BeforeEach
    void files() throws IOException {
        StringBuilder t = new StringBuilder("series_id,date,value\n");
        StringBuilder a = new StringBuilder("series_id,date,value\n");
        StringBuilder f = new StringBuilder("series_id,date,forecast\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (String s : new String[] {"A", "B"}) {
            for (int d = 0; d < TRAIN_DAYS + TEST_DAYS; d++) {
                int value = 5 + (d % 7) + (s.equals("B") ? 10 : 0) + (d * 7 % 3);
                String row = s + "," + start.plusDays(d) + "," + value + "\n";
                if (d < TRAIN_DAYS) {
                    t.append(row);
                } else {
                    a.append(row);
                    f.append(s).append(',').append(start.plusDays(d)).append(',').append(value + 1.5).append('\n');
                }
            }
        }
        train = Files.writeString(tmp.resolve("train.csv"), t);
        actuals = Files.writeString(tmp.resolve("test.csv"), a);
        forecasts = Files.writeString(tmp.resolve("theirs.csv"), f);
        output = tmp.resolve("scores");
    }

    private CliRun.Result evaluate(Path forecastFile, String... more) {
        String[] base = {"evaluate", "--forecasts", forecastFile.toString(), "--actuals", actuals.toString(),
            "--train", train.toString(), "--frequency", "daily", "-o", output.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.run(all);
    }

    @Test
    void scoresExternalForecastsIntoTheOutputDirectory() throws IOException {
        CliRun.Result r = evaluate(forecasts);
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.out(), "the table goes to stderr: " + r);
        assertTrue(r.err().contains("MAE"), r.err());

        JsonNode metrics = new ObjectMapper().readTree(output.resolve("metrics.json").toFile());
        assertEquals(1, metrics.get("schema_version").asInt());
        assertEquals(2, metrics.at("/aggregate/series").asInt());
        assertEquals(TEST_DAYS, metrics.get("horizon").asInt());
        assertEquals(1.5, metrics.at("/aggregate/mae").asDouble(), 1e-9, "every forecast is 1.5 too high");
        assertEquals(1.5, metrics.at("/aggregate/bias").asDouble(), 1e-9);
        assertTrue(Files.isRegularFile(output.resolve("per_series.csv")));
    }

    @Test
    void externalJsonSummary() throws IOException {
        CliRun.Result r = evaluate(forecasts, "--json", "-q");
        JsonNode doc = OutputMixinTest.json(r, "evaluate", OutputMixinTest.EVALUATE_KEYS);
        assertEquals("theirs.csv", doc.get("model").asText());
        assertEquals(output.toString(), doc.get("output").asText());
        assertEquals("", r.err());
    }

    @Test
    void missingForecastColumnNamesFileLineAndColumn() throws IOException {
        Path bad = Files.writeString(tmp.resolve("nocolumn.csv"),
                Files.readString(forecasts).replaceFirst("series_id,date,forecast", "series_id,date,yhat"));
        CliRun.Result r = evaluate(bad);
        assertUserErrorAt(r, bad.toString(), "forecast");
        assertTrue(Files.notExists(output), "nothing written: " + output);
    }

    @Test
    void configAndExternalFilesTogetherAreRejected() {
        TestProject p = TestProject.create(tmp.resolve("project"));
        CliRun.Result r = evaluate(forecasts, "-c", p.config.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("not both"), r.err());
        assertTrue(Files.notExists(output));
    }

    @Test
    void withConfigWritesToEvaluateOutput() throws IOException {
        TestProject p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("evaluate", "-q");
        assertEquals(0, r.code(), r.toString());
        for (String file : new String[] {"metrics.json", "per_series.csv", "forecasts.csv"}) {
            assertTrue(Files.isRegularFile(p.evaluation.resolve(file)), file);
        }
    }

    /**
     * {@code -o} belongs to the external-files group only, so with {@code -c} it makes picocli demand
     * --forecasts/--actuals/--train ("Missing required argument(s)"), while predict's -o overrides its
     * config key. Expected: -o overrides evaluate.output, or a message saying -o needs --forecasts.
     */
    @Test
    void withConfigOutputOptionOverridesEvaluateOutput() {
        TestProject p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("evaluate", "-q", "-o", output.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(output.resolve("metrics.json")));
    }

    @Test
    void unknownFrequencyNamesTheOption() {
        CliRun.Result r = CliRun.run("evaluate", "--forecasts", forecasts.toString(), "--actuals", actuals.toString(),
                "--train", train.toString(), "--frequency", "fortnightly", "-o", output.toString());
        assertUserError(r, "--frequency", "fortnightly");
        assertTrue(Files.notExists(output));
    }
}
