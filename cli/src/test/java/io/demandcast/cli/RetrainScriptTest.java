package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/cron/retrain.sh} with a stand-in {@code demandcast}: a shell script that logs the
 * arguments it is called with and exits with the code the test sets per verb
 * ({@code STANDIN_EXIT_<verb>}), and that can wait in one verb ({@code STANDIN_HOLD}) until the
 * test releases it, as {@link LauncherTest} does with a stand-in java. So the test checks the
 * script's own logic (order of steps, drift, lock, log lines, exit codes) without a JVM per step.
 */
class RetrainScriptTest {
    private static final String STANDIN = String.join("\n",
            "#!/bin/sh",
            "echo \"$*\" >> \"$STANDIN_LOG\"",
            "verb=\"$1\"; [ \"$1\" = models ] && verb=\"models_$2\"",
            "if [ \"$verb\" = \"${STANDIN_HOLD:-}\" ]; then",
            "  trap 'echo TERM >> \"$STANDIN_LOG\"; exit 143' TERM",
            "  touch \"$STANDIN_HELD\"",
            "  while [ ! -e \"$STANDIN_RELEASE\" ]; do sleep 0.05; done",
            "fi",
            "eval \"code=\\${STANDIN_EXIT_$verb:-0}\"",
            "exit $code",
            "");
    private static final String LINE = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z retrain ";

    @TempDir
    Path tmp;

    Path standin;
    Path calls;
    Path experiment;

    @BeforeEach
    void setUp() throws IOException {
        standin = executable(tmp.resolve("bin/demandcast"), STANDIN);
        calls = tmp.resolve("calls.log");
        experiment = Files.writeString(tmp.resolve("shop.yaml"), String.join("\n",
                "name: shop   # the experiment",
                "data:",
                "  files: [sales.csv]",
                "model:",
                "  family: seasonal_naive",
                "  name: 'shop-snaive'",
                ""));
    }

    record Run(int code, List<String> lines, String err) {
    }

