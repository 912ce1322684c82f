package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.Sha256;
import io.demandcast.core.artifact.ArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast variant of {@code scripts/chaos/kill.sh} (issue 14, acceptance: "kills train, predict,
 * prepare and evaluate with SIGKILL and SIGTERM at random moments ... a fast variant is in
 * {@code mvn -B verify}"): eight real demandcast processes on a tiny project, each verb killed once
 * with each signal after a seeded delay within its clean run's duration, then run again without a
 * kill. Asserted are invariants, not timings (a run that ends before its signal is checked the same
 * way): every version in the store loads with its checksums verified, {@code LATEST} loads and, after
 * the next run, names the newest version; the prepared dataset, the evaluation directory and the
 * forecast file are, right after a kill, the previous complete ones or new complete ones.
 */
class ChaosKillTest {
    private static final long SEED = 14;
    private static final List<String> VERBS = List.of("prepare", "train", "predict", "evaluate");
    private static final List<String> EVALUATION_FILES =
            List.of("fit_report.csv", "forecasts.csv", "leaderboard.csv", "metrics.json", "per_series.csv", "report.html", "report.md");

    @TempDir
    Path tmp;

    private TestProject p;
    private final Set<String> completeForecasts = new HashSet<>();
    private final Set<String> verified = new HashSet<>();
    private final List<String> leftoversSeen = new ArrayList<>();

    @Test
    void killedRunsLeaveNothingCorruptAndTheNextRunRepairs() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "needs POSIX signals");
        p = TestProject.create(tmp);
        Map<String, Long> durationMs = new TreeMap<>();
        for (String verb : VERBS) {
            long t0 = System.nanoTime();
            assertEquals(0, spawn(verb).waitFor(), "clean " + verb + ": " + stderr());
            durationMs.put(verb, Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
            assertWhole(verb);
        }
        assertStoreLoads();

        Random random = new Random(SEED);
        int landed = 0;
        for (int i = 0; i < 2 * VERBS.size(); i++) {
            String verb = VERBS.get(i % VERBS.size());
            boolean sigkill = i < VERBS.size();
            long delay = random.nextInt((int) Math.min(Integer.MAX_VALUE, durationMs.get(verb)));
            String what = verb + (sigkill ? " SIGKILL" : " SIGTERM") + " after " + delay + " ms";
            String preparedBefore = treeSha(p.prepared);
            String evaluationBefore = treeSha(p.evaluation);

            Process run = spawn(verb);
            Thread.sleep(delay);
            if (sigkill) {
                run.destroyForcibly();
            } else {
                run.destroy();
            }
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), what + ": did not stop");
            if (run.exitValue() != 0) {
                landed++;
            }
            // Right after the kill: old or new, never torn; every version loads.
            switch (verb) {
                case "prepare" -> assertTrue(treeSha(p.prepared).equals(preparedBefore) || preparedWhole(),
                        what + ": the prepared dataset is torn");
                case "evaluate" -> assertTrue(treeSha(p.evaluation).equals(evaluationBefore) || evaluationWhole(),
                        what + ": the evaluation directory is torn: " + list(p.evaluation));
                case "predict" -> assertTrue(completeForecasts.contains(fileSha(p.forecast)),
                        what + ": the forecast file is no complete run's");
                default -> assertStoreLoads();
            }
            leftoversSeen.addAll(leftovers());

            assertEquals(0, spawn(verb).waitFor(), what + ": the next run failed: " + stderr());
            assertWhole(verb);
            assertStoreLoads();
            List<String> versions = new ArtifactStore(p.store).list(TestProject.MODEL);
            assertEquals(versions.get(versions.size() - 1), p.latestVersion(), what + ": LATEST is behind after the next run");
            assertEquals(List.of(), leftovers(), what + ": leftovers after the next run");
        }
        verified.clear();
        assertStoreLoads();
        System.out.println("ChaosKillTest: " + landed + " of 8 signals landed before the run ended; clean runs (ms) "
                + durationMs + "; leftovers seen after kills: " + leftoversSeen);
    }

    /** A demandcast JVM on the project, stderr to a file; the test classpath stands in for the jar. */
    private Process spawn(String verb) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(p.args(verb, "-q")));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() throws IOException {
        return Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    /** After a run that exited 0: its output is whole (and a forecast file is recorded as a complete one). */
    private void assertWhole(String verb) throws IOException {
        switch (verb) {
            case "prepare" -> assertTrue(preparedWhole(), "prepared dataset not whole");
            case "evaluate" -> assertTrue(evaluationWhole(), "evaluation not whole: " + list(p.evaluation));
            case "predict" -> completeForecasts.add(fileSha(p.forecast));
            default -> { }
        }
    }

    /** Every version not checked yet loads through predict (checksums and manifest digest verified), then LATEST does. */
    private void assertStoreLoads() throws IOException {
        for (String version : new ArtifactStore(p.store).list(TestProject.MODEL)) {
            if (verified.add(version)) {
                CliRun.Result r = p.run("predict", "-q", "-o", "-", "--set", "predict.version=" + version);
                assertEquals(0, r.code(), "version " + version + " does not load: " + r);
            }
        }
        if (Files.isDirectory(p.modelDirectory())) {
            CliRun.Result r = p.run("predict", "-q", "-o", "-");
            assertEquals(0, r.code(), "LATEST does not load: " + r);
        }
    }

    private boolean preparedWhole() throws IOException {
        Path manifest = p.prepared.resolve("manifest.json");
        Path panel = p.prepared.resolve("panel.bin");
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(panel)) {
            return false;
        }
        String want = new ObjectMapper().readTree(manifest.toFile()).path("panel_sha256").asText();
        return want.equals(Sha256.file(panel));
    }

    private boolean evaluationWhole() throws IOException {
        if (!list(p.evaluation).equals(EVALUATION_FILES)) {
            return false;
        }
        for (String f : EVALUATION_FILES) {
            if (Files.size(p.evaluation.resolve(f)) == 0) {
                return false;
            }
        }
        new ObjectMapper().readTree(p.evaluation.resolve("metrics.json").toFile());
        return true;
    }

    /** Our temporaries anywhere in the project: the store's {@code .tmp-*}, {@code .<name>.tmp-*} and {@code .<name>.old-*}. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.map(f -> tmp.relativize(f).toString())
                    .filter(rel -> {
                        String name = Path.of(rel).getFileName().toString();
                        return name.startsWith(".tmp-") || name.startsWith(".") && (name.contains(".tmp-") || name.contains(".old-"));
                    })
                    .toList();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String fileSha(Path file) throws IOException {
        return Files.isRegularFile(file) ? Sha256.file(file) : "missing";
    }

    /** Names and contents of every file under {@code dir}; "absent" when it does not exist. */
    private static String treeSha(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "absent";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(dir.relativize(f)).append(' ').append(Sha256.file(f)).append('\n');
            }
        }
        return Sha256.text(sb.toString());
    }
}
