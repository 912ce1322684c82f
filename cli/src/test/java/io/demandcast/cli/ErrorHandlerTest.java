package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exceptions to exit codes: user errors 2, I/O and other failures 1; stack traces only with --verbose. */
class ErrorHandlerTest {
    @TempDir
    Path tmp;

    @Test
    void missingConfigFileIsAUserError() {
        Path missing = tmp.resolve("nope.yaml");
        assertUserError(CliRun.run("prepare", "-c", missing.toString()), "config file not found", missing.toString());
    }

    @Test
    void errorsWithJsonLeaveStdoutEmpty() {
        TestProject p = TestProject.create(tmp);
        assertUserError(p.run("predict", "--json"), "no artifact");
    }

    /**
     * prepare.output below a dangling symbolic link: the directory cannot be created. (A regular file
     * in the way is invalid input, found before any work: see ValidationBeforeWorkTest; a link whose
     * target is missing passes that check and fails only when the directory is created.)
     */
    private CliRun.Result prepareIntoAFile() throws IOException {
        TestProject p = TestProject.create(tmp);
        Path file = Files.createSymbolicLink(tmp.resolve("a-file"), tmp.resolve("missing-target"));
        return p.run("prepare", "-q", "--set", "prepare.output=" + TestProject.quote(file.resolve("prepared")));
    }

    @Test
    void ioFailureExits1WithOneLineAndNoStackTrace() throws IOException {
        CliRun.Result r = prepareIntoAFile();
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("demandcast prepare: I/O error: "), r.err());
        assertTrue(lines.get(0).contains("a-file"), r.err());
    }

    /**
     * The NIO exceptions' message is only the path, so the line says where but not what failed
     * ("demandcast prepare: I/O error: /tmp/.../a-file"). STYLE §2: say what failed, where, and what to do.
     */
    @Test
    void ioFailureSaysWhatFailed() throws IOException {
        CliRun.Result r = prepareIntoAFile();
        String line = r.err().strip();
        assertTrue(line.contains("exists") || line.contains("not a directory") || line.contains("FileAlreadyExists"),
                "the I/O error names the failure, not only the path: " + line);
    }
}
