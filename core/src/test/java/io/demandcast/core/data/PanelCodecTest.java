package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCodecTest {
    @TempDir
    Path tmp;

    /** Three series (one empty, unicode ids), NaN and -0.0 cells, two numeric, one categorical, two statics (one null). */
    static Panel richPanel() {
        TimeAxis axis = new TimeAxis(Frequency.WEEKLY, LocalDate.of(2011, 1, 29));
        String[] ids = {"FOODS_1_001_CA_1", "", "caf\u00e9_\u5e97_\uD83D\uDED2"};
        int[] offsets = {0, 3, 3, 5};
        int[] periods = {0, 1, 2, 7, 8};
        double[] target = {1.5, Double.NaN, 0.0, -0.0, 1e300};
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("sell_price", new double[] {2.5, 2.5, Double.NaN, 3.0, 3.25});
        numeric.put("snap", new double[] {0, 1, 0, 1, Double.POSITIVE_INFINITY});
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        categorical.put("event_name", new Categorical(new int[] {-1, 0, -1, 1, -1}, List.of("SuperBowl", "Ramadan starts")));
        Map<String, String[]> statics = new LinkedHashMap<>();
        statics.put("store_id", new String[] {"CA_1", "CA_1", "TX_2"});
        statics.put("dept_id", new String[] {"FOODS_1", null, "\u00e9\u00e8"});
        return new Panel(axis, ids, offsets, periods, target, numeric, categorical, statics);
    }

    static void assertSamePanel(Panel expected, Panel actual) {
        assertEquals(expected.axis(), actual.axis());
        assertEquals(expected.seriesIds(), actual.seriesIds());
        assertArrayEquals(expected.offsets(), actual.offsets());
        assertArrayEquals(expected.periodColumn(), actual.periodColumn());
        assertBitsEqual(expected.targetColumn(), actual.targetColumn());
        assertEquals(expected.numericNames(), actual.numericNames());
        for (String name : expected.numericNames()) {
            assertBitsEqual(expected.numericColumn(name), actual.numericColumn(name));
        }
        assertEquals(expected.categoricalNames(), actual.categoricalNames());
        for (String name : expected.categoricalNames()) {
            assertArrayEquals(expected.categorical(name).codes(), actual.categorical(name).codes());
            assertEquals(expected.categorical(name).levels(), actual.categorical(name).levels());
        }
        assertEquals(expected.staticNames(), actual.staticNames());
        for (String name : expected.staticNames()) {
            for (int s = 0; s < expected.seriesCount(); s++) {
                assertEquals(expected.staticValue(name, s), actual.staticValue(name, s));
            }
        }
    }

    private static void assertBitsEqual(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "cell " + i);
        }
    }

    @Test
    void roundTripsEveryPartOfAPanel() throws IOException {
        Panel panel = richPanel();
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(panel, file);
        Panel back = PanelCodec.read(file);
        assertSamePanel(panel, back);
        assertEquals(0, back.length(1));
        assertEquals("Ramadan starts", back.categorical("event_name").level(3));
        assertEquals(0, Files.size(file) % 8, "trailer and arrays are 8-aligned");
    }

    @Test
    void floatColumnsRoundTripAsFloat32BetweenDoubleOnes() throws IOException {
        Panel doubles = richPanel();
        Panel panel = doubles.withFloatNumeric("lag_1", new float[] {Float.NaN, 1.5f, 1 / 3f, -0.0f, 7})
                .withNumeric("after", new double[] {1, 2, 3, 4, 5});
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(panel, file);
        Panel back = PanelCodec.read(file);
        assertSamePanel(panel, back);
        assertEquals(List.of("sell_price", "snap", "lag_1", "after"), back.numericNames());
        assertTrue(back.isFloat("lag_1"));
        assertFalse(back.isFloat("after"));
        assertEquals((double) (1 / 3f), back.numeric("lag_1", 2));
        assertArrayEquals(new float[] {Float.NaN, 1.5f, 1 / 3f, -0.0f, 7}, back.floatColumn("lag_1"));

        Path asDoubles = tmp.resolve("doubles.bin");
        PanelCodec.write(doubles.withNumeric("lag_1", panel.numericColumn("lag_1")).withNumeric("after", new double[5]), asDoubles);
        assertEquals(40 - 24, Files.size(asDoubles) - Files.size(file), "five f64 cells against five f32 cells padded to 8");
    }

    @Test
    void readsFormatVersion1WhereEveryNumericColumnIsF64() throws IOException {
        // Written by PanelCodec before format version 2, from the same cells as richPanel().
        Path v1 = tmp.resolve("v1.bin");
        try (var in = PanelCodecTest.class.getResourceAsStream("/panel/rich-panel-v1.bin")) {
            Files.write(v1, in.readAllBytes());
        }
        assertEquals(1, ByteBuffer.wrap(Files.readAllBytes(v1)).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
        Panel back = PanelCodec.read(v1);
        assertSamePanel(richPanel(), back);
        assertFalse(back.isFloat("snap"));
    }

    @Test
    void loadsOnlyTheSelectedColumnsAndStillChecksTheWholeFile() throws IOException {
        Panel panel = richPanel().withFloatNumeric("lag_1", new float[] {1, 2, 3, 4, 5});
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(panel, file);

        Panel target = PanelCodec.read(file, PanelColumns.targetOnly());
        assertEquals(List.of(), target.numericNames());
        assertEquals(List.of(), target.categoricalNames());
        assertEquals(panel.staticNames(), target.staticNames(), "statics are one value a series: always loaded");
        assertBitsEqual(panel.targetColumn(), target.targetColumn());
        assertArrayEquals(panel.periodColumn(), target.periodColumn());
        assertEquals(panel.seriesIds(), target.seriesIds());

        Panel some = PanelCodec.read(file, new PanelColumns(java.util.Set.of("lag_1", "absent"), null));
        assertEquals(List.of("lag_1"), some.numericNames());
        assertTrue(some.isFloat("lag_1"));
        assertEquals(List.of("event_name"), some.categoricalNames());

        // A flipped bit in a column that is not loaded is still found.
        byte[] all = Files.readAllBytes(file);
        int at = indexOf(all, "sell_price".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 20;
        all[at] ^= 0x01;
        Files.write(file, all);
        DataException e = assertThrows(DataException.class, () -> PanelCodec.read(file, PanelColumns.targetOnly()));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void roundTripsAPanelWithoutCovariatesAndAnEmptyPanel() throws IOException {
        Panel plain = new PanelBuilder(Frequency.DAILY, LocalDate.of(2020, 2, 29))
                .add("a", 0, 1, 2, 3).add("b", 5, 0, 0).build();
        Path file = tmp.resolve("plain.bin");
        PanelCodec.write(plain, file);
        assertSamePanel(plain, PanelCodec.read(file));

        Panel empty = new Panel(new TimeAxis(Frequency.MONTHLY, LocalDate.of(2000, 1, 1)), new String[0], new int[] {0},
                new int[0], new double[0], Map.of(), Map.of(), Map.of());
        PanelCodec.write(empty, file);
        Panel back = PanelCodec.read(file);
        assertSamePanel(empty, back);
        assertEquals(0, back.seriesCount());
    }

    @Test
    void headerMatchesTheDocumentedLayout() throws IOException {
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(richPanel(), file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("DCPANEL\0", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(PanelCodec.FORMAT_VERSION, b.getInt(8));
        assertEquals(LocalDate.of(2011, 1, 29).toEpochDay(), b.getLong(16));
        assertEquals(3, b.getInt(24));
        assertEquals(5, b.getInt(28));
        assertEquals(2, b.getInt(32));
        assertEquals(1, b.getInt(36));
        assertEquals(2, b.getInt(40));
        assertEquals(6, b.getInt(44));
        byte[] end = Arrays.copyOfRange(b.array(), b.capacity() - 8, b.capacity());
        assertEquals("DCPANEND", new String(end, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsTruncatedFilesNamingTheFile() throws IOException {
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(syntheticPanel(20, 100, 2, 2), file);
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {0, 7, 30, 60, all.length / 2, all.length - 17, all.length - 1}) {
            Path cutFile = tmp.resolve("cut-" + cut + ".bin");
            Files.write(cutFile, Arrays.copyOf(all, cut));
            DataException e = assertThrows(DataException.class, () -> PanelCodec.read(cutFile), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(cutFile.toString()), e.getMessage());
        }
        Path longer = tmp.resolve("longer.bin");
        Files.write(longer, Arrays.copyOf(all, all.length + 3));
        assertThrows(DataException.class, () -> PanelCodec.read(longer));
    }

    @Test
    void rejectsAFlippedByteWithAChecksumError() throws IOException {
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(syntheticPanel(20, 100, 2, 2), file);
        byte[] all = Files.readAllBytes(file);
        all[all.length / 2] ^= 0x10;
        Files.write(file, all);
        DataException e = assertThrows(DataException.class, () -> PanelCodec.read(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void rejectsOtherVersionsAndOtherFiles() throws IOException {
        Path file = tmp.resolve("panel.bin");
        PanelCodec.write(richPanel(), file);
        byte[] all = Files.readAllBytes(file);
        all[8] = 3;
        Files.write(file, all);
        DataException e = assertThrows(DataException.class, () -> PanelCodec.read(file));
        assertTrue(e.getMessage().contains("version 3"), e.getMessage());

        Path csv = tmp.resolve("sales.csv");
        Files.writeString(csv, "series_id,date,value\n".repeat(10));
        e = assertThrows(DataException.class, () -> PanelCodec.read(csv));
        assertTrue(e.getMessage().contains("not a demandcast panel file"), e.getMessage());

        e = assertThrows(DataException.class, () -> PanelCodec.read(tmp.resolve("missing.bin")));
        assertTrue(e.getMessage().contains("missing.bin"), e.getMessage());
    }

    /**
     * An M5-shaped slice (280 series x 1941 days, 2 numeric + 2 categorical): round-trips larger
     * than the 1 MiB I/O buffer. Timing is measured by hand (see the report), not asserted.
     */
    @Test
    void roundTripsAPanelLargerThanTheBuffer() throws IOException {
        Panel panel = syntheticPanel(280, 1941, 2, 2);
        Path file = tmp.resolve("big.bin");
        PanelCodec.write(panel, file);
        assertSamePanel(panel, PanelCodec.read(file));
    }

    static Panel syntheticPanel(int series, int length, int numericCount, int categoricalCount) {
        Random rnd = new Random(42);
        int rows = series * length;
        String[] ids = new String[series];
        int[] offsets = new int[series + 1];
        int[] periods = new int[rows];
        double[] target = new double[rows];
        for (int s = 0; s < series; s++) {
            ids[s] = "ITEM_" + s;
            offsets[s + 1] = offsets[s] + length;
            for (int i = 0; i < length; i++) {
                periods[s * length + i] = i;
                target[s * length + i] = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(20);
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (int c = 0; c < numericCount; c++) {
            numeric.put("num" + c, rnd.doubles(rows).toArray());
        }
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (int c = 0; c < categoricalCount; c++) {
            categorical.put("cat" + c, new Categorical(rnd.ints(rows, -1, 5).toArray(), List.of("a", "b", "c", "d", "e")));
        }
        String[] store = new String[series];
        Arrays.setAll(store, s -> "store_" + (s % 10));
        return new Panel(new TimeAxis(Frequency.DAILY, LocalDate.of(2011, 1, 29)), ids, offsets, periods, target,
                numeric, categorical, Map.of("store_id", store));
    }
}
