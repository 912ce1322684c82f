package io.demandcast.cli;

import io.demandcast.core.DemandcastException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Turns a run that ran out of memory into one line that says what was full and how to give more,
 * instead of the JVM's stack trace: picocli lets {@link Error}s through its exception handler, and a
 * cron log with a 40-line trace tells an operator less than this line.
 */
final class OutOfMemory {
    private OutOfMemory() {
    }

    /** The error that ended the run, if {@code e} is one or wraps one (parallel work rethrows it wrapped at times). */
    static OutOfMemoryError find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** The failure {@link ErrorHandler} prints (exit 1): what ran out, the heap it had, how to run with more. */
    static DemandcastException failure(OutOfMemoryError e) {
        return new Failure(message(e.getMessage(), Runtime.getRuntime().maxMemory(), machineMemory()), e);
    }

    /** The machine's limit, not bad input: exit 1. */
    private static final class Failure extends DemandcastException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isUserError() {
            return false;
        }
    }

    static String message(String what, long maxHeap, long machine) {
        long suggested = Math.max(2 * maxHeap, 1L << 30);
        if (machine > 0) {
            // leave the system and native buffers (ND4J's off-heap arrays) a quarter of the machine
            suggested = Math.min(suggested, machine * 3 / 4);
        }
        String give = suggested > maxHeap
                ? "run with more, e.g. JAVA_OPTS=-Xmx" + gib(suggested) + "g (the launcher's option; java -Xmx" + gib(suggested) + "g otherwise)"
                : "the heap already has most of the machine's memory: use a machine with more, or fewer series (data.series)";
        return "out of memory (" + (what == null ? "no detail" : what) + ") with a " + format(maxHeap) + " Java heap"
                + (machine > 0 ? " on a machine with " + format(machine) : "") + ": " + give;
    }

    private static long gib(long bytes) {
        return Math.max(1, Math.round(bytes / (double) (1L << 30)));
    }

    private static String format(long bytes) {
        if (bytes < (1L << 30)) {
            return (bytes >> 20) + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** Physical memory of the machine, or -1 when the JVM does not say. */
    private static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
