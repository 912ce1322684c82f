package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backend selection on this build, which carries ND4J's CPU backend only (the default profile): auto
 * and cpu start it and say so; cuda fails naming what is missing, and never runs on the CPU instead.
 */
class BackendsTest {

    @AfterEach
    void backToTheDefault() {
        Backends.select(BackendChoice.auto, false);
    }

    @Test
    void thisBuildCarriesTheCpuBackendOnly() {
        assertEquals(Set.of(BackendChoice.cpu), Backends.carried());
    }

    @Test
    void autoAndCpuStartNd4jsCpuBackendAndReportIt() {
        BackendInfo auto = Backends.require(BackendChoice.auto);
        assertEquals("cpu", auto.name());
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", auto.backendClass());
        assertEquals(org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName(), auto.backendClass(), "what ND4J itself runs");
        assertEquals("OPENBLAS", auto.blasVendor());
        assertEquals(List.of(), auto.devices());
        assertEquals(OmpThreads.from(System::getenv).count(), auto.threads(),
                "OMP_NUM_THREADS when set, else one thread rather than ND4J's every core");
        assertTrue(auto.describe().startsWith("cpu (ND4J CpuBackend, OPENBLAS, "), auto.describe());
        assertSame(auto, Backends.require(BackendChoice.cpu), "started once per JVM");

        assertEquals(java.util.Optional.empty(), Backends.select(BackendChoice.cpu, false), "cpu is checked without being reported");
        assertEquals(new Backends.Selection(BackendChoice.cpu, false), Backends.selection());
        assertSame(auto, Backends.active());
    }

    @Test
    void cudaOnACpuBuildFailsNamingTheBuildItNeeds() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> Backends.require(BackendChoice.cuda));
        assertEquals("backend cuda is not available: this build carries ND4J's CPU backend only (nd4j-native);"
                + " build the CUDA one with 'mvn -B -Pcuda -DskipTests package' (see docs/gpu.md)", e.getMessage());
        assertFalse(e.isUserError(), "a runtime failure (exit 1): the same command runs on a CUDA build with a GPU");

        assertThrows(BackendUnavailableException.class, () -> Backends.select(BackendChoice.cuda, false));
        assertEquals(BackendChoice.auto, Backends.selection().choice(), "a failed selection records nothing");
    }

    @Test
    void halfPrecisionNeedsTheCudaBackend() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> Backends.select(BackendChoice.auto, true));
        assertTrue(e.getMessage().startsWith("half precision (FP16) runs on the cuda backend only, and backend cuda is not available: "),
                e.getMessage());
        IllegalArgumentException onCpu = assertThrows(IllegalArgumentException.class, () -> Backends.select(BackendChoice.cpu, true));
        assertTrue(onCpu.getMessage().contains("cuda backend only"), onCpu.getMessage());
    }

    @Test
    void aCudaBuildRefusesCpuAndABuildWithoutBackendRefusesAll() {
        BackendUnavailableException cpu = assertThrows(BackendUnavailableException.class,
                () -> Backends.checkBuildCarries(BackendChoice.cpu, Set.of(BackendChoice.cuda)));
        assertTrue(cpu.getMessage().contains("this is a CUDA build (-Pcuda)"), cpu.getMessage());
        Backends.checkBuildCarries(BackendChoice.auto, Set.of(BackendChoice.cuda));
        BackendUnavailableException none = assertThrows(BackendUnavailableException.class,
                () -> Backends.checkBuildCarries(BackendChoice.auto, Set.of()));
        assertTrue(none.getMessage().contains("no ND4J backend"), none.getMessage());
    }

    /** The failures a CUDA build meets on machines without a usable GPU, as ND4J's CUDA check throws them. */
    @Test
    void cudaLoadFailuresNameWhatIsMissing() {
        // Measured: a -Pcuda build on a machine without an NVIDIA driver.
        UnsatisfiedLinkError noDriver = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        noDriver.initCause(new UnsatisfiedLinkError(
                "/root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so:"
                        + " libcuda.so.1: cannot open shared object file: No such file or directory"));
        assertTrue(Backends.cudaProblem(noDriver).startsWith("the NVIDIA driver library libcuda.so.1 cannot be loaded: no NVIDIA driver"),
                Backends.cudaProblem(noDriver));
        // JCublasBackend.canRun() when the driver counts no device (none visible, or a driver too old for CUDA 11.6).
        String noDevice = Backends.cudaProblem(new RuntimeException("No CUDA devices were found in system"));
        assertTrue(noDevice.contains("reports no CUDA device") && noDevice.contains("too old for CUDA 11.6"), noDevice);
        assertEquals("the CUDA libraries did not load: libcublas.so.11: cannot open shared object file",
                Backends.cudaProblem(new RuntimeException(new UnsatisfiedLinkError("libcublas.so.11: cannot open shared object file"))));
    }

    @Test
    void describesACudaBackendWithItsDevices() {
        BackendInfo gpu = new BackendInfo("cuda", "org.nd4j.linalg.jcublas.JCublasBackend", "CUBLAS", 1,
                List.of("NVIDIA A10 (22.5 GiB)", "NVIDIA A10 (22.5 GiB)"));
        assertEquals("cuda (ND4J JCublasBackend, CUBLAS, 1 OpenMP thread, 2 devices: NVIDIA A10 (22.5 GiB), NVIDIA A10 (22.5 GiB))",
                gpu.describe());
        assertEquals(2, ((List<?>) gpu.toMap().get("devices")).size());
    }
}
