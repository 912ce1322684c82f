package io.demandcast.core.artifact;

import static io.demandcast.core.artifact.ArtifactStoreTest.contents;
import static io.demandcast.core.artifact.ArtifactStoreTest.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed publishes and unreadable pointers (issue 14, defects 10 and the LATEST part of 7). */
class ArtifactStorePublishFailureTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");
    private static final String CONFIG = "name: m5\nmodel:\n  family: seasonal_naive\n";

    @TempDir
    Path tmp;

    /**
     * Defect 10: a publish that fails after the version was renamed into place (there, the LATEST
     * update; on a full disk, writing LATEST) reported a failure yet left a complete version that
     * the next {@code predict} would use. Now the version is taken back and the error names LATEST.
     */
    @Test
    void aFailedLatestUpdateLeavesNoVersion() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Path latest = Files.createDirectories(tmp.resolve("m").resolve(ArtifactStore.LATEST_FILE));
        Files.writeString(latest.resolve("blocker"), "a LATEST that cannot be replaced");

        IOException e = assertThrows(IOException.class, () -> store.publish("m", contents(files("s"), T0, CONFIG)));

        assertTrue(e.getMessage().contains(latest.toString()), "names LATEST: " + e.getMessage());
        assertTrue(e.getMessage().contains("nothing was published"), e.getMessage());
        assertEquals(List.of(ArtifactStore.LATEST_FILE), store.list("m"), "no version was left behind (only the LATEST directory)");
        assertEquals(List.of(), hidden(tmp.resolve("m")), "no temporary left");
    }

    /**
     * Defect 10: a disk-full error, thrown by a stream cut mid-write, named no path. It now names
     * the model directory, and no version or temporary is left.
     */
    @Test
    void aDiskFullMidWriteNamesThePathAndPublishesNothing() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact good = store.publish("m", contents(files("ok"), T0, CONFIG));
        PayloadWriter fillsTheDisk = dir -> {
            try (OutputStream out = new DiskFullAfter(Files.newOutputStream(dir.resolve("weights.bin")), 1000)) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[100]);
                }
            }
        };

        IOException e = assertThrows(IOException.class, () -> store.publish("m", contents(fillsTheDisk, T0.plusSeconds(5), CONFIG)));

        assertEquals("cannot publish a new version of 'm' in " + tmp.resolve("m") + ": No space left on device; nothing was published",
                e.getMessage());
        assertEquals(List.of(good.version()), store.list("m"));
        assertEquals(good.version(), store.resolve("m", ArtifactStore.LATEST).version());
        assertEquals(List.of(), hidden(tmp.resolve("m")));
    }

    /** Defect 7 (LATEST): random bytes in LATEST gave "I/O error: Input length = 1", naming no file. */
    @Test
    void randomBytesInLatestAreAnArtifactErrorNamingTheFile() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        store.publish("m", contents(files("ok"), T0, CONFIG));
        Path latest = tmp.resolve("m").resolve(ArtifactStore.LATEST_FILE);
        Files.write(latest, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x0A, (byte) 0x80});

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", ArtifactStore.LATEST));

        assertTrue(e.getMessage().startsWith(latest + ": not a version name"), e.getMessage());
    }

    @Test
    void controlCharactersInLatestAreNotEchoed() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        store.publish("m", contents(files("ok"), T0, CONFIG));
        Path latest = tmp.resolve("m").resolve(ArtifactStore.LATEST_FILE);
        Files.writeString(latest, "abc\ndef\u0007\n");

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", ArtifactStore.LATEST));

        assertTrue(e.getMessage().startsWith(latest + ": not a version name"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void anUnknownVersionInLatestNamesTheFile() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        store.publish("m", contents(files("ok"), T0, CONFIG));
        Path latest = tmp.resolve("m").resolve(ArtifactStore.LATEST_FILE);
        Files.writeString(latest, "20990101T000000Z-deadbeef\n");

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", ArtifactStore.LATEST));

        assertTrue(e.getMessage().contains("'20990101T000000Z-deadbeef' (named by " + latest + ")"), e.getMessage());
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    /** A file on a disk that fills up after {@code limit} bytes, as a real one does: a plain IOException, no path. */
    private static final class DiskFullAfter extends java.io.FilterOutputStream {
        private long left;

        DiskFullAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
