package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/** Assertions for user errors: exit 2, nothing on stdout, one line on stderr. */
final class Errors {
    /** {@code file:line:column:} as printed by the CSV and YAML readers. */
    static final Pattern LOCATION = Pattern.compile(":\\d+:\\d+: ");

    private Errors() {
    }

    /** Asserts exit 2, empty stdout and a single stderr line containing every fragment; returns that line. */
    static String assertUserError(CliRun.Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), "stdout stays empty on errors: " + r);
        String line = r.err().strip();
        assertFalse(line.isEmpty(), "an error message on stderr: " + r);
        assertFalse(line.contains("\n"), "exactly one stderr line: " + r);
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
