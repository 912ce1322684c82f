package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 9 of issue 14: an interrupted run (SIGTERM; Ctrl-C takes the same shutdown path) used to
 * exit 143 without a word. A real demandcast process fitting a slow model is stopped mid-fit and
 * must print one line saying what it abandoned, exit 143, and leave no temporaries.
 */
class InterruptedRunTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermDuringTrainSaysWhatWasAbandonedInOneLine() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "needs POSIX signals");
        Path sales = Path.of("..", "sample-data", "sales.csv");
        assertTrue(Files.isRegularFile(sales), "run from the cli module directory: " + sales.toAbsolutePath());
        Path config = tmp.resolve("slow.yaml");
        // auto_arima's stepwise search on 20 daily series of 5 years takes minutes: time enough to interrupt.
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
                model:
                  name: slow
                  family: auto_arima
                """.formatted(TestProject.quote(sales), TestProject.quote(tmp.resolve("prepared")),
                TestProject.quote(tmp.resolve("store"))));
        assertEquals(0, CliRun.run("prepare", "-q", "-c", config.toString()).code());

        Path stderr = tmp.resolve("stderr.txt");
        Process train = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", "-c", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(stderr).contains("train: fitting") && train.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(train.isAlive(), "train ended before it could be interrupted: " + Files.readString(stderr));
        Thread.sleep(500);
        train.destroy(); // SIGTERM
        assertTrue(train.waitFor(60, TimeUnit.SECONDS), "train did not stop on SIGTERM");

        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(143, train.exitValue(), err); // 128 + SIGTERM, the JVM's own
        List<String> lines = err.lines().filter(l -> l.startsWith("demandcast: interrupted")).toList();
        assertEquals(List.of("demandcast: interrupted (SIGTERM) during train of model 'slow': nothing was published;"
                + " temporary files removed"), lines, err);
        assertTrue(err.strip().endsWith(lines.get(0)), "the notice is the last line: " + err);
        assertEquals(List.of(), hidden(tmp.resolve("prepared").getParent()), "no temporaries beside the prepared data");
        assertTrue(Files.notExists(tmp.resolve("store/slow")) || hidden(tmp.resolve("store/slow")).isEmpty(), "none in the store");
        assertTrue(Files.notExists(tmp.resolve("store/slow/LATEST")), "nothing was published");
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
