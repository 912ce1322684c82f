package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --backend} and {@code train.backend} / {@code train.half_precision} on this build, which
 * carries ND4J's CPU backend only: cuda fails up front with exit 1 naming what is missing, a bad value
 * is exit 2 naming the option, and cpu or auto run as before.
 */
class BackendOptionTest {
    static final String CUDA_MISSING = "demandcast %s: failed: backend cuda is not available: this build carries ND4J's CPU backend"
            + " only (nd4j-native); build the CUDA one with 'mvn -B -Pcuda -DskipTests package' (see docs/gpu.md)";

    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void prepared() {
        p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
    }

    @Test
    void cudaOnACpuBuildExits1BeforeTraining() {
        CliRun.Result r = p.run("train", "--backend", "cuda");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of(CUDA_MISSING.formatted("train")), r.err().lines().toList(), "one line, no fitting started: " + r);
        assertEquals("", r.out());
        assertTrue(Files.notExists(p.store), "nothing published");
    }

    @Test
    void cudaFromTheConfigFailsTheSameWay() {
        CliRun.Result r = p.run("train", "--set", "train.backend=cuda");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of(CUDA_MISSING.formatted("train")), r.err().lines().toList());
    }

    @ParameterizedTest(name = "{0} --backend cuda")
    @ValueSource(strings = {"evaluate", "tune", "predict"})
    void everyVerbThatMayRunADeepFamilyChecksCudaUpFront(String verb) {
        CliRun.Result r = p.run(verb, "--backend", "CUDA");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of(CUDA_MISSING.formatted(verb)), r.err().lines().toList());
    }

    @Test
    void aBadValueIsExit2NamingTheOptionAndItsValues() {
        assertOptionError(p.run("train", "--backend", "gpu"), "Invalid value for option '--backend'", "[auto, cpu, cuda]", "'gpu'");
        assertUserError(p.run("train", "--set", "train.backend=gpu"), "train.backend", "gpu");
        assertTrue(Files.notExists(p.store));
    }

    @Test
    void cpuAndAutoTrainAsBefore() {
        assertEquals(0, p.run("train", "-q", "--backend", "cpu").code());
        assertEquals(0, p.run("train", "-q", "--backend", "auto").code());
        CliRun.Result r = p.run("train", "-q", "--set", "train.backend=cpu", "--json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(0, p.run("predict", "-q", "--backend", "cpu").code());
    }

    @Test
    void halfPrecisionNeedsCuda() {
        assertUserError(p.run("train", "--set", "train.half_precision=true", "--set", "train.backend=cpu"),
                "train.half_precision: true runs on the cuda backend only");
        assertOptionError(p.run("train", "--set", "train.half_precision=true", "--backend", "cpu"),
                "--backend cpu: ", "train.half_precision: true runs on the cuda backend only");
        CliRun.Result auto = p.run("train", "--set", "train.half_precision=true");
        assertEquals(1, auto.code(), auto.toString());
        assertTrue(auto.err().startsWith("demandcast train: failed: half precision (FP16) runs on the cuda backend only,"
                + " and backend cuda is not available: this build carries ND4J's CPU backend only"), auto.err());
        assertTrue(Files.notExists(p.store));
    }

    @Test
    void scoringAnotherToolsForecastsTakesNoBackend() {
        CliRun.Result r = CliRun.run("evaluate", "--forecasts", "f.csv", "--actuals", "a.csv", "--train", "t.csv", "--backend", "cpu");
        assertOptionError(r, "--backend belongs to a backtest");
    }

    /** A bad option: exit 2, an error line naming it, then the pointer to --help. */
    private static void assertOptionError(CliRun.Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.toString());
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), "stderr names '" + f + "': " + lines.get(0));
        }
        assertTrue(lines.get(1).startsWith("Try 'demandcast "), r.toString());
    }
}
