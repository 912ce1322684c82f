package io.demandcast.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line once, so {@link Main} and the tests use exactly the same setup. */
public final class Cli {
    private Cli() {
    }

    /**
     * The configured command line writing results to {@code out} and everything else to {@code err},
     * which is treated as a log (no progress bars).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Stderr.log());
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter)}, with progress bars if {@code stderr} is a terminal. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Stderr stderr) {
        CommandLine cmd = new CommandLine(new DemandcastCommand(stderr));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(ex -> ExitCodes.INVALID_INPUT);
        return cmd;
    }
}
