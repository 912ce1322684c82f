package io.demandcast.core.model.deep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The ND4J backend every deep family runs on: which one a run asked for, checking it is there, and
 * starting it once.
 *
 * <p>ND4J picks one backend per JVM when its {@code Nd4j} class is first used, and starting it costs
 * about a second, so the selection is process-wide too: a verb calls {@link #select} once, before any
 * work (the CLI does it for {@code train}, {@code evaluate}, {@code tune} and {@code predict}); a deep
 * family calls {@link #active()} when it first needs ND4J. A run that never reaches a deep family with
 * {@code auto} or {@code cpu} never starts ND4J.
 *
 * <p>Asking for {@code cuda} where it cannot run (a CPU build, no NVIDIA driver, no GPU) fails with a
 * {@link BackendUnavailableException} naming what is missing; nothing ever falls back to the CPU.
 */
public final class Backends {
    static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final String GPU_DOC = "see docs/gpu.md";

    /** What a run asked for; {@code auto} in full precision until a verb selects. */
    private static volatile Selection selection = new Selection(BackendChoice.auto, false);
    /** The backend ND4J runs, once started; guarded by {@code Backends.class}. */
    private static BackendInfo started;
    /** Why the CUDA backend cannot run here, once found out: loading its libraries is tried once per JVM. */
    private static BackendUnavailableException cudaFailure;

    private Backends() {
    }

    /**
     * A run's backend settings.
     *
     * @param choice        the backend asked for
     * @param halfPrecision FP16 on the GPU ({@code train.half_precision})
     */
    public record Selection(BackendChoice choice, boolean halfPrecision) {
        public Selection {
            Objects.requireNonNull(choice, "choice");
            if (halfPrecision && choice == BackendChoice.cpu) {
                throw new IllegalArgumentException("half precision (FP16) runs on the cuda backend only, not on cpu");
            }
        }
    }

    /**
     * Records a run's backend settings and checks them up front, so a run that cannot have its backend
     * fails before doing any work. {@code cuda} (or half precision, which needs it) starts ND4J now to
     * find the driver and devices; {@code cpu} only checks that this build carries the CPU backend;
     * {@code auto} touches nothing.
     *
     * @return the backend started by the check, for the caller to report; empty when nothing was started
     * @throws BackendUnavailableException when the backend asked for is not in this build or cannot run here
     * @throws IllegalArgumentException     for half precision on {@code cpu}
     */
    public static Optional<BackendInfo> select(BackendChoice choice, boolean halfPrecision) {
        Selection wanted = new Selection(choice, halfPrecision);
        Optional<BackendInfo> info = Optional.empty();
        if (choice == BackendChoice.cuda) {
            info = Optional.of(require(BackendChoice.cuda));
        } else if (halfPrecision) {
            try {
                info = Optional.of(require(BackendChoice.cuda));
            } catch (BackendUnavailableException e) {
                throw new BackendUnavailableException("half precision (FP16) runs on the cuda backend only, and " + e.getMessage(), e);
            }
        } else if (choice == BackendChoice.cpu) {
            checkBuildCarries(BackendChoice.cpu, carried());
        }
        selection = wanted;
        return info;
    }

    /** The settings the last {@link #select} recorded ({@code auto}, full precision, before any). */
    public static Selection selection() {
        return selection;
    }

    /**
     * For deep families: the selected backend, started on the first call (ND4J's OpenMP threads set as
     * {@link OmpThreads} says).
     *
     * @throws BackendUnavailableException when it cannot run here
     */
    public static BackendInfo active() {
        return require(selection.choice());
    }

    /**
     * Starts ND4J on {@code choice} (once per JVM) and says what runs.
     *
     * @throws BackendUnavailableException naming what is missing when this build does not carry the
     *                                     backend, its native libraries do not load, or ND4J already
     *                                     runs another backend in this process
     */
    public static synchronized BackendInfo require(BackendChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Set<BackendChoice> inBuild = carried();
        checkBuildCarries(choice, inBuild);
        if (started == null) {
            boolean cuda = choice == BackendChoice.cuda || choice == BackendChoice.auto && !inBuild.contains(BackendChoice.cpu);
            if (cuda) {
                probeCuda();
            }
            started = start(OmpThreads.from(System::getenv));
        }
        if (choice != BackendChoice.auto && !started.name().equals(choice.name())) {
            throw new BackendUnavailableException("backend " + choice + " was asked for, but ND4J already runs its "
                    + started.name() + " backend in this process (one backend per JVM)");
        }
        return started;
    }

    /**
     * The backends this build carries, from ND4J's service registrations: it loads no native library and
     * does not start ND4J.
     */
    public static Set<BackendChoice> carried() {
        Set<BackendChoice> found = EnumSet.noneOf(BackendChoice.class);
        for (ServiceLoader.Provider<Nd4jBackend> p : providers()) {
            String type = p.type().getName();
            if (type.equals(CPU_BACKEND)) {
                found.add(BackendChoice.cpu);
            } else if (type.equals(CUDA_BACKEND)) {
                found.add(BackendChoice.cuda);
            }
        }
        return found;
    }

    private static List<ServiceLoader.Provider<Nd4jBackend>> providers() {
        return ServiceLoader.load(Nd4jBackend.class, Nd4jBackend.class.getClassLoader()).stream().toList();
    }

    static void checkBuildCarries(BackendChoice choice, Set<BackendChoice> inBuild) {
        if (inBuild.isEmpty()) {
            throw new BackendUnavailableException("backend " + choice + " is not available: this build carries no ND4J backend"
                    + " (neither nd4j-native nor nd4j-cuda-11.6 is on the class path)");
        }
        if (choice == BackendChoice.cuda && !inBuild.contains(BackendChoice.cuda)) {
            throw new BackendUnavailableException("backend cuda is not available: this build carries ND4J's CPU backend only"
                    + " (nd4j-native); build the CUDA one with 'mvn -B -Pcuda -DskipTests package' (" + GPU_DOC + ")");
        }
        if (choice == BackendChoice.cpu && !inBuild.contains(BackendChoice.cpu)) {
            throw new BackendUnavailableException("backend cpu is not available: this is a CUDA build (-Pcuda), which carries"
                    + " ND4J's CUDA backend only; use --backend cuda or auto, or a build without -Pcuda");
        }
    }

    /**
     * Loads the CUDA libraries through ND4J's own check (CUDA runtime, device count, cuBLAS) before ND4J
     * starts: started blindly, ND4J prints a stack trace and fails with "Please ensure that you have an
     * nd4j backend on your classpath", which names nothing that is actually missing.
     */
    private static void probeCuda() {
        if (cudaFailure != null) {
            throw cudaFailure;
        }
        for (ServiceLoader.Provider<Nd4jBackend> p : providers()) {
            if (p.type().getName().equals(CUDA_BACKEND)) {
                boolean runs;
                try {
                    runs = p.get().canRun();
                } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, RuntimeException
                    cudaFailure = new BackendUnavailableException("backend cuda is not available: " + cudaProblem(t) + " (" + GPU_DOC + ")", t);
                    throw cudaFailure;
                }
                if (!runs) {
                    cudaFailure = new BackendUnavailableException("backend cuda is not available: ND4J's CUDA backend says it cannot run here ("
                            + GPU_DOC + ")");
                    throw cudaFailure;
                }
                return;
            }
        }
    }

    /** What the CUDA libraries' failure to load means for the user, from the messages of its causes. */
    static String cudaProblem(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 10; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String all = String.join(" | ", messages);
        if (all.contains("libcuda.so")) {
            return "the NVIDIA driver library libcuda.so.1 cannot be loaded: no NVIDIA driver is installed,"
                    + " or its libraries are not on the library path (LD_LIBRARY_PATH)";
        }
        if (all.contains("No CUDA devices")) {
            return "the NVIDIA driver reports no CUDA device: no GPU is visible to this process (check nvidia-smi and"
                    + " CUDA_VISIBLE_DEVICES), or the driver is too old for CUDA 11.6";
        }
        return "the CUDA libraries did not load: " + messages.get(messages.size() - 1);
    }

    private static BackendInfo start(OmpThreads threads) {
        Nd4jBackend backend;
        Properties environment;
        try {
            backend = Nd4j.getBackend();
            if (!threads.fromEnvironment()) {
                // ND4J read OMP_NUM_THREADS when it started and, without it, took every core: set ours now.
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads.count());
                Nd4j.factory().blas().setMaxThreads(threads.count());
            }
            environment = Nd4j.getExecutioner().getEnvironmentInformation();
        } catch (Throwable t) { // ExceptionInInitializerError, UnsatisfiedLinkError, NoClassDefFoundError
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new BackendUnavailableException("ND4J did not start: " + root, t);
        }
        String type = backend.getClass().getName();
        String name = type.equals(CUDA_BACKEND) ? "cuda" : type.equals(CPU_BACKEND) ? "cpu" : backend.getClass().getSimpleName();
        Object blas = environment.get(Nd4jEnvironment.BLAS_VENDOR_KEY);
        return new BackendInfo(name, type, blas == null ? null : blas.toString(),
                intOf(environment.get(Nd4jEnvironment.OMP_THREADS_KEY), threads.count()), devices(environment));
    }

    /** "name (total memory)" per CUDA device in ND4J's environment information; empty on the CPU. */
    private static List<String> devices(Properties environment) {
        List<String> devices = new ArrayList<>();
        if (environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> device) {
                    Object deviceName = device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
                    Object memory = device.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY);
                    devices.add(deviceName + (memory instanceof Number n
                            ? String.format(java.util.Locale.ROOT, " (%.1f GiB)", n.doubleValue() / (1L << 30)) : ""));
                }
            }
        }
        return devices;
    }

    private static int intOf(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }
}
