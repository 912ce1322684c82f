package io.demandcast.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads and writes a whole {@link Panel} as one binary file ({@code panel.bin} in a prepared
 * dataset), with bulk NIO copies of the primitive columns, so a panel of millions of rows loads in
 * tens of milliseconds. Hand-written because no library we use stores our CSR panel layout; the
 * format is small and documented here so other tools (numpy, Arrow readers) can read it too.
 *
 * <h2>Byte layout, format version 2</h2>
 *
 * All numbers are little-endian. {@code i32}/{@code i64} are two's-complement integers, {@code f64}
 * IEEE-754 doubles (NaN = missing, payload bits kept as written). {@code str} is an {@code i32}
 * byte length {@code L} followed by {@code L} bytes of UTF-8, no terminator; {@code L = -1} encodes
 * null (no bytes follow). {@code pad8} is 0..7 zero bytes, so that the next byte sits at a file
 * offset that is a multiple of 8: every array starts 8-aligned, for zero-copy readers such as
 * {@code numpy.frombuffer(buf, dtype='<f8', offset=..., count=...)}; {@code f32} are IEEE-754 floats.
 *
 * <pre>
 * offset  field
 *  0      magic            8 bytes  ASCII "DCPANEL" then 0x00
 *  8      format_version   i32      2
 * 12      flags            i32      0 (reserved)
 * 16      anchor           i64      anchor date of the time axis, days since 1970-01-01 (period 0)
 * 24      series_count     i32      n
 * 28      row_count        i32      r
 * 32      numeric_count    i32      number of numeric columns
 * 36      categorical_count i32     number of categorical columns
 * 40      static_count     i32      number of static columns
 * 44      frequency        str      "daily" | "weekly" | "monthly" | "quarterly" | "yearly"
 *         series_ids       n x str  in series order (never null)
 *         pad8, offsets    (n+1) x i32   rows of series s are offsets[s] .. offsets[s+1]-1
 *         pad8, periods    r x i32       period index of each row on the time axis
 *         pad8, target     r x f64
 *         numeric_count times, in column order:
 *             name str, type i32 (8 = f64, 4 = f32), pad8, values r x f64 or r x f32
 *             (f32: prepare's derived features, see {@link Panel#withFloatNumeric})
 *         categorical_count times, in column order:
 *             name str, level_count i32, levels level_count x str,
 *             pad8, codes r x i32   (index into levels, -1 = missing)
 *         static_count times, in column order:
 *             name str, values n x str (null = missing)
 *         pad8
 * trailer (16 bytes, the last of the file):
 *         crc32c           i32      CRC-32C (Castagnoli) of every byte before the trailer
 *         reserved         i32      0
 *         end magic        8 bytes  ASCII "DCPANEND"
 * </pre>
 *
 * Format version 1 is the same without the numeric columns' {@code type} (every one f64); it is
 * still read. A reader must reject a file whose magic, version, checksum or end magic differ, or
 * that has bytes after the trailer. A later format that cannot be read by this layout gets a new
 * version number.
 *
 * <p>{@link #read(Path, PanelColumns)} loads only some numeric and categorical columns: the others
 * are read through (for the checksum) without being kept.
 */
public final class PanelCodec {
    /** The format version this class writes; it reads this one and {@link #FORMAT_VERSION_DOUBLES}. */
    public static final int FORMAT_VERSION = 2;
    /** The first format, every numeric column f64: still read. */
    public static final int FORMAT_VERSION_DOUBLES = 1;
    private static final int TYPE_F64 = 8;
    private static final int TYPE_F32 = 4;

    private static final byte[] MAGIC = {'D', 'C', 'P', 'A', 'N', 'E', 'L', 0};
    private static final byte[] END_MAGIC = {'D', 'C', 'P', 'A', 'N', 'E', 'N', 'D'};
    private static final int BUFFER_BYTES = 1 << 20;

    private PanelCodec() {
    }

    /**
     * Writes a panel, creating or truncating {@code file}. Not atomic: a caller that needs that
     * writes into a temporary place and renames (as {@link PreparedDataset} does). The panel is not
     * changed.
     *
     * @throws IOException when the file cannot be written (its content is then undefined)
     */
    public static void write(Panel panel, Path file) throws IOException {
        List<NumericColumnSource> numeric = new ArrayList<>();
        for (String name : panel.numericNames()) {
            numeric.add(NumericColumnSource.of(panel, name));
        }
        write(panel, numeric, file);
    }

    /**
     * Writes {@code panel} with {@code numeric} as its numeric columns, in that order, instead of the
     * panel's own: each source is asked for its values only when the writer reaches it, and they
     * are not kept, so the file can hold more columns than fit in memory at once. The file is the
     * one {@link #write(Panel, Path)} writes for a panel with those columns.
     *
     * @throws IllegalArgumentException when a source hands over a number of values other than the
     *                                  panel's rows, or values of the other storage
     * @throws IOException              as {@link #write(Panel, Path)}
     */
    public static void write(Panel panel, List<NumericColumnSource> numeric, Path file) throws IOException {
        int n = panel.seriesCount();
        int r = panel.rowCount();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Out out = new Out(ch);
            out.bytes(MAGIC);
            out.i32(FORMAT_VERSION);
            out.i32(0);
            out.i64(panel.axis().anchor().toEpochDay());
            out.i32(n);
            out.i32(r);
            out.i32(numeric.size());
            out.i32(panel.categoricalNames().size());
            out.i32(panel.staticNames().size());
            out.str(panel.frequency().label());
            for (String id : panel.seriesIds()) {
                out.str(id);
            }
            out.ints(panel.storedOffsets());
            out.ints(panel.storedPeriods());
            out.doubles(panel.storedTarget());
            for (NumericColumnSource column : numeric) {
                out.str(column.name());
                out.i32(column.isFloat() ? TYPE_F32 : TYPE_F64);
                out.pad8();
                ColumnOut values = new ColumnOut(out, column, r);
                column.writeTo(values);
                values.requireComplete();
            }
            for (String name : panel.categoricalNames()) {
                Categorical c = panel.categorical(name);
                out.str(name);
                out.i32(c.levels().size());
                for (String level : c.levels()) {
                    out.str(level);
                }
                out.ints(c.codes());
            }
            for (String name : panel.staticNames()) {
                out.str(name);
                for (int s = 0; s < n; s++) {
                    out.str(panel.staticValue(name, s));
                }
            }
            out.pad8();
            out.flush();
            int crc = (int) out.crc.getValue();
            ByteBuffer trailer = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            trailer.putInt(crc).putInt(0).put(END_MAGIC).flip();
            while (trailer.hasRemaining()) {
                ch.write(trailer);
            }
        }
    }

    /**
     * Reads a panel written by {@link #write}.
     *
     * @throws DataException naming the file and the problem when it does not exist, is not a panel
     *                       file, has another format version, is truncated, fails its checksum or
     *                       holds an inconsistent panel
     * @throws IOException   when the file exists but cannot be read
     */
    public static Panel read(Path file) throws IOException {
        return read(file, PanelColumns.ALL);
    }

    /**
     * Reads a panel written by {@link #write}, keeping only the numeric and categorical columns
     * {@code columns} selects (in file order); the whole file is still checked.
     *
     * @throws DataException as {@link #read(Path)}
     * @throws IOException   as {@link #read(Path)}
     */
    public static Panel read(Path file, PanelColumns columns) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new In(ch, file).panel(columns);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such panel file", e);
        }
    }

    /** Takes one numeric column's chunks into the file, checking that they are of its storage and cover every row once. */
    private static final class ColumnOut implements NumericColumnSource.ValueSink {
        private final Out out;
        private final NumericColumnSource column;
        private final int rows;
        private long written;

        ColumnOut(Out out, NumericColumnSource column, int rows) {
            this.out = out;
            this.column = column;
            this.rows = rows;
        }

        @Override
        public void floats(float[] values, int from, int count) throws IOException {
            take(true, count);
            out.floatChunk(values, from, count);
        }

        @Override
        public void doubles(double[] values, int from, int count) throws IOException {
            take(false, count);
            out.doubleChunk(values, from, count);
        }

        private void take(boolean isFloat, int count) {
            if (isFloat != column.isFloat()) {
                throw new IllegalArgumentException("numeric column '" + column.name() + "' is declared "
                        + (column.isFloat() ? "float" : "double") + " but its source handed over " + (isFloat ? "float" : "double") + " values");
            }
            written += count;
            if (written > rows) {
                throw new IllegalArgumentException("numeric column '" + column.name() + "': its source handed over more than "
                        + rows + " values");
            }
        }

        void requireComplete() {
            if (written != rows) {
                throw new IllegalArgumentException("numeric column '" + column.name() + "': its source handed over " + written
                        + " values for " + rows + " rows");
            }
        }
    }

    /** Buffered little-endian writer that keeps the running CRC-32C of what it has written. */
    private static final class Out {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private long flushed;

        Out(FileChannel ch) {
            this.ch = ch;
        }

        void i32(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void i64(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void bytes(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                room(1);
                int k = Math.min(buf.remaining(), b.length - off);
                buf.put(b, off, k);
                off += k;
            }
        }

        void str(String s) throws IOException {
            if (s == null) {
                i32(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            bytes(b);
        }

        void pad8() throws IOException {
            long pos = flushed + buf.position();
            int pad = (int) ((8 - pos % 8) % 8);
            room(pad);
            for (int i = 0; i < pad; i++) {
                buf.put((byte) 0);
            }
        }

        void ints(int[] a) throws IOException {
            pad8();
            int off = 0;
            while (off < a.length) {
                room(4);
                int k = Math.min(buf.remaining() / 4, a.length - off);
                buf.asIntBuffer().put(a, off, k);
                buf.position(buf.position() + k * 4);
                off += k;
            }
        }

        /** Values of an array already begun (no padding before them). */
        void floatChunk(float[] a, int from, int count) throws IOException {
            int off = from;
            int end = from + count;
            while (off < end) {
                room(4);
                int k = Math.min(buf.remaining() / 4, end - off);
                buf.asFloatBuffer().put(a, off, k);
                buf.position(buf.position() + k * 4);
                off += k;
            }
        }

        void doubles(double[] a) throws IOException {
            pad8();
            doubleChunk(a, 0, a.length);
        }

        /** Values of an array already begun (no padding before them). */
        void doubleChunk(double[] a, int from, int count) throws IOException {
            int off = from;
            int end = from + count;
            while (off < end) {
                room(8);
                int k = Math.min(buf.remaining() / 8, end - off);
                buf.asDoubleBuffer().put(a, off, k);
                buf.position(buf.position() + k * 8);
                off += k;
            }
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) {
                flushed += ch.write(buf);
            }
            buf.clear();
        }
    }

    /** Buffered little-endian reader that checks bounds against the file size and keeps a running CRC-32C. */
    private static final class In {
        private final FileChannel ch;
        private final Path file;
        private final long size;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private long consumed;

        In(FileChannel ch, Path file) throws IOException {
            this.ch = ch;
            this.file = file;
            this.size = ch.size();
            buf.limit(0);
        }

        Panel panel(PanelColumns columns) throws IOException {
            if (size < 16 + 44 || !java.util.Arrays.equals(bytes(8, "magic"), MAGIC)) {
                throw corrupt("not a demandcast panel file (wrong magic bytes or too short)");
            }
            int version = i32("format_version");
            if (version != FORMAT_VERSION && version != FORMAT_VERSION_DOUBLES) {
                throw new DataException(file + ": panel format version " + version + " is not supported (this demandcast reads "
                        + FORMAT_VERSION_DOUBLES + " and " + FORMAT_VERSION + "); re-run 'demandcast prepare' with this version");
            }
            i32("flags");
            long anchorDay = i64("anchor");
            int n = count("series_count");
            int r = count("row_count");
            int numericCount = count("numeric_count");
            int categoricalCount = count("categorical_count");
            int staticCount = count("static_count");
            TimeAxis axis;
            try {
                axis = new TimeAxis(Frequency.parse(nonNull(str("frequency"), "frequency")), LocalDate.ofEpochDay(anchorDay));
            } catch (RuntimeException e) {
                throw new DataException(file + ": corrupt panel file: bad time axis: " + e.getMessage(), e);
            }
            String[] ids = new String[n];
            for (int s = 0; s < n; s++) {
                ids[s] = nonNull(str("series id"), "series id");
            }
            int[] offsets = ints(n + 1, "offsets");
            int[] periods = ints(r, "periods");
            double[] target = doubles(r, "target");
            Map<String, double[]> numeric = new LinkedHashMap<>();
            Map<String, float[]> floats = new LinkedHashMap<>();
            for (int i = 0; i < numericCount; i++) {
                String name = nonNull(str("numeric column name"), "numeric column name");
                int type = version == FORMAT_VERSION_DOUBLES ? TYPE_F64 : i32("type of numeric column '" + name + "'");
                if (type != TYPE_F64 && type != TYPE_F32) {
                    throw corrupt("numeric column '" + name + "' has value type " + type + " (8 = f64, 4 = f32)");
                }
                String what = "numeric column '" + name + "'";
                if (!columns.numeric(name)) {
                    skipArray((long) type * r, what);
                } else if (type == TYPE_F32) {
                    numeric.put(name, null); // keeps the column's position; filled below
                    floats.put(name, floats(r, what));
                } else {
                    numeric.put(name, doubles(r, what));
                }
            }
            Map<String, Categorical> categorical = new LinkedHashMap<>();
            for (int i = 0; i < categoricalCount; i++) {
                String name = nonNull(str("categorical column name"), "categorical column name");
                int levelCount = count("level count of '" + name + "'");
                List<String> levels = new ArrayList<>(levelCount);
                for (int l = 0; l < levelCount; l++) {
                    levels.add(nonNull(str("level of '" + name + "'"), "level of '" + name + "'"));
                }
                if (!columns.categorical(name)) {
                    skipArray(4L * r, "codes of '" + name + "'");
                    continue;
                }
                int[] codes = ints(r, "codes of '" + name + "'");
                for (int row = 0; row < r; row++) {
                    if (codes[row] < Categorical.MISSING || codes[row] >= levelCount) {
                        throw corrupt("categorical column '" + name + "' has code " + codes[row] + " on row " + row
                                + " but only " + levelCount + " levels");
                    }
                }
                categorical.put(name, new Categorical(codes, levels));
            }
            Map<String, String[]> statics = new LinkedHashMap<>();
            for (int i = 0; i < staticCount; i++) {
                String name = nonNull(str("static column name"), "static column name");
                String[] values = new String[n];
                for (int s = 0; s < n; s++) {
                    values[s] = str("static column '" + name + "'");
                }
                statics.put(name, values);
            }
            skipPad8();
            checkTrailer();
            try {
                if (floats.isEmpty()) {
                    return new Panel(axis, ids, offsets, periods, target, numeric, categorical, statics);
                }
                // Double and float columns interleave: add them one by one, in file order.
                Panel panel = new Panel(axis, ids, offsets, periods, target, Map.of(), categorical, statics);
                for (Map.Entry<String, double[]> e : numeric.entrySet()) {
                    panel = e.getValue() == null ? panel.withFloatNumeric(e.getKey(), floats.get(e.getKey()))
                            : panel.withNumeric(e.getKey(), e.getValue());
                }
                return panel;
            } catch (IllegalArgumentException e) {
                throw corrupt("inconsistent panel: " + e.getMessage());
            }
        }

        private void checkTrailer() throws IOException {
            int expected = (int) crc.getValue();
            ensure(16, "trailer");
            int stored = buf.getInt();
            buf.getInt();
            byte[] end = new byte[8];
            buf.get(end);
            consumed += 16;
            if (!java.util.Arrays.equals(end, END_MAGIC)) {
                throw corrupt("end marker missing where the trailer should be at byte " + (consumed - 16));
            }
            if (stored != expected) {
                throw corrupt(String.format("checksum mismatch (stored CRC-32C %08x, computed %08x): the file was changed or damaged",
                        stored, expected));
            }
            if (consumed != size) {
                throw corrupt((size - consumed) + " unexpected bytes after the trailer");
            }
        }

        private int count(String what) throws IOException {
            int v = i32(what);
            if (v < 0) {
                throw corrupt(what + " is negative (" + v + ")");
            }
            return v;
        }

        private String nonNull(String s, String what) {
            if (s == null) {
                throw corrupt(what + " is null");
            }
            return s;
        }

        private int i32(String what) throws IOException {
            ensure(4, what);
            int v = buf.getInt(buf.position());
            consume(4);
            return v;
        }

        private long i64(String what) throws IOException {
            ensure(8, what);
            long v = buf.getLong(buf.position());
            consume(8);
            return v;
        }

        private byte[] bytes(int length, String what) throws IOException {
            require(length, what);
            byte[] b = new byte[length];
            int off = 0;
            while (off < length) {
                ensure(1, what);
                int k = Math.min(buf.remaining(), length - off);
                buf.get(buf.position(), b, off, k);
                consume(k);
                off += k;
            }
            return b;
        }

        private String str(String what) throws IOException {
            int length = i32(what + " length");
            if (length == -1) {
                return null;
            } else if (length < -1) {
                throw corrupt(what + " has length " + length);
            }
            return new String(bytes(length, what), StandardCharsets.UTF_8);
        }

        private void skipPad8() throws IOException {
            int pad = (int) ((8 - consumed % 8) % 8);
            ensure(pad, "padding");
            consume(pad);
        }

        private int[] ints(int count, String what) throws IOException {
            skipPad8();
            require(4L * count, what);
            int[] a = new int[count];
            int off = 0;
            while (off < count) {
                ensure(4, what);
                int k = Math.min(buf.remaining() / 4, count - off);
                buf.asIntBuffer().get(a, off, k);
                consume(k * 4);
                off += k;
            }
            return a;
        }

        private float[] floats(int count, String what) throws IOException {
            skipPad8();
            require(4L * count, what);
            float[] a = new float[count];
            int off = 0;
            while (off < count) {
                ensure(4, what);
                int k = Math.min(buf.remaining() / 4, count - off);
                buf.asFloatBuffer().get(a, off, k);
                consume(k * 4);
                off += k;
            }
            return a;
        }

        /** Reads through an array that is not kept: its bytes still count for the checksum. */
        private void skipArray(long bytes, String what) throws IOException {
            skipPad8();
            require(bytes, what);
            long left = bytes;
            while (left > 0) {
                ensure(1, what);
                int k = (int) Math.min(buf.remaining(), left);
                consume(k);
                left -= k;
            }
        }

        private double[] doubles(int count, String what) throws IOException {
            skipPad8();
            require(8L * count, what);
            double[] a = new double[count];
            int off = 0;
            while (off < count) {
                ensure(8, what);
                int k = Math.min(buf.remaining() / 8, count - off);
                buf.asDoubleBuffer().get(a, off, k);
                consume(k * 8);
                off += k;
            }
            return a;
        }

        /** Fails before allocating when the file is too short to hold {@code bytes} more plus the trailer. */
        private void require(long bytes, String what) {
            if (consumed + bytes + 16 > size) {
                throw truncated(what, bytes);
            }
        }

        /** Makes at least {@code bytes} (at most the buffer size) available in the buffer. */
        private void ensure(int bytes, String what) throws IOException {
            if (buf.remaining() >= bytes) {
                return;
            }
            buf.compact();
            while (buf.position() < bytes) {
                if (ch.read(buf) < 0) {
                    buf.flip();
                    throw truncated(what, bytes);
                }
            }
            buf.flip();
        }

        private void consume(int bytes) {
            ByteBuffer chunk = buf.duplicate();
            chunk.limit(chunk.position() + bytes);
            crc.update(chunk);
            buf.position(buf.position() + bytes);
            consumed += bytes;
        }

        private DataException truncated(String what, long bytes) {
            return new DataException(file + ": truncated panel file: " + size + " bytes, but reading " + what + " at byte "
                    + consumed + " needs " + bytes + " more (plus the 16-byte trailer); re-run 'demandcast prepare'");
        }

        private DataException corrupt(String what) {
            return new DataException(file + ": corrupt panel file: " + what + "; re-run 'demandcast prepare'");
        }
    }
}
