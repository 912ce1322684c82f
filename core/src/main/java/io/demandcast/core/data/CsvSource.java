package io.demandcast.core.data;

import io.demandcast.core.config.DataFormat;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Opens an input CSV file the way a planner's files need: strict UTF-8 (undecodable bytes are a
 * {@link DataException} naming the file, the line and the encoding expected, never a bare
 * "Input length = 1"), a leading byte-order mark skipped (Excel's "CSV UTF-8"), CRLF or LF line
 * ends, the delimiter of {@code data.format}, and spaces around fields and header names trimmed.
 * Every CSV demandcast reads as input goes through here.
 */
public final class CsvSource {
    private static final char BOM = '\uFEFF';

    private CsvSource() {
    }

    /** The Commons CSV format for files with a header line in {@code format}'s delimiter. */
    public static CSVFormat csvFormat(DataFormat format) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(format.delimiterChar())
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    /**
     * A parser over {@code file}, its header read.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist (callers name what it is)
     * @throws DataException                     when the header line holds bytes that are not UTF-8
     */
    public static CSVParser open(Path file, DataFormat format) throws IOException {
        return CSVParser.builder().setReader(reader(file)).setFormat(csvFormat(format)).get();
    }

    /** A strict UTF-8 reader of {@code file} without its byte-order mark. */
    public static Reader reader(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader in = new BufferedReader(new DecodeErrors(file, new InputStreamReader(Files.newInputStream(file), decoder)));
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
        return in;
    }

    /** Turns a decoding failure, raised wherever the reader happens to be, into a message naming the bad line. */
    private static final class DecodeErrors extends FilterReader {
        private final Path file;

        DecodeErrors(Path file, Reader in) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                throw notUtf8(file, e);
            }
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                throw notUtf8(file, e);
            }
        }
    }

    /**
     * The first line of {@code file} that is not UTF-8, found by a second pass: the decoder reads
     * ahead of the parser, so the parser's line count does not say where the bad byte is. A line
     * break byte never occurs inside a UTF-8 sequence, so lines are decoded one at a time.
     */
    static DataException notUtf8(Path file, CharacterCodingException cause) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long number = 1;
            int b;
            do {
                b = in.read();
                if (b == '\n' || b < 0) {
                    DataException bad = checkLine(file, number, line.toByteArray(), decoder);
                    if (bad != null) {
                        bad.initCause(cause);
                        return bad;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            } while (b >= 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DataException(file + ": not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")", cause);
    }

    private static DataException checkLine(Path file, long number, byte[] bytes, CharsetDecoder decoder) {
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return null;
        }
        int at = Math.min(in.position(), bytes.length - 1);
        String shown = at >= 0 ? String.format(" (byte 0x%02X)", bytes[at] & 0xff) : "";
        return DataException.at(file.toString(), number, out.position() + 1, "not UTF-8 text" + shown
                + "; the file must be UTF-8 (save it as UTF-8, in Excel: \"CSV UTF-8\")");
    }
}
