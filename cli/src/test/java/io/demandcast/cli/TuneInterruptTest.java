package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted {@code tune}, as a user or a job scheduler does it: a real demandcast process on the
 * sample data is stopped once its first candidate is on the leaderboard, and must exit saying how
 * many candidates it scored and where their leaderboard is, leaving that leaderboard complete.
 * The signal is SIGTERM: a process started in the background by a non-interactive shell (as a
 * build often is) inherits SIGINT ignored, and the JVM then never sees Ctrl-C; SIGINT and SIGTERM
 * take the same shutdown path in the JVM, so this checks what Ctrl-C does.
 */
class TuneInterruptTest {
    @TempDir
    Path tmp;

    @Test
    void interruptKeepsTheLeaderboardFoundSoFarAndSaysWhereItIs() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "needs POSIX signals");
        Path sales = Path.of("..", "sample-data", "sales.csv");
        assertTrue(Files.isRegularFile(sales), "run from the cli module directory: " + sales.toAbsolutePath());
        Path leaderboardDir = tmp.resolve("tune");
        Path config = tmp.resolve("tune.yaml");
        // 12 distinct auto_ets candidates, each a second or so on 20 series x 2 windows: time to interrupt between them
        Files.writeString(config, """
                name: interrupt
                data:
                  files: [%s]
                  frequency: daily
                prepare:
                  output: %s
                  gaps: {target: zero}
                train:
                  store: %s
                backtest: {horizon: 28, windows: 2}
                tune:
                  search: random
                  candidates: 12
                  seed: 1
                  halving: false
                  parallel: 1
                  output: %s
                  space:
                    - family: auto_ets
                      params: {model: [ZZZ, AAN], damped: [auto, true, false], ic: [aicc, bic]}
                """.formatted(TestProject.quote(sales), TestProject.quote(tmp.resolve("prepared")),
                TestProject.quote(tmp.resolve("store")), TestProject.quote(leaderboardDir)));
        assertEquals(0, CliRun.run("prepare", "-q", "-c", config.toString()).code());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "tune", "-c", config.toString()));
        Path stderr = tmp.resolve("stderr.txt");
        Process tune = new ProcessBuilder(command).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile()).start();
        Path csv = leaderboardDir.resolve("leaderboard.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(csv) < 1 && tune.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(tune.isAlive(), "tune ended before it could be interrupted: " + Files.readString(stderr));
        assertTrue(rows(csv) >= 1, "no candidate scored within 120 s");
        tune.destroy(); // SIGTERM
        assertTrue(tune.waitFor(60, TimeUnit.SECONDS), "tune did not stop on SIGTERM");

        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(143, tune.exitValue(), err); // 128 + SIGTERM
        int scored = rows(csv);
        assertTrue(scored >= 1 && scored < 12, "candidates on the leaderboard: " + scored);
        String expected = "demandcast: interrupted (SIGTERM) during tune of 'interrupt': " + scored
                + " candidates scored, leaderboard so far: " + csv + "; nothing was published; temporary files removed";
        assertTrue(err.lines().anyMatch(expected::equals), err);
        assertTrue(Files.isRegularFile(leaderboardDir.resolve("leaderboard.md")), "the Markdown leaderboard is kept too");
        assertTrue(Files.notExists(tmp.resolve("store")), "an interrupted search publishes nothing");
    }

    /** Data rows of a leaderboard CSV, 0 when it does not exist yet. */
    private static int rows(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        return (int) Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).count();
    }
}
