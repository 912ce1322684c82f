package io.demandcast.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Splits the bytes of a CSV file, or of one newline-aligned range of it, into records and fields
 * without decoding text: a field is a range of the scanner's buffer, so a number or a date can be
 * parsed from its bytes and an id compared with the bytes of the last one, and no String is made
 * for a cell unless it is a new id or level. It reads what {@link CsvSource} reads: RFC 4180 quoting
 * (quotes doubled inside a quoted field, delimiters and line breaks inside one), LF, CRLF or CR line
 * ends, a leading UTF-8 byte-order mark, empty lines skipped, and spaces around fields (inside quotes
 * too) trimmed; a quote inside an unquoted field is an ordinary character. Bytes that are not UTF-8
 * end the read with the message {@link CsvSource} gives them (file, line, column and byte).
 *
 * <p>The file is streamed through a buffer of {@value #BUFFER} bytes (larger only for a record that
 * does not fit), so memory does not grow with the file.
 */
final class CsvByteScanner implements AutoCloseable {
    static final int BUFFER = 1 << 20;

    /** A record ended because a quote was met and the scanner was told to stop there. */
    static final class QuoteMet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuoteMet() {
            super(null, null, false, false);
        }
    }

    private static final int NEED_MORE = -1;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Added to a byte's low seven bits, sets its top bit exactly when they are 33 or more (above a space). */
    private static final long BELOW_33 = ONES * (0x80 - 33);
    private static final long QUOTES = ONES * '"';
    private static final byte ORDINARY = 0;
    private static final byte BLANK = 1;
    private static final byte DELIMITER = 2;
    private static final byte LF = 3;
    private static final byte CR = 4;
    private static final byte QUOTE = 5;
    private static final byte HIGH = 6;

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final long end;
    private final boolean stopAtQuote;
    private final LongConsumer bytesRead;
    private final byte[] kind = new byte[256];
    private final byte delimiter;
    private final long delimiterWord;
    private long filePosition;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;

    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private long line;
    private long nextLine;

    /**
     * @param channel     the open file, read by position (so several scanners may share it)
     * @param from        first byte of the range (0: the file's start, where a byte-order mark is skipped)
     * @param to          end of the range, after a line break or at the file's end
     * @param firstLine   the line number of the range's first line
     * @param stopAtQuote throw {@link QuoteMet} on the first quote, for a caller that splits files at line
     *                    breaks and must not split a quoted field
     * @param bytesRead   told of every block of bytes read, for progress
     */
    CsvByteScanner(Path path, FileChannel channel, long from, long to, long firstLine, char delimiter, boolean stopAtQuote,
                   LongConsumer bytesRead) {
        this.path = path;
        this.name = path.toString();
        this.channel = channel;
        this.filePosition = from;
        this.end = to;
        this.nextLine = firstLine;
        this.stopAtQuote = stopAtQuote;
        this.bytesRead = bytesRead;
        for (int b = 0; b <= ' '; b++) {
            kind[b] = BLANK;
        }
        for (int b = 0x80; b < 0x100; b++) {
            kind[b] = HIGH;
        }
        kind['\n'] = LF;
        kind['\r'] = CR;
        kind['"'] = QUOTE;
        kind[delimiter] = DELIMITER;
        this.delimiter = (byte) delimiter;
        this.delimiterWord = ONES * (delimiter & 0xff);
        if (from == 0) {
            fill();
            if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
            }
        }
    }

    /** Moves to the next record; false at the end of the range. */
    boolean next() {
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            byte b = buf[pos];
            if (b == '\n') {
                pos++;
                nextLine++;
            } else if (b == '\r') {
                pos++;
                if (pos == limit) {
                    fill();
                }
                if (pos < limit && buf[pos] == '\n') {
                    pos++;
                }
                nextLine++;
            } else {
                break;
            }
        }
        line = nextLine;
        int plain = plainRecord(pos);
        if (plain >= 0) {
            pos = plain;
            return true;
        }
        while (true) {
            int after = scan(pos, eof);
            if (after != NEED_MORE) {
                pos = after;
                return true;
            }
            if (!fill()) {
                after = scan(pos, true);
                pos = after;
                return true;
            }
        }
    }

    /** The offset in the file of the first byte not read as part of a record yet. */
    long position() {
        return filePosition - (limit - pos);
    }

    /** Line number of the current record's first line. */
    long line() {
        return line;
    }

    /** The line number after the last record read (its line count for a range that started at line 0). */
    long nextLine() {
        return nextLine;
    }

    /** Number of fields of the current record. */
    int fields() {
        return count;
    }

    byte[] buffer() {
        return buf;
    }

    /** First byte of field {@code i} in {@link #buffer()}, after quotes and spaces. */
    int start(int i) {
        return starts[i];
    }

    /** End (exclusive) of field {@code i}. */
    int end(int i) {
        return ends[i];
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    /** True when field {@code i} holds doubled quotes, so its bytes are not its text. */
    boolean escaped(int i) {
        return escaped[i];
    }

    /** Field {@code i} as text. */
    String text(int i) {
        String s = new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
        return escaped[i] ? s.replace("\"\"", "\"") : s;
    }

    /** Field {@code i} as UTF-8 bytes of its text. */
    byte[] bytes(int i) {
        return escaped[i] ? text(i).getBytes(StandardCharsets.UTF_8) : Arrays.copyOfRange(buf, starts[i], ends[i]);
    }

    /** True when field {@code i}'s text is {@code value}'s (given as UTF-8 bytes). */
    boolean is(int i, byte[] value) {
        if (escaped[i]) {
            return Arrays.equals(bytes(i), value);
        }
        return Arrays.equals(buf, starts[i], ends[i], value, 0, value.length);
    }

    @Override
    public void close() {
        // The channel belongs to the caller.
    }

    /**
     * Reads more of the range behind the unread bytes (moved to the buffer's start, the buffer doubled
     * if they fill it). False when the range has no more bytes.
     */
    private boolean fill() {
        if (eof) {
            return false;
        }
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        } else if (keep == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = keep;
        int want = (int) Math.min(buf.length - limit, end - filePosition);
        int got = 0;
        try {
            while (got < want) {
                int n = channel.read(ByteBuffer.wrap(buf, limit + got, want - got), filePosition + got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        filePosition += got;
        limit += got;
        if (got > 0) {
            bytesRead.accept(got);
        }
        if (filePosition >= end || got < want) {
            eof = true;
        }
        return got > 0;
    }

    /**
     * Scans one record from {@code p}; returns the position after it, or {@link #NEED_MORE} when the
     * buffer ends inside it and more of the range is left.
     */
    private int scan(int p, boolean atEnd) {
        byte[] kind = this.kind;
        byte[] b = buf;
        int lim = limit;
        int f = 0;
        int lines = 0;
        boolean high = false;
        int recordStart = p;
        while (true) {
            while (p < lim && kind[b[p] & 0xff] == BLANK) {
                p++;
            }
            if (p == lim) {
                if (!atEnd) {
                    return NEED_MORE;
                }
                add(f++, p, p, false);
                return finish(f, lines, high, recordStart, p, p);
            }
            int s;
            int e;
            boolean esc = false;
            if (b[p] == '"') {
                if (stopAtQuote) {
                    throw new QuoteMet();
                }
                p++;
                s = p;
                while (true) {
                    if (p == lim) {
                        if (!atEnd) {
                            return NEED_MORE;
                        }
                        throw DataException.at(name, line, f + 1, "malformed CSV: this quoted field has no closing quote"
                                + " before the end of the file");
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 == lim && !atEnd) {
                            return NEED_MORE;
                        }
                        if (p + 1 < lim && b[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        lines++;
                    } else if (c == '\r') {
                        if (p + 1 == lim && !atEnd) {
                            return NEED_MORE;
                        }
                        if (p + 1 >= lim || b[p + 1] != '\n') {
                            lines++;
                        }
                    } else if (c < 0) {
                        high = true;
                    }
                    p++;
                }
                e = p;
                p++;
                while (p < lim && kind[b[p] & 0xff] == BLANK) {
                    p++;
                }
                if (p == lim && !atEnd) {
                    return NEED_MORE;
                }
                if (p < lim) {
                    byte k = kind[b[p] & 0xff];
                    if (k != DELIMITER && k != LF && k != CR) {
                        throw DataException.at(name, line + lines, f + 1, "malformed CSV: '" + (char) (b[p] & 0xff)
                                + "' after the closing quote of a field; a quote inside a quoted field is written twice (\"\")");
                    }
                }
            } else {
                s = p;
                while (p < lim) {
                    byte k = kind[b[p] & 0xff];
                    if (k <= BLANK) {
                        p++;
                    } else if (k == HIGH) {
                        high = true;
                        p++;
                    } else if (k == QUOTE) {
                        if (stopAtQuote) {
                            throw new QuoteMet();
                        }
                        p++;
                    } else {
                        break;
                    }
                }
                if (p == lim && !atEnd) {
                    return NEED_MORE;
                }
                e = p;
            }
            while (s < e && kind[b[s] & 0xff] == BLANK) {
                s++;
            }
            while (e > s && kind[b[e - 1] & 0xff] == BLANK) {
                e--;
            }
            add(f++, s, e, esc);
            if (p == lim) {
                return finish(f, lines, high, recordStart, p, p);
            }
            byte k = kind[b[p] & 0xff];
            if (k == DELIMITER) {
                p++;
                continue;
            }
            int recordEnd = p;
            if (k == LF) {
                return finish(f, lines + 1, high, recordStart, recordEnd, p + 1);
            }
            // CR, alone or before LF
            if (p + 1 == lim && !atEnd) {
                return NEED_MORE;
            }
            int after = p + 1 < lim && b[p + 1] == '\n' ? p + 2 : p + 1;
            return finish(f, lines + 1, high, recordStart, recordEnd, after);
        }
    }

    /**
     * The common record read eight bytes at a time: printable ASCII fields without quotes or spaces,
     * ended by LF or CRLF inside the buffer. Returns the position after it, with its fields set as
     * {@link #scan} would set them, or -1 (nothing set) for any other record, which {@link #scan} then
     * reads byte by byte: a blank, a quote, a byte above 0x7F or a lone CR anywhere in it, or a buffer
     * that ends before it does. Only delimiters and line ends stop the word loop, about one byte in five.
     */
    private int plainRecord(int p) {
        byte[] b = buf;
        int lim = limit;
        int f = 0;
        int s = p;
        int word = p;
        while (word + 8 <= lim) {
            long w = (long) WORDS.get(b, word);
            long stops = (w & HIGH_BITS) | (~((w & LOW7) + BELOW_33) & HIGH_BITS) | equal(w, delimiterWord) | equal(w, QUOTES);
            while (stops != 0) {
                int at = word + (Long.numberOfTrailingZeros(stops) >>> 3);
                byte c = b[at];
                if (c == delimiter) {
                    add(f++, s, at, false);
                    s = at + 1;
                } else if (c == '\n') {
                    add(f++, s, at, false);
                    return finish(f, 1, false, p, at, at + 1);
                } else if (c == '\r' && at + 1 < lim && b[at + 1] == '\n') {
                    add(f++, s, at, false);
                    return finish(f, 1, false, p, at, at + 2);
                } else {
                    return -1;
                }
                stops &= stops - 1;
            }
            word += 8;
        }
        return -1;
    }

    /** 0x80 in each byte of {@code word} equal to the byte repeated in {@code repeated}, 0 in the others (exact). */
    private static long equal(long word, long repeated) {
        long x = word ^ repeated;
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    private int finish(int fieldCount, int lines, boolean high, int from, int to, int after) {
        count = fieldCount;
        nextLine = line + lines;
        if (high) {
            checkUtf8(from, to);
        }
        return after;
    }

    private void add(int i, int s, int e, boolean esc) {
        if (i == starts.length) {
            starts = Arrays.copyOf(starts, i * 2);
            ends = Arrays.copyOf(ends, i * 2);
            escaped = Arrays.copyOf(escaped, i * 2);
        }
        starts[i] = s;
        ends[i] = e;
        escaped[i] = esc;
    }

    /** A record with bytes above 0x7F: they must be UTF-8, else the message names the first bad line of the file. */
    private void checkUtf8(int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(buf, from, to - from));
        } catch (CharacterCodingException e) {
            throw CsvSource.notUtf8(path, e);
        }
    }
}
