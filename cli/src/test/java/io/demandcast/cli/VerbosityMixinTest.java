package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quiet} / {@code --verbose}: progress on stderr, silenced by --quiet; the two exclude each other. */
class VerbosityMixinTest {
    @TempDir
    Path tmp;

    @Test
    void quietLeavesStderrEmptyOnSuccess() {
        TestProject p = TestProject.create(tmp);
        for (String verb : List.of("prepare", "train", "predict", "evaluate")) {
            CliRun.Result r = p.run(verb, "--quiet");
            assertEquals(0, r.code(), verb + ": " + r);
            assertEquals("", r.err(), verb + " --quiet: " + r);
            assertEquals("", r.out(), verb + ": " + r);
        }
    }

    @Test
    void quietStillPrintsErrors() {
        TestProject p = TestProject.create(tmp);
        CliRun.Result r = p.run("train", "-q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("demandcast train: error: "), r.err());
    }

    @Test
    void verboseAddsTheStackTraceToErrors() {
        TestProject p = TestProject.create(tmp);
        CliRun.Result r = p.run("train", "--verbose");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("demandcast train: error: "), r.err());
        assertTrue(r.err().contains("\tat "), "stack trace with --verbose: " + r.err());
    }

    @Test
    void verboseAndQuietExcludeEachOther() {
        TestProject p = TestProject.create(tmp);
        CliRun.Result r = p.run("prepare", "-v", "-q");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertFalse(r.err().isEmpty());
    }
}