    private ProcessBuilder builder(Map<String, String> env, String... experiments) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("../scripts/cron/retrain.sh").toAbsolutePath().toString()));
        command.addAll(List.of(experiments));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("DEMANDCAST", standin.toString());
        pb.environment().put("STANDIN_LOG", calls.toString());
        pb.environment().put("STANDIN_HELD", tmp.resolve("held").toString());
        pb.environment().put("STANDIN_RELEASE", tmp.resolve("release").toString());
        pb.environment().put("RETRAIN_LOCK_DIR", tmp.resolve("locks").toString());
        for (String unset : List.of("MAX_AGE", "MAX_MODEL_AGE", "KEEP", "MONITOR", "MODEL_NAME")) {
            pb.environment().remove(unset);
        }
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String... experiments) throws Exception {
        return finish(builder(env, experiments).start());
    }

    private static Run finish(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "retrain.sh did not finish");
        return new Run(process.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The step and exit code of each log line, after checking the line's whole format. */
    private static List<String> steps(Run run, String experiment) {
        List<String> steps = new ArrayList<>();
        for (String line : run.lines()) {
            assertTrue(line.matches(LINE + experiment.replace(".", "\\.") + " [a-z]+ exit=[0-9]+ [0-9]+s"), "log line format: " + line);
            String[] words = line.split(" ");
            steps.add(words[3] + " " + words[4]);
        }
        return steps;
    }

    @Test
    void stepsRunInOrderWithTheirOptionsAndLogOneLineEach() throws Exception {
        Run run = run(Map.of(), "shop.yaml");
        assertEquals(0, run.code(), run.toString());
        assertEquals(List.of("prepare exit=0", "monitor exit=0", "train exit=0", "predict exit=0", "prune exit=0", "done exit=0"),
                steps(run, "shop.yaml"));
        assertEquals(List.of(
                "prepare -q -c shop.yaml",
                "monitor --allow-no-log -q -c shop.yaml",
                "train --if-older-than 7d -q -c shop.yaml",
                "predict --max-model-age 14d -q -c shop.yaml",
                "models prune shop-snaive --keep 10 --yes -q -c shop.yaml"), calls());
        assertEquals("", run.err(), "nothing on stderr when every step succeeds");
    }

    @Test
    void driftRetrainsWhateverTheModelsAgeAndExitsThree() throws Exception {
        Run run = run(Map.of("STANDIN_EXIT_monitor", "3"), "shop.yaml");
        assertEquals(3, run.code(), run.toString());
        assertEquals(List.of("prepare exit=0", "monitor exit=3", "train exit=0", "predict exit=0", "prune exit=0", "done exit=3"),
                steps(run, "shop.yaml"));
        assertEquals("train -q -c shop.yaml", calls().get(2), "no --if-older-than after drift");
    }

    @Test
    void aFailedStepEndsTheExperimentWithItsCode() throws Exception {
        Run badInput = run(Map.of("STANDIN_EXIT_prepare", "2"), "shop.yaml");
        assertEquals(2, badInput.code(), badInput.toString());
        assertEquals(List.of("prepare exit=2", "done exit=2"), steps(badInput, "shop.yaml"));
        assertEquals(List.of("prepare -q -c shop.yaml"), calls());

        Files.delete(calls);
        Run runtime = run(Map.of("STANDIN_EXIT_train", "1"), "shop.yaml");
        assertEquals(1, runtime.code(), runtime.toString());
        assertEquals(List.of("prepare exit=0", "monitor exit=0", "train exit=1", "done exit=1"), steps(runtime, "shop.yaml"));

        Files.delete(calls);
        Run tooOld = run(Map.of("STANDIN_EXIT_predict", "2"), "shop.yaml");
        assertEquals(2, tooOld.code(), "predict --max-model-age refusing an old model: " + tooOld);
        assertEquals(List.of("prepare exit=0", "monitor exit=0", "train exit=0", "predict exit=2", "done exit=2"), steps(tooOld, "shop.yaml"));
    }

    @Test
    void aTrainQualityLimitStillForecastsFromTheCurrentModel() throws Exception {
        Run run = run(Map.of("STANDIN_EXIT_train", "3"), "shop.yaml");
        assertEquals(3, run.code(), run.toString());
        assertEquals(List.of("prepare exit=0", "monitor exit=0", "train exit=3", "predict exit=0", "prune exit=0", "done exit=3"),
                steps(run, "shop.yaml"));
    }

    @Test
    void environmentSetsTheAgesTheKeptVersionsAndSkipsMonitorAndPrune() throws Exception {
        Run run = run(Map.of("MAX_AGE", "3d", "MAX_MODEL_AGE", "1w", "KEEP", "4", "MONITOR", "0"), "shop.yaml");
        assertEquals(0, run.code(), run.toString());
        assertEquals(List.of(
                "prepare -q -c shop.yaml",
                "train --if-older-than 3d -q -c shop.yaml",
                "predict --max-model-age 1w -q -c shop.yaml",
                "models prune shop-snaive --keep 4 --yes -q -c shop.yaml"), calls());

        Files.delete(calls);
        assertEquals(0, run(Map.of("KEEP", "0", "MODEL_NAME", "other"), "shop.yaml").code());
        assertEquals(4, calls().size(), "KEEP=0: no prune " + calls());
    }

    @Test
    void theModelNameDefaultsToTheExperimentsName() throws Exception {
        Files.writeString(tmp.resolve("plain.yaml"), "name: \"plain\"\nmodel:\n  family: naive\n");
        assertEquals(0, run(Map.of(), "plain.yaml").code());
        assertEquals("models prune plain --keep 10 --yes -q -c plain.yaml", calls().get(4));
    }

    @Test
    void everyExperimentRunsAndTheMostSevereCodeWins() throws Exception {
        Files.writeString(tmp.resolve("other.yaml"), "name: other\n");
        Run run = run(Map.of("STANDIN_EXIT_monitor", "3", "STANDIN_EXIT_models_prune", "1"), "shop.yaml", "other.yaml");
        assertEquals(1, run.code(), "a runtime failure outranks drift: " + run);
        assertEquals(12, run.lines().size(), run.toString());
        assertTrue(run.lines().get(5).contains(" retrain shop.yaml done exit=1 "), run.toString());
        assertTrue(run.lines().get(11).contains(" retrain other.yaml done exit=1 "), run.toString());
    }

    @Test
    void aSecondRunWhileTheLockIsHeldExitsSeventyFiveAtOnce() throws Exception {
        Process first = builder(Map.of("STANDIN_HOLD", "train")).command(List.of("bash",
                Path.of("../scripts/cron/retrain.sh").toAbsolutePath().toString(), "shop.yaml")).start();
        waitFor(tmp.resolve("held"));
        Run second = run(Map.of(), "shop.yaml");
        assertEquals(75, second.code(), second.toString());
        assertEquals(1, second.lines().size(), second.toString());
        assertTrue(second.lines().get(0).matches(LINE + "shop\\.yaml lock exit=75 0s"), second.lines().get(0));
        assertTrue(second.err().contains("another run holds"), second.err());

        Files.writeString(tmp.resolve("release"), "");
        Run firstRun = finish(first);
        assertEquals(0, firstRun.code(), firstRun.toString());
        assertEquals(5, calls().size(), "the second run called nothing: " + calls());

        Files.delete(calls);
        assertEquals(0, run(Map.of(), "shop.yaml").code(), "the lock is free once the first run ended");
    }

    @Test
    void sigtermStopsTheRunningStepAndExits143() throws Exception {
        Process process = builder(Map.of("STANDIN_HOLD", "predict")).command(List.of("bash",
                Path.of("../scripts/cron/retrain.sh").toAbsolutePath().toString(), "shop.yaml")).start();
        waitFor(tmp.resolve("held"));
        // Process.destroy() would close the streams this test reads: kill(1) sends the SIGTERM instead.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
        Run run = finish(process);
        assertEquals(143, run.code(), run.toString());
        assertEquals(List.of("prepare exit=0", "monitor exit=0", "train exit=0", "predict exit=143"), steps(run, "shop.yaml"));
        assertEquals("TERM", calls().get(calls().size() - 1), "the step got SIGTERM: " + calls());
    }

    @Test
    void usageErrorsExitTwoAndAMissingLauncherOne() throws Exception {
        Run none = run(Map.of());
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().startsWith("retrain.sh: error: no experiment given"), none.err());
        Run missing = run(Map.of(), "nope.yaml");
        assertEquals(2, missing.code(), missing.toString());
        assertEquals("retrain.sh: error: nope.yaml: no such experiment file\n", missing.err());
        Run noLauncher = run(Map.of("DEMANDCAST", tmp.resolve("absent").toString()), "shop.yaml");
        assertEquals(1, noLauncher.code(), noLauncher.toString());
        assertTrue(noLauncher.err().contains("demandcast not found"), noLauncher.err());
        assertEquals(List.of(), calls());
    }

    @Test
    void withoutFlockNothingRunsAndTheExitIsOne() throws Exception {
        ProcessBuilder pb = builder(Map.of(), "shop.yaml");
        pb.environment().put("PATH", tmp.resolve("empty-bin").toString());
        Run run = finish(pb.start());
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().startsWith("retrain.sh: error: flock not found"), run.err());
        assertEquals(List.of(), calls());
    }

    @Test
    void withoutDemandcastSetTheOneOnThePathRuns() throws Exception {
        ProcessBuilder pb = builder(Map.of(), "shop.yaml");
        pb.environment().remove("DEMANDCAST");
        pb.environment().put("PATH", standin.getParent() + ":" + System.getenv("PATH"));
        Run run = finish(pb.start());
        assertEquals(0, run.code(), run.toString());
        assertEquals(5, calls().size(), calls().toString());
    }

    private static void waitFor(Path marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(marker)) {
            assertTrue(System.nanoTime() < deadline, "the stand-in never reached " + marker);
            Thread.sleep(20);
        }
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
