package io.demandcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demandcast.core.Progress;
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

    @Override
    public final Integer call() throws Exception {
        return doCall();
    }

    /** Runs the verb and returns its exit code; exceptions are mapped by {@link ErrorHandler}. */
    abstract int doCall() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A progress line on stderr, unless {@code --quiet}. */
    void info(String message) {
        if (!verbosity.quiet()) {
            err().println(message);
            err().flush();
        }
    }

    /** Progress sink handed to core: one stderr line per step, silenced by {@code --quiet}. */
    Progress progress() {
        return this::info;
    }

    /** Writes one JSON document on stdout. */
    void printJson(Map<String, Object> summary) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out().println(json.writeValueAsString(summary));
        out().flush();
    }
}
