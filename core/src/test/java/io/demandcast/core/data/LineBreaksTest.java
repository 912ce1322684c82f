package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineBreaksTest {
    @TempDir
    Path dir;

    /** One break per LF, CR or CRLF, the plain way. */
    private static long expected(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n' && !(i > from && b[i - 1] == '\r')) {
                n++;
            } else if (b[i] == '\r') {
                n++;
            }
        }
        return n;
    }

    @Test
    void countsLfCrAndCrlfAsOneBreakEachAcrossWordAndBufferEdges() throws IOException {
        Random random = new Random(7);
        byte[] alphabet = "ab,1\n\r\r\n\u00e9".getBytes(StandardCharsets.UTF_8);
        for (int size : new int[] {0, 1, 7, 8, 9, 63, 1000, (1 << 20) + 13, (3 << 20) + 5}) {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            Path file = dir.resolve("f" + size);
            Files.write(file, bytes);
            try (FileChannel channel = FileChannel.open(file)) {
                assertEquals(expected(bytes, 0, size), LineBreaks.count(channel, 0, size), "size " + size);
                int from = size / 3;
                int to = size - size / 5;
                assertEquals(expected(bytes, from, to), LineBreaks.count(channel, from, to), "range of size " + size);
            }
        }
    }

    @Test
    void aCrlfSplitByABufferEdgeIsOneBreak() throws IOException {
        byte[] bytes = new byte[(1 << 20) + 8];
        java.util.Arrays.fill(bytes, (byte) 'x');
        bytes[(1 << 20) - 1] = '\r';
        bytes[1 << 20] = '\n';
        bytes[7] = '\r';
        bytes[8] = '\n';
        Path file = dir.resolve("edge");
        Files.write(file, bytes);
        try (FileChannel channel = FileChannel.open(file)) {
            assertEquals(2, LineBreaks.count(channel, 0, bytes.length));
        }
    }
}
