package io.demandcast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path tmp;

    @Test
    void matchesKnownDigests() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.text(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.text("abc"));
        assertEquals(Sha256.bytes("h\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Sha256.text("h\u00e9"));
    }

    @Test
    void fileDigestEqualsByteDigestAcrossBufferBoundaries() throws IOException {
        byte[] data = new byte[(1 << 20) * 2 + 123];
        new Random(1).nextBytes(data);
        Path file = tmp.resolve("data.bin");
        Files.write(file, data);
        assertEquals(Sha256.bytes(data), Sha256.file(file));
        Path empty = Files.createFile(tmp.resolve("empty"));
        assertEquals(Sha256.text(""), Sha256.file(empty));
        assertThrows(NoSuchFileException.class, () -> Sha256.file(tmp.resolve("absent")));
    }
}
