package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, "every write is checked and atomic", through the CLI: defects 1, 2, 3, 4, 10 and LATEST of 7. */
class CheckedWritesTest {
    @TempDir
    Path tmp;

    /** Defect 1: {@code predict -o - > /dev/full} exited 0 with nothing written. */
    @Test
    void predictToAFullStdoutExitsOneNamingStdoutAndTheCause() {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        CliRun.Result r = runWithStdout(StandardOutput.over(new FullDevice()), p.args("predict", "-q", "-o", "-"));
        assertStdoutFailure(r, "predict", "No space left on device");
    }

    /** Defect 1: {@code predict --json > /dev/full} exited 0. */
    @Test
    void predictJsonToAFullStdoutExitsOne() {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        CliRun.Result r = runWithStdout(StandardOutput.over(new FullDevice()), p.args("predict", "-q", "--json"));
        assertStdoutFailure(r, "predict", "No space left on device");
    }

    /** Defect 1, for every verb with a stdout result: {@code evaluate --json}, {@code train --json}. */
    @Test
    void evaluateAndTrainJsonToAFullStdoutExitOne() {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        assertStdoutFailure(runWithStdout(StandardOutput.over(new FullDevice()), p.args("evaluate", "-q", "--json")),
                "evaluate", "No space left on device");
        assertStdoutFailure(runWithStdout(StandardOutput.over(new FullDevice()), p.args("train", "-q", "--json")),
                "train", "No space left on device");
    }

    /** Defect 1 with any PrintWriter (as the tests and embedders pass): the error flag alone fails the run. */
    @Test
    void aPlainPrintWriterFailureIsCaughtToo() {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        PrintWriter plain = new PrintWriter(new OutputStreamWriter(new FullDevice(), StandardCharsets.UTF_8));
        CliRun.Result r = runWithStdout(plain, p.args("predict", "-q", "-o", "-"));
        assertStdoutFailure(r, "predict", "write failed");
    }

