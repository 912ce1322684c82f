package io.demandcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demandcast.core.Progress;
import io.demandcast.core.Temporaries;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Output and exit-code plumbing shared by the verbs; nothing else. */
abstract class BaseCommand implements Callable<Integer> {
    static final int SCHEMA_VERSION = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityMixin verbosity;

    private ProgressDisplay display;

    @Override
    public final Integer call() throws Exception {
        // Leftovers of killed runs are those older than this verb's start; removals are reported as progress.
        Temporaries.startRun(java.time.Instant.now());
        Temporaries.reportTo(this::info);
        InterruptNotice.doing(spec.name(), "nothing was written");
        int code;
        try {
            code = doCall();
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.failure(e);
        } catch (RuntimeException e) {
            OutOfMemoryError oom = OutOfMemory.find(e);
            throw oom == null ? e : OutOfMemory.failure(oom);
        } finally {
            InterruptNotice.done();
            Temporaries.reportTo(null);
        }
        // A verb's CSV or JSON on stdout is its result: a failed write (full disk, closed pipe) must
        // not pass as success. The exception goes to ErrorHandler: one line, exit 1.
        java.util.Optional<String> failure = StandardOutput.failureOf(out());
        if (failure.isPresent()) {
            throw new java.io.IOException("cannot write standard output: " + failure.get());
        }
        return code;
    }

    /** Runs the verb and returns its exit code; exceptions are mapped by {@link ErrorHandler}. */
    abstract int doCall() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A progress line on stderr, unless {@code --quiet}; a progress bar on the line is erased first. */
    void info(String message) {
        progress().report(message);
    }

    /**
     * Progress sink handed to core, created on first use and kept for this run: lines on stderr,
     * counted tasks as a bar when the launcher says stderr is a terminal ({@link Stderr}), nothing per
     * step otherwise; {@code --quiet} silences it, {@code --verbose} adds a line per finished task.
     */
    Progress progress() {
        if (display == null) {
            ProgressDisplay.Level level = verbosity.quiet() ? ProgressDisplay.Level.QUIET
                    : verbosity.verbose() ? ProgressDisplay.Level.VERBOSE : ProgressDisplay.Level.NORMAL;
            Stderr stderr = spec.root().userObject() instanceof DemandcastCommand root ? root.stderr() : Stderr.log();
            display = new ProgressDisplay(err(), level, stderr);
        }
        return display;
    }

    /** Writes one JSON document on stdout. */
    void printJson(Map<String, Object> summary) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out().println(json.writeValueAsString(summary));
        out().flush();
    }
}
