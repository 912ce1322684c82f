package io.demandcast.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the demandcast executable; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput out = StandardOutput.over(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Stderr stderr = Stderr.fromLauncher(System::getenv, System::getProperty,
                warning -> err.println("demandcast: warning: " + warning));
        InterruptNotice.install(err);
        int code = Cli.commandLine(args, out, err, stderr).execute(args);
        // The verbs check stdout themselves (BaseCommand); this catches what picocli prints on its own
        // (--help, --version, completion scripts).
        java.util.Optional<String> failure = StandardOutput.failureOf(out);
        if (failure.isPresent() && code == ExitCodes.OK) {
            err.println("demandcast: error: cannot write standard output: " + failure.get());
            code = ExitCodes.RUNTIME_FAILURE;
        }
        err.flush();
        System.exit(code);
    }
}
