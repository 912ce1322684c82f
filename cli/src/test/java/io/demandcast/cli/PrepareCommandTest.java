package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static io.demandcast.cli.Errors.assertUserErrorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prepare} on bad input: exit 2, one located stderr line, and no prepared directory. */
class PrepareCommandTest {
    @TempDir
    Path tmp;

    TestProject p;
    String good;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
        good = TestProject.salesCsv();
    }

    private CliRun.Result prepare(Path config) {
        return CliRun.run("prepare", "-c", config.toString());
    }

    private void assertNothingWritten() {
        assertTrue(Files.notExists(p.prepared), "no prepared dataset after an error: " + p.prepared);
    }

    @Test
    void missingColumn() {
        Path cfg = p.configReading("nodate", good.replaceFirst("series_id,date,value", "series_id,day,value"));
        assertUserErrorAt(prepare(cfg), tmp.resolve("nodate.csv").toString(), "missing column 'date'");
        assertNothingWritten();
    }

    @Test
    void unparsableDate() {
        Path cfg = p.configReading("baddate", good.replace("A,2024-01-05,", "A,2024-13-05,"));
        String line = assertUserErrorAt(prepare(cfg), tmp.resolve("baddate.csv").toString(), "2024-13-05");
        assertTrue(line.contains(":6:2:"), "row 6 (after the header), column 2: " + line);
        assertNothingWritten();
    }

    @Test
    void nonNumericValue() {
        Path cfg = p.configReading("badvalue", good.replaceFirst("(?m)^A,2024-01-05,\\d+$", "A,2024-01-05,abc"));
        String line = assertUserErrorAt(prepare(cfg), tmp.resolve("badvalue.csv").toString(), "'abc'", "value");
        assertTrue(line.contains(":6:3:"), "row 6, column 3: " + line);
        assertNothingWritten();
    }

    @Test
    void duplicateSeriesAndDate() {
        Path cfg = p.configReading("duplicate", good + "B,2024-01-10,3\n");
        assertUserErrorAt(prepare(cfg), tmp.resolve("duplicate.csv").toString(), "duplicate", "'B'", "2024-01-10");
        assertNothingWritten();
    }

    @Test
    void unknownYamlKeyNamesTheLocationAndTheAllowedKeys() throws Exception {
        String yaml = Files.readString(p.config).replace("  family: seasonal_naive\n", "  family: seasonal_naive\n  familly: naive\n");
        Files.writeString(p.config, yaml);
        int line = yaml.lines().toList().indexOf("  familly: naive") + 1;
        CliRun.Result r = prepare(p.config);
        assertUserError(r, p.config + ":" + line + ":3:", "familly", "allowed: name, family, params");
        assertNothingWritten();
    }

    @Test
    void badOverrideValueNamesTheOverride() {
        CliRun.Result r = CliRun.run(p.args("prepare", "--set", "prepare.split.test=seven"));
        assertUserError(r, "--set prepare.split.test=seven", "integer");
        assertNothingWritten();
    }

    @Test
    void outOfRangeOverrideNamesTheOverride() {
        CliRun.Result r = CliRun.run(p.args("prepare", "--set", "prepare.split.test=-1"));
        assertUserError(r, "--set prepare.split.test=-1", ">= 0");
        assertNothingWritten();
    }

    @Test
    void badInputLeavesAnEarlierDatasetUntouched() throws Exception {
        assertEquals(0, prepare(p.config).code());
        Map<String, String> before = CliTest.digests(p.prepared);
        Path cfg = p.configReading("badvalue", good.replaceFirst("(?m)^B,2024-01-07,\\d+$", "B,2024-01-07,n/a"));
        assertUserErrorAt(prepare(cfg), tmp.resolve("badvalue.csv").toString(), "'n/a'");
        assertEquals(before, CliTest.digests(p.prepared), "the earlier prepared dataset is unchanged");
    }

    @Test
    void missingConfigOptionIsAUsageError() {
        CliRun.Result r = CliRun.run("prepare");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--config"), r.toString());
    }
}
