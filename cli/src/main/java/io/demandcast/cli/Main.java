package io.demandcast.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the demandcast executable; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Stderr stderr = Stderr.fromLauncher(System::getenv, System::getProperty,
                warning -> err.println("demandcast: warning: " + warning));
        int code = Cli.commandLine(out, err, stderr).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
