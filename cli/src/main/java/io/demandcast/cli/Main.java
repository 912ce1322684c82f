package io.demandcast.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the demandcast executable; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        InterruptNotice.install(err);
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), err));
    }

    /** What {@link #main} does short of the interrupt notice and the exit: also what {@link CdsTraining} runs. */
    static int run(String[] args, OutputStream stdout, PrintWriter err) {
        StandardOutput out = StandardOutput.over(stdout);
        Stderr stderr = Stderr.fromLauncher(System::getenv, System::getProperty,
                warning -> err.println("demandcast: warning: " + warning));
        int code = Cli.commandLine(args, out, err, stderr).execute(args);
        // The verbs check stdout themselves (BaseCommand); this catches what picocli prints on its own
        // (--help, --version, completion scripts).
        java.util.Optional<String> failure = StandardOutput.failureOf(out);
        if (failure.isPresent() && code == ExitCodes.OK) {
            err.println("demandcast: error: cannot write standard output: " + failure.get());
            code = ExitCodes.RUNTIME_FAILURE;
        }
        err.flush();
        return code;
    }
}
