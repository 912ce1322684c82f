package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict}: artifact checks, and where the forecast goes. */
class PredictCommandTest {
    @TempDir
    Path tmp;

    private TestProject trained() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q").code());
        return p;
    }

    @Test
    void tamperedPayloadFailsTheChecksum() throws Exception {
        TestProject p = trained();
        Path state = p.modelDirectory().resolve(p.latestVersion()).resolve("model").resolve("state.json");
        byte[] bytes = Files.readAllBytes(state);
        int i = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\"season_length\"");
        assertTrue(i >= 0, "state.json records the season length");
        int digit = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('7', i);
        bytes[digit] = '8';
        Files.write(state, bytes);

        CliRun.Result r = p.run("predict");
        assertUserError(r, "checksum", "model/state.json");
        assertTrue(Files.notExists(p.forecast), "no forecast from a tampered model");
    }

    @Test
    void noArtifact() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("predict");
        assertUserError(r, "no artifact '" + TestProject.MODEL + "'", p.store.toString());
        assertTrue(Files.notExists(p.forecast));
    }

    @Test
    void dashOutputWritesTheCsvToStdout() {
        TestProject p = trained();
        CliRun.Result r = p.run("predict", "-o", "-");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(CliTest.FORECAST_HEADER, lines.get(0));
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON, lines.size() - 1, r.out());
        assertTrue(r.err().contains("-> stdout"), "progress and summary on stderr: " + r.err());
        assertTrue(Files.notExists(p.forecast), "predict.output is overridden by -o -");
    }

    @Test
    void dashOutputWithJsonIsRejected() {
        TestProject p = trained();
        CliRun.Result r = p.run("predict", "-o", "-", "--json");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().contains("--json and '-o -' both want stdout"), r.err());
        assertTrue(Files.notExists(p.forecast));
    }

    @Test
    void outputOptionOverridesTheConfig() throws Exception {
        TestProject p = trained();
        Path other = tmp.resolve("other.csv");
        CliRun.Result r = p.run("predict", "-q", "--output", other.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(CliTest.FORECAST_HEADER, Files.readAllLines(other).get(0));
        assertTrue(Files.notExists(p.forecast));
    }
}
