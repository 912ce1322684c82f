package io.demandcast.cli;

import io.demandcast.core.DemandcastException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exceptions become exit codes: user errors (options, config, data, artifact) print
 * one line and exit 2; anything else prints one line and exits 1. Stack traces only with
 * {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        // "train", or "models list" for a subcommand of a command
        String verb = cmd.getCommandSpec().qualifiedName().replaceFirst("^\\S+ ", "");
        int code;
        if (ex instanceof io.demandcast.core.model.FallbackLimitException limit) {
            // a quality check that failed, as the evaluation gate's: exit 3, not an error of input or machine
            err.println("demandcast " + verb + ": fallback limit exceeded: " + limit.getMessage());
            code = ExitCodes.GATE_FAILED;
        } else if (ex instanceof DemandcastException d && d.isUserError()) {
            err.println("demandcast " + verb + ": error: " + d.getMessage());
            code = ExitCodes.INVALID_INPUT;
        } else if (ex instanceof UncheckedIOException u) {
            err.println("demandcast " + verb + ": I/O error: " + describe(u.getCause(), u.getMessage()));
            code = ExitCodes.RUNTIME_FAILURE;
        } else if (ex instanceof IOException io) {
            err.println("demandcast " + verb + ": I/O error: " + describe(io, null));
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

    /**
     * Bad options: one line and a pointer to {@code --help}, not the whole usage text. An unknown
     * verb or option gets the closest known one (picocli's suggestions), so that a typo in a cron
     * line reads as one.
     */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        boolean root = cmd.getParent() == null;
        String verb = cmd.getCommandSpec().qualifiedName().replaceFirst("^\\S+ ?", "");
        err.println("demandcast" + (root ? "" : " " + verb) + ": error: " + message(ex, root));
        err.println("Try 'demandcast " + (root ? "" : verb + " ") + "--help' for usage and examples.");
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    /** picocli's message, or for an unknown verb or option which one and the closest known name. */
    static String message(ParameterException ex, boolean root) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String first = unmatched.getUnmatched().get(0);
        List<String> suggestions = unmatched.getSuggestions();
        String closest = suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?";
        if (root && !first.startsWith("-")) {
            String verbs = String.join(", ", ex.getCommandLine().getSubcommands().keySet());
            return "unknown verb '" + first + "'" + closest + " (verbs: " + verbs + ")";
        }
        return ex.getMessage() + closest;
    }

    /**
     * java.nio's file exceptions carry only the path as their message; say what happened to it.
     */
    static String describe(Throwable e, String fallback) {
        if (e instanceof FileSystemException fs) {
            String what;
            if (fs instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (fs instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (fs instanceof FileAlreadyExistsException) {
                what = "already exists";
            } else if (fs instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else if (fs instanceof NotDirectoryException) {
                what = "not a directory";
            } else {
                what = fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            }
            String where = fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "");
            return where + ": " + what + (fs.getReason() != null && !what.equals(fs.getReason()) ? " (" + fs.getReason() + ")" : "");
        }
        if (e != null && e.getMessage() != null) {
            return e.getMessage();
        }
        return fallback != null ? fallback : String.valueOf(e);
    }
}
