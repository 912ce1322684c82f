package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.SchemaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCsvReaderTest {
    @TempDir
    Path dir;

    private static final SchemaConfig SCHEMA = new SchemaConfig(List.of("series_id"), "date", "value",
            List.of("price"), List.of("event"), List.of("store"));

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Panel read(String text) throws IOException {
        return new PanelCsvReader(SCHEMA, null).read(List.of(write("in.csv", text)));
    }

    private DataException failure(String text) throws IOException {
        Path file = write("bad.csv", text);
        return assertThrows(DataException.class, () -> new PanelCsvReader(SCHEMA, null).read(List.of(file)));
    }

    @Test
    void readsSortsAndInfersDailyFrequency() throws IOException {
        Panel p = read("""
                series_id,date,value,price,event,store
                b,2024-01-02,5,1.5,,S2
                a,2024-01-03,3,,Easter,S1
                a,2024-01-01,1,2.0,,S1
                b,2024-01-01,4,1.5,Easter,S2
                """);
        assertEquals(Frequency.DAILY, p.frequency());
        assertEquals(List.of("b", "a"), p.seriesIds());
        assertArrayEquals(new double[] {4, 5}, p.values(0));
        assertArrayEquals(new double[] {1, 3}, p.values(1));
        assertArrayEquals(new int[] {0, 2}, p.periods(1));
        assertTrue(Double.isNaN(p.numericValues("price", 1)[1]));
        assertEquals("Easter", p.categorical("event").level(p.rowStart(0)));
        assertEquals("S1", p.staticValue("store", 1));
        assertTrue(!p.isRegular());
    }

    @Test
    void infersMonthlyAndWeekly() throws IOException {
        SchemaConfig plain = new SchemaConfig(null, null, null, null, null, null);
        Panel monthly = new PanelCsvReader(plain, null).read(List.of(write("m.csv",
                "series_id,date,value\nx,2020-01-01,1\nx,2020-02-01,2\nx,2020-04-01,3\n")));
        assertEquals(Frequency.MONTHLY, monthly.frequency());
        assertArrayEquals(new int[] {0, 1, 3}, monthly.periods(0));
        Panel weekly = new PanelCsvReader(plain, null).read(List.of(write("w.csv",
                "series_id,date,value\nx,2020-01-06,1\nx,2020-01-13,2\n")));
        assertEquals(Frequency.WEEKLY, weekly.frequency());
        assertEquals(LocalDate.of(2020, 1, 13), weekly.axis().date(weekly.lastPeriod(0)));
    }

    @Test
    void concatenatesFilesAndJoinsCompositeKeys() throws IOException {
        SchemaConfig composite = new SchemaConfig(List.of("item", "store"), null, null, null, null, null);
        Path a = write("a.csv", "item,store,date,value\ni1,s1,2024-01-01,1\n");
        Path b = write("b.csv", "item,store,date,value\ni1,s1,2024-01-02,2\n");
        Panel p = new PanelCsvReader(composite, null).read(List.of(a, b));
        assertEquals(List.of("i1/s1"), p.seriesIds());
        assertArrayEquals(new double[] {1, 2}, p.values(0));
    }

    @Test
    void missingColumnNamesFileLineAndColumn() throws IOException {
        DataException e = failure("series_id,date,value,event,store\na,2024-01-01,1,,S\n");
        assertEquals(dir.resolve("bad.csv") + ":1:6: missing column 'price' (found: series_id, date, value, event, store)", e.getMessage());
    }

    @Test
    void unparsableDate() throws IOException {
        DataException e = failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,,S\na,2024-13-01,1,1,,S\n");
        assertEquals(dir.resolve("bad.csv") + ":3:2: column 'date': '2024-13-01' is not a date in yyyy-MM-dd"
                + " (set data.format.date_format for other patterns, e.g. dd/MM/yyyy)", e.getMessage());
    }

    @Test
    void nonNumericValue() throws IOException {
        DataException e = failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,,S\na,2024-01-02,1,cheap,,S\n");
        assertEquals(dir.resolve("bad.csv") + ":3:4: column 'price': 'cheap' is not a number", e.getMessage());
    }

    @Test
    void duplicateSeriesAndDate() throws IOException {
        DataException e = failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,,S\nb,2024-01-01,1,1,,S\na,2024-01-01,2,1,,S\n");
        assertEquals(dir.resolve("bad.csv") + ":4:2: duplicate row for series 'a' on 2024-01-01 (first at "
                + dir.resolve("bad.csv") + ":2); set data.duplicates: sum or last to combine such rows", e.getMessage());
    }

    @Test
    void dateOffTheFrequency() throws IOException {
        // Weekly dates are not moved to a week start (no week convention is assumed): another weekday is refused.
        SchemaConfig plain = new SchemaConfig(null, null, null, null, null, null);
        Path file = write("w.csv", "series_id,date,value\nx,2020-01-06,1\nx,2020-01-13,2\nx,2020-01-22,3\n");
        DataException e = assertThrows(DataException.class, () -> new PanelCsvReader(plain, null).read(List.of(file)));
        assertTrue(e.getMessage().startsWith(file + ":4:2: date 2020-01-22 does not fit weekly data"), e.getMessage());
    }

    @Test
    void shortRowAndChangingStatic() throws IOException {
        assertTrue(failure("series_id,date,value,price,event,store\na,2024-01-01,1\n").getMessage().contains(":2:4: expected 6 fields, found 3"));
        assertTrue(failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,,S\na,2024-01-02,1,1,,T\n")
                .getMessage().contains(":3:6: static column 'store' changes within series 'a'"));
    }

    @Test
    void missingFile() {
        DataException e = assertThrows(DataException.class,
                () -> new PanelCsvReader(SCHEMA, null).read(List.of(dir.resolve("nope.csv"))));
        assertEquals(dir.resolve("nope.csv") + ": file not found", e.getMessage());
    }

    @Test
    void readsTheRealM5TinyTrainFile() {
        Path folder = SharedData.folder("m5-tiny");
        SchemaConfig m5 = new SchemaConfig(null, null, null, List.of("sell_price", "snap"),
                List.of("event_name_1", "event_type_1"), null);
        Panel p = new PanelCsvReader(m5, Frequency.DAILY).read(List.of(folder.resolve("test_evaluation.csv")));
        assertEquals(280, p.seriesCount());
        assertEquals(280 * 28, p.rowCount());
        assertTrue(p.isRegular());
        assertEquals(LocalDate.of(2016, 6, 19), p.axis().date(p.maxPeriod()));
    }

    @Test
    void quotedFieldsWithDelimitersLineBreaksAndQuotesBomAndCrlf() throws IOException {
        Path file = dir.resolve("quoted.csv");
        String text = "\uFEFFseries_id,date,value,price,event,store\r\n"
                + "\"a,1\",2024-01-01, \"1.5\" ,2,\"Super \"\"Bowl\"\"\",\"S\r\n1\"\r\n"
                + "\r\n"
                + "\"a,1\",2024-01-02,2,,  \"x, y\"  ,\"S\r\n1\"\r\n"
                + "b,2024-01-01,\"3\",NA,NA,T";
        Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Panel p = new PanelCsvReader(SCHEMA, null).read(List.of(file));
        assertEquals(List.of("a,1", "b"), p.seriesIds());
        assertArrayEquals(new double[] {1.5, 2}, p.values(0));
        assertArrayEquals(new double[] {3}, p.values(1));
        assertEquals(2.0, p.numericValues("price", 0)[0]);
        assertEquals("Super \"Bowl\"", p.categorical("event").level(p.rowStart(0)));
        assertEquals("x, y", p.categorical("event").level(p.rowStart(0) + 1));
        assertEquals(null, p.categorical("event").level(p.rowStart(1)));
        assertEquals("S\r\n1", p.staticValue("store", 0));
        // Lines count the line breaks inside quoted stores and the empty line: the bad row is on line 8.
        Files.write(file, (text + "\r\nb,2024-01-02,x,1,,T\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DataException e = assertThrows(DataException.class, () -> new PanelCsvReader(SCHEMA, null).read(List.of(file)));
        assertEquals(file + ":8:3: column 'value': 'x' is not a number", e.getMessage());
    }

    @Test
    void malformedQuotingNamesFileLineAndColumn() throws IOException {
        DataException open = failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,\"Easter,S\n");
        assertEquals(dir.resolve("bad.csv") + ":2:5: malformed CSV: this quoted field has no closing quote before the end of the file",
                open.getMessage());
        DataException after = failure("series_id,date,value,price,event,store\na,2024-01-01,1,1,\"Easter\"x,S\n");
        assertTrue(after.getMessage().startsWith(dir.resolve("bad.csv") + ":2:5: malformed CSV: 'x' after the closing quote"), after.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] head = "series_id,date,value,price,event,store\na,2024-01-01,1,1,,S\na,2024-01-02,1,1,F".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 5);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = 't';
        bytes[head.length + 2] = 'e';
        bytes[head.length + 3] = ',';
        bytes[head.length + 4] = 'S';
        Files.write(file, bytes);
        DataException e = assertThrows(DataException.class, () -> new PanelCsvReader(SCHEMA, null).read(List.of(file)));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8 text (byte 0xE9)"), e.getMessage());
    }

    @Test
    void numbersParsedFromBytesAreTheDoublesParseDoubleGives() {
        CellFormat cells = CellFormat.DEFAULT;
        java.util.Random random = new java.util.Random(16);
        List<String> cases = new java.util.ArrayList<>(List.of("0", "-0", "5.", ".5", "-.25", "0.1", "123456789012345", "1234567890.12345",
                "9.99", "0.30000000000000004", "1e3", "+4", "007.50"));
        for (int i = 0; i < 20_000; i++) {
            String t = Long.toString(Math.floorMod(random.nextLong(), 1_000_000_000_000_000L) >> random.nextInt(60));
            int point = random.nextInt(t.length() + 1);
            cases.add((random.nextBoolean() ? "-" : "") + t.substring(0, point) + "." + t.substring(point));
        }
        for (String t : cases) {
            byte[] b = ("  " + t + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            double got = cells.number(b, 2, 2 + t.length(), "f", 1, 0, "v");
            assertEquals(Double.doubleToLongBits(Double.parseDouble(t)), Double.doubleToLongBits(got), t);
        }
        assertTrue(Double.isNaN(cells.number("NA".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 2, "f", 1, 0, "v")));
        DataException e = assertThrows(DataException.class,
                () -> cells.number("2,5".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 3, "f", 4, 2, "v"));
        assertTrue(e.getMessage().startsWith("f:4:3: column 'v': '2,5' is not a number with decimal mark '.'"), e.getMessage());
    }

    /** A file of {@code series} series over {@code days} days, rows interleaved by date (so every range holds every series). */
    private Path panelFile(String name, int series, int days, String lastLine) throws IOException {
        StringBuilder text = new StringBuilder("series_id,date,value,price,event,store\n");
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < series; s++) {
                String event = (d + s) % 11 == 0 ? "E" + (d % 5) : "";
                text.append("item").append(s).append(',').append(start.plusDays(d)).append(',').append((s * 7 + d) % 13 * 0.25)
                        .append(',').append(d % 3 == 0 ? "" : Double.toString(1 + s / 10.0)).append(',').append(event)
                        .append(",store").append(s % 3).append('\n');
            }
        }
        text.append(lastLine);
        return write(name, text.toString());
    }

    private static void assertSamePanel(Panel expected, Panel actual) {
        assertEquals(expected.seriesIds(), actual.seriesIds());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int s = 0; s < expected.seriesCount(); s++) {
            assertArrayEquals(expected.values(s), actual.values(s));
            assertArrayEquals(expected.periods(s), actual.periods(s));
            assertArrayEquals(expected.numericValues("price", s), actual.numericValues("price", s));
            assertEquals(expected.staticValue("store", s), actual.staticValue("store", s));
        }
        assertEquals(expected.categorical("event").levels(), actual.categorical("event").levels());
        assertArrayEquals(expected.categorical("event").codes(), actual.categorical("event").codes());
    }

    @Test
    void aFileReadInParallelRangesGivesWhatOneSequentialReadGives() throws IOException {
        Path file = panelFile("big.csv", 37, 120, "");
        Path later = write("later.csv", "series_id,date,value,price,event,store\nnew,2023-01-01,1,,late,store9\nitem3,2023-06-01,4,,,store0\n");
        Panel sequential = new PanelCsvReader(SCHEMA, null).withParallelism(1, Long.MAX_VALUE).read(List.of(file, later));
        for (int threads : new int[] {2, 3, 7}) {
            Panel parallel = new PanelCsvReader(SCHEMA, null).withParallelism(threads, 1).read(List.of(file, later));
            assertSamePanel(sequential, parallel);
        }
        assertEquals(38, sequential.seriesCount());
        assertTrue(sequential.categorical("event").levels().contains("late"));
    }

    @Test
    void aParallelReadThatMeetsAQuoteOrBadInputReadsSequentiallyAndSaysWhatASequentialReadSays() throws IOException {
        Path quoted = panelFile("quoted.csv", 20, 60, "item1,2023-03-02,2,,\"multi\nline\",store1\n");
        Panel sequential = new PanelCsvReader(SCHEMA, null).withParallelism(1, Long.MAX_VALUE).read(List.of(quoted));
        assertSamePanel(sequential, new PanelCsvReader(SCHEMA, null).withParallelism(4, 1).read(List.of(quoted)));
        assertEquals("multi\nline", sequential.categorical("event").level(sequential.rowStart(1) + 60));

        // Two errors in different ranges: the first line's is reported, as a sequential read reports it.
        Path bad = panelFile("bad.csv", 20, 60, "item1,2023-03-02,2,x,,store1\nitem2,2023-03-02,2,1,,store0\n");
        for (int threads : new int[] {1, 4}) {
            DataException e = assertThrows(DataException.class,
                    () -> new PanelCsvReader(SCHEMA, null).withParallelism(threads, 1).read(List.of(bad)));
            assertEquals(bad + ":1202:4: column 'price': 'x' is not a number", e.getMessage());
        }
        // A static that changes in a later range than the series' first row.
        Path changed = panelFile("changed.csv", 20, 60, "item2,2023-03-02,2,1,,store0\n");
        for (int threads : new int[] {1, 4}) {
            DataException e = assertThrows(DataException.class,
                    () -> new PanelCsvReader(SCHEMA, null).withParallelism(threads, 1).read(List.of(changed)));
            assertEquals(changed + ":1202:6: static column 'store' changes within series 'item2' ('store2' then 'store0')", e.getMessage());
        }
    }

    @Test
    void aSelectionByStaticsReadInParallelKeepsWhatASequentialReadKeeps() throws IOException {
        Path file = panelFile("sel.csv", 30, 50, "");
        SeriesSelection store1 = SeriesSelection.matching(id -> !id.equals("item4"));
        Panel sequential = new PanelCsvReader(SCHEMA, null, store1).withParallelism(1, Long.MAX_VALUE).read(List.of(file));
        Panel parallel = new PanelCsvReader(SCHEMA, null, store1).withParallelism(3, 1).read(List.of(file));
        assertSamePanel(sequential, parallel);
        assertEquals(29, parallel.seriesCount());
    }

    @Test
    void progressGetsAByteTaskPerFileAndItsRowsRead() throws IOException {
        Path file = panelFile("progress.csv", 10, 20, "");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
        io.demandcast.core.Progress progress = new io.demandcast.core.Progress() {
            @Override
            public void report(String message) {
                lines.add(message);
            }

            @Override
            public Task task(String name, long total) {
                lines.add("task " + name + " " + total);
                return new Task() {
                    @Override
                    public void step(long n) {
                        steps.addAndGet(n);
                    }

                    @Override
                    public void close() {
                        lines.add("closed " + name);
                    }
                };
            }
        };
        new PanelCsvReader(SCHEMA, null).withProgress(progress).withParallelism(2, 1).read(List.of(file));
        assertEquals("task read progress.csv (MB) 1", lines.get(0));
        assertEquals("closed read progress.csv (MB)", lines.get(1));
        assertTrue(lines.get(2).matches("read progress.csv: 200 rows in \\d+\\.\\d\\d s \\(\\d+\\.\\d\\d M rows/s\\)"), lines.get(2));
        assertEquals(3, lines.size(), lines.toString());
        // A file of under a megabyte is one step once read.
        assertEquals(1, steps.get());
    }

    @Test
    void anErrorFoundAfterTheReadNamesItsLineThoughRowsKeepNoLineNumbers() throws IOException {
        // Rows keep no line number: the message finds it by reading the file again, past empty lines,
        // rows of series not selected and ranges read in parallel, with LF or CRLF line ends.
        for (String end : new String[] {"\n", "\r\n"}) {
            Path file = panelFile("dup.csv", 20, 60, "\nitem3,2023-01-05,9,1,,store0\n");
            Files.writeString(file, Files.readString(file).replace("\n", end));
            for (SeriesSelection selection : new SeriesSelection[] {SeriesSelection.ALL, SeriesSelection.matching(id -> !id.equals("item0"))}) {
                for (int threads : new int[] {1, 4}) {
                    DataException e = assertThrows(DataException.class,
                            () -> new PanelCsvReader(SCHEMA, null, selection).withParallelism(threads, 1).read(List.of(write("first.csv",
                                    "series_id,date,value,price,event,store\nitem9,2022-12-31,1,1,,store0\n"), file)));
                    assertEquals(file + ":1203:2: duplicate row for series 'item3' on 2023-01-05 (first at " + file + ":85); set data.duplicates:"
                            + " sum or last to combine such rows", e.getMessage());
                }
            }
        }
    }

    @Test
    void aFileWithoutAFinalLineBreakOrWithEmptyLinesReadsAllItsRows() throws IOException {
        Path file = panelFile("end.csv", 20, 60, "\n\nitem0,2023-03-02,2,1,,store0");
        for (int threads : new int[] {1, 4}) {
            Panel p = new PanelCsvReader(SCHEMA, null).withParallelism(threads, 1).read(List.of(file));
            assertEquals(20 * 60 + 1, p.rowCount());
            assertEquals(2.0, p.values(0)[60]);
        }
    }
}
