package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's hints: -Ddemandcast.stderr.tty, -Ddemandcast.stderr.columns, DEMANDCAST_PROGRESS. */
class StderrTest {
    final Map<String, String> environment = new HashMap<>();
    final Map<String, String> properties = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    Stderr decide() {
        return Stderr.fromLauncher(environment::get, properties::get, warnings::add);
    }

    @Test
    void withoutHintsStderrIsALog() {
        assertEquals(Stderr.log(), decide());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theLauncherSaysTerminal() {
        properties.put(Stderr.TTY_PROPERTY, "true");
        properties.put(Stderr.COLUMNS_PROPERTY, "132");
        assertEquals(Stderr.terminal(132), decide());
    }

    @Test
    void widthFallsBackToColumnsThenEighty() {
        properties.put(Stderr.TTY_PROPERTY, "true");
        assertEquals(Stderr.terminal(80), decide());
        environment.put("COLUMNS", "100");
        assertEquals(Stderr.terminal(100), decide());
        assertEquals(List.of(), warnings);
    }

    @Test
    void alwaysAndNeverOverrideTheGuess() {
        environment.put(Stderr.MODE_VARIABLE, "always");
        assertEquals(Stderr.Kind.TERMINAL, decide().kind());
        environment.put(Stderr.MODE_VARIABLE, "NEVER");
        properties.put(Stderr.TTY_PROPERTY, "true");
        assertEquals(Stderr.log(), decide());
        environment.put(Stderr.MODE_VARIABLE, "auto");
        assertEquals(Stderr.Kind.TERMINAL, decide().kind());
    }

    @Test
    void badValuesWarnAndFallBack() {
        environment.put(Stderr.MODE_VARIABLE, "yes");
        properties.put(Stderr.TTY_PROPERTY, "true");
        properties.put(Stderr.COLUMNS_PROPERTY, "wide");
        assertEquals(Stderr.terminal(80), decide());
        assertEquals(List.of(
                "DEMANDCAST_PROGRESS must be auto, always or never (got \"yes\"); using auto",
                "-Ddemandcast.stderr.columns must be a positive number of columns (got \"wide\"); using 80"), warnings);
    }

    @Test
    void aTerminalHasAWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stderr.terminal(0));
        assertEquals("stderr columns must be >= 1 (got 0)", e.getMessage());
    }
}
