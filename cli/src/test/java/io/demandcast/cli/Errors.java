package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

/** Assertions for user errors: exit 2, nothing on stdout, one error line on stderr. */
final class Errors {
    /** {@code file:line:column:} as printed by the CSV and YAML readers. */
    static final Pattern LOCATION = Pattern.compile(":\\d+:\\d+: ");

    /** A progress line: {@code <verb>: ...}. */
    static final Pattern PROGRESS = Pattern.compile("(prepare|train|predict|evaluate|tune|monitor|plan): ");

    private Errors() {
    }

    /**
     * Asserts exit 2, empty stdout, and that stderr ends with exactly one error line
     * ({@code demandcast <verb>: error: ...}) containing every fragment; any earlier stderr lines
     * must be progress lines ({@code <verb>: ...}), so a multi-line message fails. Returns the error line.
     */
    static String assertUserError(CliRun.Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), "stdout stays empty on errors: " + r);
        List<String> lines = r.err().lines().toList();
        assertFalse(lines.isEmpty(), "an error message on stderr: " + r);
        String line = lines.get(lines.size() - 1);
        assertTrue(line.startsWith("demandcast ") && line.contains(": error: "), "the last stderr line is the error: " + r);
        for (String progress : lines.subList(0, lines.size() - 1)) {
            assertTrue(PROGRESS.matcher(progress).lookingAt(), "one error line, after progress lines only: " + r);
        }
        for (String f : fragments) {
            assertTrue(line.contains(f), "stderr names '" + f + "': " + line);
        }
        return line;
    }

    /** Like {@link #assertUserError} and the line carries {@code <file>:<line>:<column>:}. */
    static String assertUserErrorAt(CliRun.Result r, String file, String... fragments) {
        String line = assertUserError(r, fragments);
        assertTrue(Pattern.compile(Pattern.quote(file) + LOCATION.pattern()).matcher(line).find(),
                "stderr names " + file + ":line:column: " + line);
        return line;
    }
}
