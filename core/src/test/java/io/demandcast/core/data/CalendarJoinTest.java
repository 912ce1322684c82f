package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.CalendarConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarJoinTest {
    private static final LocalDate D = LocalDate.of(2024, 1, 1);

    @Test
    void joinsNumericAndTextColumnsOnDate(@TempDir Path dir) throws Exception {
        Path cal = dir.resolve("calendar.csv");
        Files.writeString(cal, "date,snap_CA,event_name_1\n2024-01-01,1,NewYear\n2024-01-02,0,\n");
        Panel panel = new PanelBuilder(Frequency.DAILY, D).add("a", D, 5, 6, 7).add("b", D.plusDays(1), 8).build();
        Panel joined = CalendarJoin.join(panel, new CalendarConfig(cal.toString(), null, List.of("snap_CA"), List.of("event_name_1")), cal);
        double[] snap = joined.numericColumn("snap_CA");
        assertArrayEquals(new double[] {1, 0, Double.NaN, 0}, snap);
        assertEquals("NewYear", joined.categorical("event_name_1").level(0));
        assertNull(joined.categorical("event_name_1").level(1));
    }

    @Test
    void badCellNamesFileLineColumn(@TempDir Path dir) throws Exception {
        Path cal = dir.resolve("calendar.csv");
        Files.writeString(cal, "date,snap_CA\n2024-01-01,yes\n");
        Panel panel = new PanelBuilder(Frequency.DAILY, D).add("a", D, 5).build();
        DataException e = assertThrows(DataException.class,
                () -> CalendarJoin.join(panel, new CalendarConfig(cal.toString(), null, List.of("snap_CA"), null), cal));
        assertTrue(e.getMessage().startsWith(cal + ":2:2: column 'snap_CA': 'yes' is not a number"), e.getMessage());
    }

    @Test
    void joinsOnAStaticKeyAndDateLeavingMissingCombinationsEmpty(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.csv");
        // store 5 has no row on 2024-01-02; store 9 is not in the data
        Files.writeString(prices, """
                store,week,date,price1,price2
                2,1,2024-01-01,1.5,2.5
                2,2,2024-01-02,1.6,
                5,1,2024-01-01,3.5,4.5
                9,1,2024-01-02,9,9
                """);
        Panel panel = new PanelBuilder(Frequency.DAILY, D).add("s2_b1", D, 5, 6).add("s5_b1", D, 7, 8).add("s2_b2", D.plusDays(1), 9)
                .build()
                .withStatic("store", new String[] {"2", "5", "2"});
        Panel joined = CalendarJoin.join(panel, new CalendarConfig(prices.toString(), null, "store", List.of("price1", "price2"),
                null, null, null), prices);
        assertArrayEquals(new double[] {1.5, 1.6, 3.5, Double.NaN, 1.6}, joined.numericColumn("price1"));
        assertArrayEquals(new double[] {2.5, Double.NaN, 4.5, Double.NaN, Double.NaN}, joined.numericColumn("price2"));
    }

    @Test
    void aKeyedJoinNeedsAStaticKeyAndUniqueKeyDates(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.csv");
        Files.writeString(prices, "store,date,price1\n2,2024-01-01,1\n2,2024-01-01,2\n");
        Panel panel = new PanelBuilder(Frequency.DAILY, D).add("a", D, 5).build();
        CalendarConfig byStore = new CalendarConfig(prices.toString(), null, "store", List.of("price1"), null, null, null);
        DataException e = assertThrows(DataException.class, () -> CalendarJoin.join(panel, byStore, prices));
        assertEquals(prices + ": join key 'store' is not a static column of the data (statics: []);"
                + " declare it in data.schema.statics or data.attributes", e.getMessage());
        Panel withStore = panel.withStatic("store", new String[] {"2"});
        e = assertThrows(DataException.class, () -> CalendarJoin.join(withStore, byStore, prices));
        assertEquals(prices + ":3:2: store '2' and date 2024-01-01 appear twice in the file", e.getMessage());
        e = assertThrows(DataException.class, () -> CalendarJoin.join(withStore,
                new CalendarConfig(prices.toString(), null, "store", List.of("store"), null, null, null), prices));
        assertEquals(prices + ": joined column 'store' clashes with a column of the data; drop one of them", e.getMessage());
    }
}
