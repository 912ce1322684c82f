package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCsvTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("inventory.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsRequiredAndOptionalColumns() throws IOException {
        Inventory inv = InventoryCsv.read(file("""
                series_id,on_hand,on_order,lead_time,review_period,unit_cost,backorders,pack_size,min_order,fill_rate,note
                A,20,15,4,1,2.5,3,12,40,0.98,x
                B,0,0,7,7,,,,,,
                """));
        assertEquals(0, inv.idColumn());
        assertEquals(14, inv.longestProtection(), "B: 7 + 7");
        List<InventoryRow> rows = inv.rows();
        InventoryRow a = rows.get(0);
        assertEquals(32, a.inventoryPosition());
        assertEquals(12, a.packSize());
        assertEquals(40, a.minOrder());
        assertEquals(ServiceTarget.fillRate(0.98), a.target());
        assertEquals(2, a.line());
        InventoryRow b = rows.get(1);
        assertTrue(Double.isNaN(b.unitCost()));
        assertEquals(1, b.packSize());
        assertNull(b.target());
        assertEquals(ServiceTarget.cycleService(0.95), b.withDefaults(ServiceTarget.cycleService(0.95), 0.25).target());
    }

    @Test
    void namesFileLineAndColumnOfEachProblem() throws IOException {
        String header = "series_id,on_hand,on_order,lead_time,review_period\n";
        assertProblem("series_id,on_hand,lead_time,review_period\nA,1,2,1\n", ":1:1: no column 'on_order'");
        assertProblem(header + "A,1,2,1,1\nB,x,2,1,1\n", ":3:2: on_hand 'x' is not a number");
        assertProblem(header + "A,-1,2,1,1\n", ":2:2: on_hand must be a finite number >= 0 (got -1)");
        assertProblem(header + "A,1,2,0,1\n", ":2:4: lead_time must be a whole number of periods >= 1 (got 0)");
        assertProblem(header + "A,1,2,1.5,1\n", ":2:4: lead_time must be a whole number of periods >= 1 (got 1.5)");
        assertProblem(header + "A,1,2,1,0\n", ":2:5: review_period must be a whole number of periods >= 1 (got 0)");
        assertProblem(header + "A,1,2,1,1\nA,1,2,1,1\n", ":3:1: series 'A' is listed twice (first on line 2)");
        assertProblem(header + "A,1,,1,1\n", ":2:3: empty on_order; give a number >= 0");
        assertProblem("series_id,on_hand,on_order,lead_time,review_period,pack_size\nA,1,2,1,1,2.5\n",
                ":2:6: pack_size must be a whole number of units >= 1 (got 2.5)");
        assertProblem("series_id,on_hand,on_order,lead_time,review_period,service_level\nA,1,2,1,1,95\n",
                ":2:6: service level must be a share between 0 and 1, exclusive (got 95.0), e.g. 0.95");
        assertProblem("series_id,on_hand,on_order,lead_time,review_period,service_level,fill_rate\nA,1,2,1,1,0.9,0.9\n",
                ":2:7: give a service_level or a fill_rate for series 'A', not both");
        assertProblem(header, ":1:1: no rows");
    }

    @Test
    void namesASeriesTheModelDoesNotForecast() throws IOException {
        Inventory inv = InventoryCsv.read(file("on_hand,series_id,on_order,lead_time,review_period\n1,A,0,1,1\n2,Z,0,1,1\n"));
        DataException e = assertThrows(DataException.class, () -> inv.requireKnown(List.of("A", "B"), "m v1"));
        assertEquals(dir.resolve("inventory.csv") + ":3:2: series 'Z' is not one of the 2 series of model m v1; list only series the model forecasts",
                e.getMessage());
    }

    @Test
    void aMissingFileIsBadInput() {
        DataException e = assertThrows(DataException.class, () -> InventoryCsv.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().endsWith("nope.csv: no such inventory file"), e.getMessage());
    }

    private void assertProblem(String text, String expected) throws IOException {
        Path f = file(text);
        DataException e = assertThrows(DataException.class, () -> InventoryCsv.read(f));
        assertTrue(e.getMessage().startsWith(f + expected), e.getMessage());
    }
}
