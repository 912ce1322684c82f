package io.demandcast.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, defect 12: outputs that cannot be written and inputs that are directories, found before any work. */
class PathChecksTest {

    @TempDir
    Path tmp;

    private String error(Runnable check) {
        return assertThrows(DemandcastException.class, check::run).getMessage();
    }

    @Test
    void aFileWhereADirectoryGoesIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path out = file.resolve("deeper/out.csv");
        assertEquals("predict.output: cannot write " + out + ": " + file + " is a file, not a directory",
                error(() -> PathChecks.writableFile("predict.output", out)));
        assertEquals("prepare.output: cannot write " + file + ": it exists and is not a directory",
                error(() -> PathChecks.replaceableDirectory("prepare.output", file)));
        assertEquals("train.store: cannot write " + file.resolve("s") + ": " + file + " is a file, not a directory",
                error(() -> PathChecks.writableDirectory("train.store", file.resolve("s"))));
        assertFalse(Files.exists(file.getParent().resolve("deeper")), "nothing created");
    }

    @Test
    void aDirectoryWhereAFileGoesIsNamed() {
        assertEquals("predict.output: cannot write " + tmp + ": it is a directory; give a file name",
                error(() -> PathChecks.writableFile("predict.output", tmp)));
        assertEquals("data.files[0]: " + tmp + " is a directory, not a file",
                error(() -> PathChecks.notADirectory("data.files[0]", tmp)));
    }

    @Test
    void pathsThatCanBeCreatedPass() throws Exception {
        assertDoesNotThrow(() -> PathChecks.writableFile("predict.output", tmp.resolve("a/b/c.csv")));
        assertDoesNotThrow(() -> PathChecks.replaceableDirectory("evaluate.output", tmp.resolve("a/b")));
        assertDoesNotThrow(() -> PathChecks.writableDirectory("train.store", tmp));
        assertDoesNotThrow(() -> PathChecks.notADirectory("data.files[0]", tmp.resolve("missing.csv")));
        // a link in the output's place is its writer's to handle
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), Path.of("/dev/null"));
        assertDoesNotThrow(() -> PathChecks.writableFile("predict.output", link));
        assertFalse(Files.exists(tmp.resolve("a")), "nothing created");
    }

    @Test
    void aDirectoryWithoutWritePermissionIsNamed() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals("evaluate.output: cannot write " + locked.resolve("eval") + ": no permission to write in " + locked,
                    error(() -> PathChecks.replaceableDirectory("evaluate.output", locked.resolve("eval"))));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
