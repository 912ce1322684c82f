package io.demandcast.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Counts the line breaks (LF, CR or CRLF, each one break) in a byte range of a file, eight bytes at a
 * time, so {@link PanelCsvReader} knows how many rows a range can hold before it reads them and can
 * write them straight into columns of their final size (a CSV row ends at a line break or at the end
 * of the file; empty lines and quoted line breaks only make the count an upper bound).
 */
final class LineBreaks {
    private static final int BUFFER = 1 << 20;
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long TOP = 0x8000000000000000L;

    private LineBreaks() {
    }

    /** The line breaks in bytes {@code [from, to)} of {@code channel}. */
    static long count(FileChannel channel, long from, long to) throws IOException {
        // A direct buffer: the channel reads into it without a second copy, and its words load unaligned.
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        long breaks = 0;
        boolean lastWasCr = false;
        long at = from;
        while (at < to) {
            buffer.clear();
            buffer.limit((int) Math.min(BUFFER, to - at));
            int got = channel.read(buffer, at);
            if (got <= 0) {
                break;
            }
            at += got;
            int i = 0;
            for (; i + 8 <= got; i += 8) {
                long word = buffer.getLong(i);
                long lf = equal(word, '\n');
                long cr = equal(word, '\r');
                // A CR followed by an LF is one break: the LF's flag sits one byte above the CR's.
                long crlf = (cr << 8) & lf;
                breaks += Long.bitCount(lf) + Long.bitCount(cr) - Long.bitCount(crlf);
                if (lastWasCr && (lf & 0x80) != 0) {
                    breaks--;
                }
                lastWasCr = (cr & TOP) != 0;
            }
            for (; i < got; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    breaks += lastWasCr ? 0 : 1;
                } else if (b == '\r') {
                    breaks++;
                }
                lastWasCr = b == '\r';
            }
        }
        return breaks;
    }

    /** 0x80 in each byte of {@code word} equal to {@code b}, 0 in the others (exact: no carry crosses a byte). */
    private static long equal(long word, char b) {
        long x = word ^ (ONES * b);
        long y = (x & LOW7) + LOW7;
        return ~(y | x | LOW7);
    }
}
