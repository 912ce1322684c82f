package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.DataConfig.Duplicates;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.config.SchemaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a planner has (issue 14, defects 7 and 14): read as their clean equivalent, or refused naming file and line. */
class PlannerFilesTest {
    @TempDir
    Path dir;

    private static final SchemaConfig SCHEMA = new SchemaConfig(List.of("series_id"), "date", "value", List.of("price"), null, null);
    private static final String CLEAN = """
            series_id,date,value,price
            a,2024-01-01,1.5,2
            a,2024-01-02,2,2
            b,2024-01-01,3,1.25
            b,2024-01-02,4,1.25
            """;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Panel read(Path file, DataFormat format, Duplicates duplicates) {
        return new PanelCsvReader(SCHEMA, null).with(format, duplicates).read(List.of(file));
    }

    private Panel read(String text, DataFormat format) throws IOException {
        return read(write("in.csv", text), format, Duplicates.error);
    }

    private static void assertSamePanel(Panel expected, Panel actual) {
        assertEquals(expected.seriesIds(), actual.seriesIds());
        assertEquals(expected.frequency(), actual.frequency());
        assertEquals(expected.axis(), actual.axis());
        for (int s = 0; s < expected.seriesCount(); s++) {
            assertArrayEquals(expected.periods(s), actual.periods(s));
            assertArrayEquals(expected.values(s), actual.values(s));
        }
        assertArrayEquals(expected.numericValues("price", 0), actual.numericValues("price", 0));
        assertArrayEquals(expected.numericValues("price", 1), actual.numericValues("price", 1));
    }

    /**
     * Defect 14: Excel's "CSV UTF-8" (a byte-order mark, CRLF line ends) failed with
     * {@code missing column 'series_id' (found: series_id, …)}.
     */
    @Test
    void bomAndCrlfReadAsTheCleanFile() throws IOException {
        Panel clean = read(CLEAN, DataFormat.DEFAULT);
        assertSamePanel(clean, read("\uFEFF" + CLEAN.replace("\n", "\r\n"), DataFormat.DEFAULT));
    }

    /** Defect 14: semicolons with decimal commas, day-first and month-first dates, spaces around fields. */
    @Test
    void europeanAndAmericanExportsReadAsTheCleanFile() throws IOException {
        Panel clean = read(CLEAN, DataFormat.DEFAULT);
        assertSamePanel(clean, read("""
                series_id;date;value;price
                a;01/01/2024;1,5;2
                a;02/01/2024;2;2
                b;01/01/2024;3;1,25
                b;02/01/2024;4;1,25
                """, new DataFormat(";", ",", "dd/MM/yyyy")));
        assertSamePanel(clean, read("""
                series_id,date,value,price
                a,01/01/2024,1.5,2
                a,01/02/2024,2,2
                b,01/01/2024,3,1.25
                b,01/02/2024,4,1.25
                """, new DataFormat(null, null, "MM/dd/yyyy")));
        assertSamePanel(clean, read("""
                 series_id , date , value , price
                 a , 2024-01-01 , 1.5 , 2
                a,  2024-01-02,2 ,2
                b,2024-01-01,  3,1.25\t
                b , 2024-01-02 , 4 , 1.25
                """, DataFormat.DEFAULT));
    }

    /** Defect 14: the date format is echoed when a date does not parse; 31 February is refused, not moved. */
    @Test
    void badDateEchoesTheFormat() throws IOException {
        Path file = write("sales.csv", "series_id;date;value;price\na;01/01/2024;1;1\na;02/01/2024;1;1\na;31/02/2024;1;1\n");
        DataException e = assertThrows(DataException.class, () -> read(file, new DataFormat(";", ",", "dd/MM/yyyy"), Duplicates.error));
        assertEquals(file + ":4:2: column 'date': '31/02/2024' is not a date in dd/MM/yyyy", e.getMessage());
    }

    @Test
    void badDecimalNamesTheDecimalMark() throws IOException {
        Path file = write("sales.csv", "series_id;date;value;price\na;2024-01-01;1.5;1\n");
        DataException e = assertThrows(DataException.class, () -> read(file, new DataFormat(";", ",", null), Duplicates.error));
        assertTrue(e.getMessage().startsWith(file + ":2:3: column 'value': '1.5' is not a number with decimal mark ','"), e.getMessage());
        Path comma = write("comma.csv", "series_id,date,value,price\na,2024-01-01,\"1,5\",1\n");
        e = assertThrows(DataException.class, () -> read(comma, DataFormat.DEFAULT, Duplicates.error));
        assertTrue(e.getMessage().contains(":2:3: column 'value': '1,5' is not a number with decimal mark '.'; for decimal commas set data.format"),
                e.getMessage());
    }

