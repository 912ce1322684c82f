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
}
