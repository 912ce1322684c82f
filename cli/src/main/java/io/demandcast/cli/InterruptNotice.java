package io.demandcast.cli;

import io.demandcast.core.Temporaries;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The one line an interrupted run prints (Ctrl-C, SIGTERM, SIGHUP): what the verb was doing and what
 * was abandoned, e.g. {@code demandcast: interrupted (SIGTERM) during train of model 'x': nothing was
 * published; temporary files removed}.
 *
 * <p>The verbs tell it what they are doing ({@link #doing}); {@link Main} installs its shutdown
 * hook, which first abandons the temporaries in flight ({@link Temporaries#abandonAll}), so the line
 * is true when it is printed. The exit code stays the JVM's, 128 + the signal (130 for SIGINT, 143
 * for SIGTERM). In-process runs (tests) never install the hook, so telling it is harmless there. The
 * state is process-wide by nature (one JVM exit), hence static.
 */
final class InterruptNotice {
    private static volatile Activity current;

    private InterruptNotice() {
    }

    /** What a verb is doing and what an interrupt now abandons; the outcome is asked at the interrupt. */
    private record Activity(String what, Supplier<String> abandoned) {
    }

    /**
     * Registers the shutdown hook that prints the line to {@code err} when a verb is under way.
     * Called once, by {@link Main}.
     */
    static void install(PrintWriter err) {
        SignalNames.install();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Activity activity = current;
            if (activity == null) {
                return; // a normal exit, or nothing under way
            }
            Temporaries.abandonAll();
            String signal = SignalNames.received().map(name -> " (SIG" + name + ")").orElse("");
            err.println("demandcast: interrupted" + signal + " during " + activity.what() + ": " + activity.abandoned().get()
                    + "; temporary files removed");
            err.flush();
        }, "demandcast-interrupt-notice"));
    }

    /**
     * Says what the running verb is doing, e.g. {@code "train of model 'x'"}, and what an interrupt
     * would abandon now, e.g. {@code "nothing was published"}. A later call replaces an earlier one.
     */
    static void doing(String what, Supplier<String> abandoned) {
        current = new Activity(what, abandoned);
    }

    /** As {@link #doing(String, Supplier)} with a fixed outcome. */
    static void doing(String what, String abandoned) {
        doing(what, () -> abandoned);
    }

    /** The verb has ended (successfully or not): an exit now is no interrupt. */
    static void done() {
        current = null;
    }
}
