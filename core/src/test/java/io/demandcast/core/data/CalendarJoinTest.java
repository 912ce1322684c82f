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
}
