package io.demandcast.cli;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What stderr is connected to: a terminal {@code columns} wide, where counted tasks draw a progress
 * bar, or a log (file, pipe, cron, CI), where they draw nothing.
 *
 * <p>Java 17 cannot ask whether stderr is a tty, so {@code scripts/demandcast} tells us: it passes
 * {@code -Ddemandcast.stderr.tty=true} and {@code -Ddemandcast.stderr.columns=<n>} when {@code [ -t 2 ]}.
 * The environment variable {@code DEMANDCAST_PROGRESS} ({@code auto}, the default, {@code always}
 * or {@code never}) overrides that guess.
 *
 * @param kind    terminal or log
 * @param columns width of the terminal, {@code >= 1}; only a terminal uses it
 */
record Stderr(Kind kind, int columns) {
    static final String TTY_PROPERTY = "demandcast.stderr.tty";
    static final String COLUMNS_PROPERTY = "demandcast.stderr.columns";
    static final String MODE_VARIABLE = "DEMANDCAST_PROGRESS";
    static final int DEFAULT_COLUMNS = 80;

    /** Where stderr goes. */
    enum Kind { TERMINAL, LOG }

    /** The values of {@code DEMANDCAST_PROGRESS}. */
    enum Mode { AUTO, ALWAYS, NEVER }

    Stderr {
        if (kind == null) {
            throw new IllegalArgumentException("stderr kind must be given");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("stderr columns must be >= 1 (got " + columns + ")");
        }
    }

    /** A log: no bars. What in-process runs and tests get unless they ask for a terminal. */
    static Stderr log() {
        return new Stderr(Kind.LOG, DEFAULT_COLUMNS);
    }

    /** A terminal {@code columns} wide. */
    static Stderr terminal(int columns) {
        return new Stderr(Kind.TERMINAL, columns);
    }

    /**
     * Decides from the launcher's hints. Width: {@code demandcast.stderr.columns}, else
     * {@code COLUMNS}, else {@value #DEFAULT_COLUMNS}. A value that is not understood is passed to
     * {@code warnings} as one sentence and the default is used instead; nothing is thrown.
     *
     * @param environment {@code System::getenv} or a stand-in
     * @param properties  {@code System::getProperty} or a stand-in
     * @param warnings    receives one sentence per ignored value
     */
    static Stderr fromLauncher(Function<String, String> environment, Function<String, String> properties,
            Consumer<String> warnings) {
        Mode mode = mode(environment.apply(MODE_VARIABLE), warnings);
        boolean tty = Boolean.parseBoolean(properties.apply(TTY_PROPERTY));
        boolean bars = mode == Mode.ALWAYS || (mode == Mode.AUTO && tty);
        if (!bars) {
            return log();
        }
        String columns = properties.apply(COLUMNS_PROPERTY);
        String source = "-D" + COLUMNS_PROPERTY;
        if (columns == null || columns.isBlank()) {
            columns = environment.apply("COLUMNS");
            source = "COLUMNS";
        }
        return terminal(columns(columns, source, warnings));
    }

    private static Mode mode(String value, Consumer<String> warnings) {
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warnings.accept(MODE_VARIABLE + " must be auto, always or never (got \"" + value + "\"); using auto");
            return Mode.AUTO;
        }
    }

    private static int columns(String value, String source, Consumer<String> warnings) {
        if (value == null || value.isBlank()) {
            return DEFAULT_COLUMNS;
        }
        try {
            int columns = Integer.parseInt(value.trim());
            if (columns >= 1) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warnings.accept(source + " must be a positive number of columns (got \"" + value + "\"); using " + DEFAULT_COLUMNS);
        return DEFAULT_COLUMNS;
    }
}
