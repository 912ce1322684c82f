package io.demandcast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesThePreviousReportWholeAndNothingBeside() throws IOException {
        Path report = tmp.resolve("report");
        AtomicFiles.replaceDirectory(report, "metrics.json", "an evaluation report", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "old");
            Files.writeString(dir.resolve("per_series.csv"), "old rows");
        });
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.replaceDirectory(report, "metrics.json", "an evaluation report", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "new");
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + report + ": No space left on device", e.getMessage(), "the failure names the path");
        assertEquals("old", Files.readString(report.resolve("metrics.json")));
        assertEquals("old rows", Files.readString(report.resolve("per_series.csv")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary directory left beside the report");
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheWholeDirectory() throws IOException {
        Path report = tmp.resolve("report");
        AtomicFiles.replaceDirectory(report, "metrics.json", "an evaluation report", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "old");
            Files.writeString(dir.resolve("stale.csv"), "from an older run");
        });
        AtomicFiles.replaceDirectory(report, "metrics.json", "an evaluation report", dir -> Files.writeString(dir.resolve("metrics.json"), "new"));
        assertEquals("new", Files.readString(report.resolve("metrics.json")));
        assertTrue(Files.notExists(report.resolve("stale.csv")));
    }

    @Test
    void aDirectoryThatIsNoReportIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(other.resolve("thesis.tex"), "precious");
        assertThrows(DataException.class, () -> AtomicFiles.replaceDirectory(other, "metrics.json", "an evaluation report",
                dir -> Files.writeString(dir.resolve("metrics.json"), "x")));
        assertEquals("precious", Files.readString(other.resolve("thesis.tex")));
    }

    @Test
    void aWrittenFileGetsTheUmaskModeNotTheTempFileMode() throws IOException {
        Path file = tmp.resolve("out").resolve("forecast.csv");
        AtomicFiles.writeText(file, "a,b\n");
        assertEquals("a,b\n", Files.readString(file));
        Path probe = Files.createFile(tmp.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFailedFileWriteKeepsTheEarlierFileAndNamesThePath() throws IOException {
        Path file = tmp.resolve("summary.md");
        AtomicFiles.writeText(file, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half");
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().startsWith("cannot write " + file), e.getMessage());
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    /** The anonymisation's id mapping stays private (0600) now that it is written, claimed and swept like every output. */
    @Test
    void anOwnerOnlyFileIsWrittenWithMode0600AndNothingBeside() throws IOException {
        Path file = tmp.resolve("prepared.id-mapping.csv");
        AtomicFiles.writeOwnerOnly(file, out -> out.write("anonymous_id,series_id\n"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary or lock file left");
        }
    }
}
