package io.demandcast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 2: an output path that is a symlink, a FIFO or a device was replaced by a regular
 * file (the link's target kept the old data, the FIFO's reader got nothing). Now a symlink is
 * followed (its target replaced atomically in its own directory) and a FIFO or device is written
 * through as a stream.
 */
class AtomicFilesSpecialTargetTest {
    @TempDir
    Path tmp;

    @Test
    void aSymlinkToAFileIsFollowedAndStaysALink() throws IOException {
        Path realDir = Files.createDirectories(tmp.resolve("real"));
        Path target = Files.writeString(realDir.resolve("forecast.csv"), "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), target);

        AtomicFiles.writeText(link, "new\n");

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(target, Files.readSymbolicLink(link));
        assertEquals("new\n", Files.readString(target), "the target got the new content");
        assertNoHiddenFiles(tmp);
        assertNoHiddenFiles(realDir);
    }

    @Test
    void aRelativeChainOfLinksIsFollowed() throws IOException {
        Path target = Files.writeString(tmp.resolve("forecast.csv"), "old\n");
        Path sub = Files.createDirectories(tmp.resolve("sub"));
        Path first = Files.createSymbolicLink(sub.resolve("b.csv"), Path.of("..", "forecast.csv"));
        Path link = Files.createSymbolicLink(tmp.resolve("a.csv"), Path.of("sub", "b.csv"));

        AtomicFiles.writeText(link, "new\n");

        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(first));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws IOException {
        Path target = tmp.resolve("made.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), target);

        AtomicFiles.writeText(link, "new\n");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void aFifoIsWrittenThroughToItsReader() throws Exception {
        Path fifo = mkfifo(tmp.resolve("forecast.fifo"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        AtomicFiles.writeText(fifo, "series_id,date\nA,2024-01-01\n");

        assertEquals("series_id,date\nA,2024-01-01\n", reader.get(30, TimeUnit.SECONDS), "the reader got the content");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
        assertNoHiddenFiles(tmp);
    }

    @Test
    void aLinkToADeviceIsWrittenThroughNotReplaced() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("sink.csv"), Path.of("/dev/null"));

        AtomicFiles.writeText(link, "discarded\n");

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
        assertNoHiddenFiles(tmp);
    }

    @Test
    void aFailingDeviceNamesThePath() throws IOException {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) {
            return; // not Linux
        }
        Path link = Files.createSymbolicLink(tmp.resolve("full.csv"), full);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeText(link, "x".repeat(100_000)));
        assertTrue(e.getMessage().startsWith("cannot write " + link + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void devStdoutIsADescriptorWrittenAsAStream() throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return; // not Linux
        }
        assertTrue(AtomicFiles.isDescriptor(Path.of("/dev/stdout")), "/dev/stdout");
        assertTrue(AtomicFiles.isDescriptor(Path.of("/dev/fd/1")), "/dev/fd/1");
        Path file = Files.writeString(tmp.resolve("plain.csv"), "x");
        assertTrue(!AtomicFiles.isDescriptor(file));
        assertTrue(!AtomicFiles.isDescriptor(Files.createSymbolicLink(tmp.resolve("link.csv"), file)));
    }

    @Test
    void aDirectoryIsRefusedAsAFileOutput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out.csv"));
        DataException e = assertThrows(DataException.class, () -> AtomicFiles.writeText(dir, "x\n"));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aLinkToAReportDirectoryIsFollowedWhenTheReportIsReplaced() throws IOException {
        Path real = tmp.resolve("reports").resolve("r1");
        AtomicFiles.replaceDirectory(real, "metrics.json", "an evaluation report", d -> Files.writeString(d.resolve("metrics.json"), "old"));
        Path link = Files.createSymbolicLink(tmp.resolve("current"), real);

        AtomicFiles.replaceDirectory(link, "metrics.json", "an evaluation report", d -> Files.writeString(d.resolve("metrics.json"), "new"));

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real.resolve("metrics.json")));
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + path);
        return path;
    }

    private static void assertNoHiddenFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }
}
