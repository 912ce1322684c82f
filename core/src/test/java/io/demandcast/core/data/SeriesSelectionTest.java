package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.config.SeriesFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesSelectionTest {
    private static final SchemaConfig PLAIN = new SchemaConfig(null, null, null, null, null, null);
    private static final SchemaConfig SAMPLE = new SchemaConfig(null, null, null, List.of("sell_price", "snap"),
            List.of("event_name_1", "event_type_1", "event_name_2", "event_type_2"), List.of("store_id", "cat_id"));

    /** Daily series d1, d2 and monthly series m1, m2, m3 in one file, as the M3 files mix frequencies. */
    private static final String MIXED = """
            series_id,date,value
            m1,2024-01-01,1
            d1,2024-01-01,1
            m1,2024-02-01,2
            d1,2024-01-02,2
            d2,2024-01-01,3
            m2,2024-01-01,4
            d2,2024-01-02,4
            m2,2024-02-01,5
            m3,2024-03-01,6
            m3,2024-04-01,7
            """;

    private static final String META = """
            series_id,frequency,category
            d1,daily,A
            d2,daily,B
            m1,monthly,A
            m2,monthly,B
            m3,monthly,A
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Where conditions in the order given: column, values, column, values... */
    private static Map<String, List<String>> where(Object... columnThenValues) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (int i = 0; i < columnThenValues.length; i += 2) {
            where.put((String) columnThenValues[i], List.of(((String) columnThenValues[i + 1]).split(",")));
        }
        return where;
    }

    private Panel read(SeriesFilter filter, SchemaConfig schema, Path... files) {
        return new PanelCsvReader(schema, null, SeriesSelection.of(filter, schema)).read(List.of(files));
    }

    @Test
    void metaFileRowsPickTheSeriesBeforeTheFrequencyIsInferred() throws IOException {
        Path meta = write("meta.csv", META);
        Panel p = read(new SeriesFilter(null, meta.toString(), null, Map.of("frequency", List.of("monthly"))), PLAIN,
                write("in.csv", MIXED));
        assertEquals(List.of("m1", "m2", "m3"), p.seriesIds());
        assertEquals(Frequency.MONTHLY, p.frequency(), "the daily rows were skipped, not parsed");
        Panel a = read(new SeriesFilter(null, meta.toString(), null,
                where("frequency", "monthly", "category", "A,C")), PLAIN, write("in.csv", MIXED));
        assertEquals(List.of("m1", "m3"), a.seriesIds(), "every where condition must hold");
    }

    @Test
    void idsAloneListTheSeries() throws IOException {
        Panel p = read(SeriesFilter.ofIds(List.of("d2", "d1")), PLAIN, write("in.csv", MIXED));
        assertEquals(List.of("d1", "d2"), p.seriesIds(), "file order, not list order");
        assertEquals(Frequency.DAILY, p.frequency());
    }

    @Test
    void whereWithoutAFileTestsTheDataStatics() {
        Path sales = Path.of("..", "sample-data", "sales.csv");
        Panel p = read(new SeriesFilter(null, null, null, where("store_id", "TX_1", "cat_id", "FOODS,HOBBIES")),
                SAMPLE, sales);
        assertEquals(List.of("FOODS_1_057_TX_1", "FOODS_2_352_TX_1", "FOODS_2_360_TX_1", "FOODS_3_586_TX_1", "FOODS_3_702_TX_1",
                "HOBBIES_1_157_TX_1", "HOBBIES_1_254_TX_1", "HOBBIES_2_015_TX_1"), p.seriesIds().stream().sorted().toList());
        for (int s = 0; s < p.seriesCount(); s++) {
            assertEquals("TX_1", p.staticValue("store_id", s));
        }
    }

    @Test
    void m3MetaSelectsThe1428MonthlySeries() {
        Path m3 = SharedData.folder("m3-competition");
        SeriesFilter monthly = new SeriesFilter(null, m3.resolve("meta.csv").toString(), null, Map.of("frequency", List.of("monthly")));
        Panel p = read(monthly, PLAIN, m3.resolve("train.csv"), m3.resolve("test.csv"));
        assertEquals(1428, p.seriesCount());
        assertEquals(Frequency.MONTHLY, p.frequency(), "inferred from the monthly series alone");
        Set<Integer> ends = new HashSet<>();
        for (int s = 0; s < p.seriesCount(); s++) {
            ends.add(p.lastPeriod(s));
        }
        assertTrue(ends.size() > 1, "M3 monthly is ragged: its series end on different dates");
    }

    @Test
    void aMissingMetaColumnNamesFileLineAndTheColumns() throws IOException {
        Path meta = write("meta.csv", META);
        DataException e = assertThrows(DataException.class, () -> SeriesSelection.of(
                new SeriesFilter(null, meta.toString(), null, Map.of("levl", List.of("1"))), PLAIN));
        assertEquals(meta + ":1: no column 'levl' (columns: series_id, frequency, category)", e.getMessage());
        e = assertThrows(DataException.class, () -> SeriesSelection.of(new SeriesFilter(null, meta.toString(), "sid", null), PLAIN));
        assertEquals(meta + ":1: no column 'sid' (columns: series_id, frequency, category)", e.getMessage());
    }

    @Test
    void badMetaRowsNameFileLineAndColumn() throws IOException {
        Path ragged = write("ragged.csv", "series_id,frequency\nm1,monthly\nm2\n");
        DataException e = assertThrows(DataException.class, () -> SeriesSelection.of(
                new SeriesFilter(null, ragged.toString(), null, null), PLAIN));
        assertEquals(ragged + ":3:2: expected 2 fields, found 1", e.getMessage());
        Path empty = write("empty-id.csv", "frequency,series_id\nmonthly,m1\nmonthly,\n");
        e = assertThrows(DataException.class, () -> SeriesSelection.of(new SeriesFilter(null, empty.toString(), null, null), PLAIN));
        assertEquals(empty + ":3:2: empty series id in column 'series_id'", e.getMessage());
        Path absent = dir.resolve("nope.csv");
        e = assertThrows(DataException.class, () -> SeriesSelection.of(new SeriesFilter(null, absent.toString(), null, null), PLAIN));
        assertEquals(absent + ": file not found (data.series.file)", e.getMessage());
    }

    @Test
    void aFilterThatSelectsNothingSaysSo() throws IOException {
        Path meta = write("meta.csv", META);
        DataException e = assertThrows(DataException.class, () -> SeriesSelection.of(
                new SeriesFilter(null, meta.toString(), null, where("frequency", "monthy", "category", "A")), PLAIN));
        assertEquals(meta + ": data.series selects no series: no row matches where frequency in [monthy] and category in [A];"
                + " column 'frequency' holds daily, monthly", e.getMessage());

        Path data = write("in.csv", MIXED);
        Path other = write("other.csv", "series_id\nx1\nx2\n");
        e = assertThrows(DataException.class, () -> read(new SeriesFilter(null, other.toString(), null, null), PLAIN, data));
        assertEquals("data.series (file " + other + ") selects none of the 5 series in " + data, e.getMessage());
    }

    @Test
    void listedIdsAbsentFromTheDataAreNamedUpToFive() throws IOException {
        Path data = write("in.csv", MIXED);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(
                SeriesFilter.ofIds(List.of("m1", "x7", "x2", "x3", "x1", "x5", "x6", "x4")), PLAIN, data));
        assertEquals("data.series.ids: 7 of the 8 listed series were not read from " + data + " (absent):"
                + " x1, x2, x3, x4, x5 and 2 more", e.getMessage());
        Path meta = write("meta.csv", META);
        e = assertThrows(InvalidConfigException.class, () -> read(
                new SeriesFilter(List.of("m1", "m2"), meta.toString(), null, Map.of("category", List.of("A"))), PLAIN, data));
        assertEquals("data.series.ids: 1 of the 2 listed series were not read from " + data
                + " (absent, or excluded by data.series.file): m2", e.getMessage());
    }

    @Test
    void whereWithoutAFileNeedsAStaticColumn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SeriesSelection.of(
                new SeriesFilter(null, null, null, Map.of("state", List.of("CA"))), SAMPLE));
        assertEquals("data.series.where: 'state' is not a static column of the data (data.schema.statics and data.attributes: [store_id, cat_id]);"
                + " without data.series.file, where tests static columns", e.getMessage());
    }
}
