package io.demandcast.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line once, so {@link Main} and the tests use exactly the same setup. */
public final class Cli {
    private Cli() {
    }

    /** The configured command line writing results to {@code out} and everything else to {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new DemandcastCommand());
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
