package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A partition's series travel as plain arrays and come back as the same panel. */
class SeriesBlockTest {
    private static Panel panel() {
        TimeAxis axis = new TimeAxis(Frequency.WEEKLY, LocalDate.of(2024, 1, 1));
        return new Panel(axis, new String[] {"a", "b", "c"}, new int[] {0, 2, 3, 6}, new int[] {0, 1, 5, 2, 3, 4},
                new double[] {1, Double.NaN, 3, 4, 5, 6}, Map.of("price", new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 1.0}),
                Map.of("event", new Categorical(new int[] {-1, 0, 1, -1, 0, 0}, List.of("x", "y"))),
                Map.of("store", new String[] {"S1", "S2", "S1"}));
    }

    @Test
    void theSelectedSeriesComeBackAsThePanelSelectingThemAfterJavaSerialization() throws Exception {
        Panel p = panel();
        SeriesBlock block = SeriesBlock.of(p, new int[] {2, 0});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(block); // what Spark's task serialization does with it
        }
        SeriesBlock shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (SeriesBlock) in.readObject();
        }
        Panel back = shipped.toPanel();
        Panel expected = p.select(new int[] {2, 0});
        assertEquals(List.of("c", "a"), back.seriesIds());
        assertEquals(expected.axis(), back.axis());
        assertArrayEquals(expected.offsets(), back.offsets());
        assertArrayEquals(expected.periodColumn(), back.periodColumn());
        assertArrayEquals(expected.targetColumn(), back.targetColumn());
        assertArrayEquals(expected.numericColumn("price"), back.numericColumn("price"));
        assertArrayEquals(expected.categorical("event").codes(), back.categorical("event").codes());
        assertEquals(List.of("x", "y"), back.categorical("event").levels());
        assertEquals("S1", back.staticValue("store", 0));
        assertEquals("S1", back.staticValue("store", 1));
    }

    @Test
    void partitionsBySeriesKeyHoldEverySeriesOnceAndByGroupOnePerValue() {
        Panel p = panel();
        List<Partitioning.Partition> byKey = Partitioning.byKey(p, 2);
        assertEquals(3, byKey.stream().mapToInt(x -> x.positions().length).sum());
        List<Partitioning.Partition> byStore = Partitioning.byGroup(p, "store");
        assertEquals(List.of("S1", "S2"), byStore.stream().map(Partitioning.Partition::key).toList());
        assertArrayEquals(new int[] {0, 2}, byStore.get(0).positions());
        assertArrayEquals(new int[] {1}, byStore.get(1).positions());
    }
}
