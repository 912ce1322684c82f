package io.demandcast.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --verbose} / {@code --quiet}, exclusive, on every verb. */
public class VerbosityMixin {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Level level = new Level();

    static class Level {
        @Option(names = {"-v", "--verbose"}, description = "Print more detail, and stack traces on errors.")
        boolean verbose;

        @Option(names = {"-q", "--quiet"}, description = "Print only errors to stderr.")
        boolean quiet;
    }

    boolean verbose() {
        return level != null && level.verbose;
    }

    boolean quiet() {
        return level != null && level.quiet;
    }
}
