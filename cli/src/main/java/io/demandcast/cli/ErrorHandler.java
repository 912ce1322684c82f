package io.demandcast.cli;

import io.demandcast.core.DemandcastException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place exceptions become exit codes: user errors (config, data, artifact) print their
 * one-line message and exit 2; anything else prints its message and exits 1. Stack traces only
 * with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String verb = cmd.getCommandName();
        int code;
        if (ex instanceof DemandcastException d && d.isUserError()) {
            err.println("demandcast " + verb + ": error: " + d.getMessage());
            code = ExitCodes.INVALID_INPUT;
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("demandcast " + verb + ": I/O error: " + ex.getMessage());
            code = ExitCodes.RUNTIME_FAILURE;
        } else if (ex instanceof DemandcastException) {
            err.println("demandcast " + verb + ": failed: " + ex.getMessage());
            code = ExitCodes.RUNTIME_FAILURE;
        } else {
            err.println("demandcast " + verb + ": internal error: " + ex + " (run again with --verbose for the stack trace)");
            code = ExitCodes.RUNTIME_FAILURE;
        }
        if (parseResult.expandedArgs().contains("--verbose") || parseResult.expandedArgs().contains("-v")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
