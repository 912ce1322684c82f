package io.demandcast.core.evaluate.backtest;

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

class OutputDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesThePreviousReportWholeAndNothingBeside() throws IOException {
        Path report = tmp.resolve("report");
        OutputDirectory.replace(report, "metrics.json", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "old");
            Files.writeString(dir.resolve("per_series.csv"), "old rows");
        });
        IOException e = assertThrows(IOException.class, () -> OutputDirectory.replace(report, "metrics.json", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "new");
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(report.resolve("metrics.json")));
        assertEquals("old rows", Files.readString(report.resolve("per_series.csv")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary directory left beside the report");
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheWholeDirectory() throws IOException {
        Path report = tmp.resolve("report");
        OutputDirectory.replace(report, "metrics.json", dir -> {
            Files.writeString(dir.resolve("metrics.json"), "old");
            Files.writeString(dir.resolve("stale.csv"), "from an older run");
        });
        OutputDirectory.replace(report, "metrics.json", dir -> Files.writeString(dir.resolve("metrics.json"), "new"));
        assertEquals("new", Files.readString(report.resolve("metrics.json")));
        assertTrue(Files.notExists(report.resolve("stale.csv")));
    }

    @Test
    void aDirectoryThatIsNoReportIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(other.resolve("thesis.tex"), "precious");
        assertThrows(DataException.class, () -> OutputDirectory.replace(other, "metrics.json",
                dir -> Files.writeString(dir.resolve("metrics.json"), "x")));
        assertEquals("precious", Files.readString(other.resolve("thesis.tex")));
    }
}