    @Test
    void wrongDelimiterSaysWhichOneTheHeaderLooksLike() throws IOException {
        Path file = write("sales.csv", "series_id;date;value;price\na;2024-01-01;1;1\n");
        DataException e = assertThrows(DataException.class, () -> read(file, DataFormat.DEFAULT, Duplicates.error));
        assertTrue(e.getMessage().startsWith(file + ":1:2: missing column 'series_id'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("set data.format.delimiter: ';'"), e.getMessage());
    }

    /** Defect 7: Latin-1 bytes exited 1 with {@code I/O error: Input length = 1}, naming no file. */
    @Test
    void latin1BytesNameTheFileTheLineAndUtf8() throws IOException {
        StringBuilder text = new StringBuilder("series_id,date,value,price\n");
        for (int d = 1; d <= 3000; d++) {
            text.append("a,").append(LocalDate.of(2000, 1, 1).plusDays(d)).append(",1,1\n");
        }
        text.append("caf\u00e9,2024-01-01,1,1\n");
        Path file = write("latin1.csv", text.toString().getBytes(StandardCharsets.ISO_8859_1));
        DataException e = assertThrows(DataException.class, () -> read(file, DataFormat.DEFAULT, Duplicates.error));
        assertEquals(file + ":3002:4: not UTF-8 text (byte 0xE9); the file must be UTF-8 (save it as UTF-8, in Excel: \"CSV UTF-8\")",
                e.getMessage());
    }

    /** Defect 7: a binary file named {@code .csv}. */
    @Test
    void binaryFileNamesTheFile() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        Path file = write("image.csv", bytes);
        DataException e = assertThrows(DataException.class, () -> read(file, DataFormat.DEFAULT, Duplicates.error));
        assertTrue(e.getMessage().startsWith(file + ":1:1: not UTF-8 text"), e.getMessage());
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        Path empty = write("empty.csv", "");
        DataException e = assertThrows(DataException.class, () -> read(empty, DataFormat.DEFAULT, Duplicates.error));
        assertTrue(e.getMessage().startsWith(empty + ":1:1: empty file"), e.getMessage());
        Path header = write("header.csv", "series_id,date,value,price\n");
        e = assertThrows(DataException.class, () -> read(header, DataFormat.DEFAULT, Duplicates.error));
        assertTrue(e.getMessage().startsWith(header + ":2:1: no data rows"), e.getMessage());
    }

    /** Defect 14: duplicate (series, date) rows could not be summed, which transaction-level exports need. */
    @Test
    void duplicatesSumLastOrError() throws IOException {
        Path file = write("tx.csv", """
                series_id,date,value,price
                a,2024-01-01,1,2
                a,2024-01-02,2,
                a,2024-01-01,0.5,2
                b,2024-01-01,3,1.25
                b,2024-01-02,4,1.25
                a,2024-01-02,,2
                """);
        assertSamePanel(read(CLEAN, DataFormat.DEFAULT), read(file, DataFormat.DEFAULT, Duplicates.sum));
        Panel last = read(file, DataFormat.DEFAULT, Duplicates.last);
        assertEquals(0.5, last.values(0)[0]);
        assertTrue(Double.isNaN(last.values(0)[1]));
        DataException e = assertThrows(DataException.class, () -> read(file, DataFormat.DEFAULT, Duplicates.error));
        assertEquals(file + ":4:2: duplicate row for series 'a' on 2024-01-01 (first at " + file + ":2);"
                + " set data.duplicates: sum or last to combine such rows", e.getMessage());
    }

    @Test
    void sumRefusesCovariatesThatDisagree() throws IOException {
        Path file = write("tx.csv", "series_id,date,value,price\na,2024-01-01,1,2\na,2024-01-02,1,2\na,2024-01-01,1,3\n");
        DataException e = assertThrows(DataException.class, () -> read(file, DataFormat.DEFAULT, Duplicates.sum));
        assertTrue(e.getMessage().startsWith(file + ":4:4: column 'price' differs between rows of series 'a' in one period (also at "
                + file + ":2)"), e.getMessage());
    }

    /** Defect 14: month-end (or any day of the month) dates of monthly data, normalised to the month. */
    @Test
    void monthEndDatesReadAsTheFirstOfTheMonth() throws IOException {
        SchemaConfig plain = new SchemaConfig(null, null, null, null, null, null);
        Path firsts = write("m1.csv", "series_id,date,value\nx,2024-01-01,1\nx,2024-02-01,2\nx,2024-03-01,3\nx,2024-04-01,4\n");
        Path ends = write("m2.csv", "series_id,date,value\nx,2024-01-31,1\nx,2024-02-29,2\nx,2024-03-31,3\nx,2024-04-30,4\n");
        Panel clean = new PanelCsvReader(plain, null).read(List.of(firsts));
        Panel monthEnd = new PanelCsvReader(plain, null).read(List.of(ends));
        assertEquals(Frequency.MONTHLY, monthEnd.frequency());
        assertEquals(clean.axis(), monthEnd.axis());
        assertArrayEquals(clean.periods(0), monthEnd.periods(0));
        // Transaction dates within a month are one period: duplicates under the policy.
        Path tx = write("m3.csv", "series_id,date,value\nx,2024-01-03,0.5\nx,2024-01-20,0.5\nx,2024-02-11,2\nx,2024-03-31,3\nx,2024-04-02,4\n");
        Panel summed = new PanelCsvReader(plain, Frequency.MONTHLY).with(DataFormat.DEFAULT, Duplicates.sum).read(List.of(tx));
        assertArrayEquals(clean.values(0), summed.values(0));
        assertEquals(clean.axis(), summed.axis());
        DataException e = assertThrows(DataException.class, () -> new PanelCsvReader(plain, Frequency.MONTHLY).read(List.of(tx)));
        assertEquals(tx + ":3:2: duplicate row for series 'x' on 2024-01-20 (same month as 2024-01-03 at " + tx + ":2);"
                + " set data.duplicates: sum or last to combine such rows", e.getMessage());
        // Data on one day of the month keeps that day as the period label, as before.
        Path fifteenths = write("m4.csv", "series_id,date,value\nx,2024-01-15,1\nx,2024-02-15,2\n");
        assertEquals(LocalDate.of(2024, 1, 15), new PanelCsvReader(plain, null).read(List.of(fifteenths)).axis().anchor());
    }
}