    /** Defect 1 in a real JVM: stdout redirected to /dev/full, as the issue reproduced it. */
    @Test
    void predictToDevFullInARealJvm() throws Exception {
        File full = new File("/dev/full");
        if (!full.exists()) {
            return; // not Linux
        }
        TestProject p = TestProject.trained(tmp.resolve("project"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-cp", System.getProperty("java.class.path"), "io.demandcast.cli.Main"),
                Stream.of(p.args("predict", "-q", "-o", "-"))).toList();
        Process process = new ProcessBuilder(command).redirectOutput(full).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.contains("cannot write standard output: No space left on device"), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }

    /** Defect 2: predict.output a symlink: the link was replaced by a file and its target kept the old forecast. */
    @Test
    void predictThroughASymlinkWritesItsTarget() throws IOException {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path target = Files.writeString(shared.resolve("forecast.csv"), "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("latest.csv"), target);

        CliRun.Result r = p.run("predict", "-q", "-o", link.toString());

        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals(CliTest.FORECAST_HEADER, Files.readAllLines(target).get(0), "the target holds the new forecast");
    }

    /** Defect 2: predict.output a FIFO: it was replaced by a regular file and its reader got nothing. */
    @Test
    void predictIntoAFifoReachesItsReader() throws Exception {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        Path fifo = tmp.resolve("forecast.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllLines(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun.Result r = p.run("predict", "-q", "-o", fifo.toString());

        assertEquals(0, r.code(), r.toString());
        List<String> lines = reader.get(60, TimeUnit.SECONDS);
        assertEquals(CliTest.FORECAST_HEADER, lines.get(0));
        assertEquals(TestProject.SERIES.size() * TestProject.HORIZON, lines.size() - 1);
        assertTrue(!Files.isRegularFile(fifo), "still a FIFO");
    }

    /** Defect 4: the forecast CSV was created 0600 whatever the umask; it now gets the mode any new file gets. */
    @Test
    void theForecastGetsTheUmaskMode() throws IOException {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        assertEquals(0, p.run("predict", "-q").code());
        Path probe = Files.createFile(p.forecast.resolveSibling("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(p.forecast));
    }

    /**
     * Defect 3: an evaluation directory is replaced as a whole. Scoring other forecasts into a
     * backtest's directory left the backtest's old forecasts.csv beside the new metrics (the mix the
     * issue found after a failure); now nothing of the earlier evaluation remains, and no temporary.
     */
    @Test
    void anEvaluationDirectoryIsReplacedAsAWhole() throws IOException {
        TestProject p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("evaluate", "-q").code());
        assertTrue(Files.isRegularFile(p.evaluation.resolve("forecasts.csv")));

        Path[] external = externalFiles();
        CliRun.Result r = CliRun.run("evaluate", "-q", "--forecasts", external[0].toString(), "--actuals", external[1].toString(),
                "--train", external[2].toString(), "-o", p.evaluation.toString());

        assertEquals(0, r.code(), r.toString());
        try (Stream<Path> files = Files.list(p.evaluation)) {
            assertEquals(List.of("metrics.json", "per_series.csv"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(p.evaluation.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary beside it");
        }
    }

    /** Defect 10: {@code train} exited 1 yet left a complete version; the error named no path. */
    @Test
    void aTrainWhosePublishFailsLeavesNoVersion() throws IOException {
        TestProject p = TestProject.create(tmp.resolve("project"));
        assertEquals(0, p.run("prepare", "-q").code());
        Path latest = Files.createDirectories(p.modelDirectory().resolve("LATEST"));
        Files.writeString(latest.resolve("blocker"), "LATEST cannot be replaced");

        CliRun.Result r = p.run("train", "-q");

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(latest.toString()) && r.err().contains("nothing was published"), r.err());
        try (Stream<Path> entries = Files.list(p.modelDirectory())) {
            assertEquals(List.of("LATEST"), entries.map(f -> f.getFileName().toString()).toList(), "no version, no temporary");
        }
    }

    /** Defect 7 (LATEST): random bytes in LATEST exited 1 with "I/O error: Input length = 1". */
    @Test
    void randomBytesInLatestAreExitTwoNamingTheFile() throws IOException {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        Path latest = p.modelDirectory().resolve("LATEST");
        Files.write(latest, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, (byte) 0x80, 0x0A});

        assertUserError(p.run("predict", "-q"), latest.toString(), "not a version name");
        assertTrue(Files.notExists(p.forecast));
    }

    private Path[] externalFiles() throws IOException {
        StringBuilder train = new StringBuilder("series_id,date,value\n");
        StringBuilder actuals = new StringBuilder("series_id,date,value\n");
        StringBuilder forecasts = new StringBuilder("series_id,date,forecast\n");
        List<String> rows = TestProject.salesCsv().lines().skip(1).toList();
        for (String row : rows) {
            String[] c = row.split(",");
            int day = (int) java.time.temporal.ChronoUnit.DAYS.between(TestProject.START, java.time.LocalDate.parse(c[1]));
            if (day < TestProject.DAYS - TestProject.TEST) {
                train.append(row).append('\n');
            } else {
                actuals.append(row).append('\n');
                forecasts.append(c[0]).append(',').append(c[1]).append(',').append(Integer.parseInt(c[2]) + 1).append('\n');
            }
        }
        return new Path[] {
            Files.writeString(tmp.resolve("theirs.csv"), forecasts),
            Files.writeString(tmp.resolve("actuals.csv"), actuals),
            Files.writeString(tmp.resolve("train.csv"), train)};
    }

    private static CliRun.Result runWithStdout(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        int code = Cli.commandLine(out, errWriter).execute(args);
        errWriter.flush();
        return new CliRun.Result(code, "", CliRun.normalise(err.toString()));
    }

    private static void assertStdoutFailure(CliRun.Result r, String verb, String cause) {
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r);
        assertEquals("demandcast " + verb + ": I/O error: cannot write standard output: " + cause, lines.get(0));
    }

    /** stdout on a full disk, as {@code /dev/full} behaves: every write fails. */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }
}
