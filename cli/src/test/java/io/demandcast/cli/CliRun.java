package io.demandcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, exactly as {@link Main} builds it, capturing stdout and stderr apart. */
final class CliRun {
    private CliRun() {
    }

    /** Exit code and the two streams, line endings normalised to {@code \n}. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int code = Cli.commandLine(args, outWriter, errWriter, Stderr.log()).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new Result(code, normalise(out.toString()), normalise(err.toString()));
    }

    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
