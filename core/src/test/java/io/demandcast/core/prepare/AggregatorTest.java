package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorTest {

    /** s0: Mon 2024-01-01 .. Tue 01-16 (target = day number 1..16); s1: Thu 01-04 .. Sun 01-14, all ones. */
    private static Panel daily() {
        int[] offsets = {0, 16, 27};
        int[] periods = new int[27];
        double[] target = new double[27];
        double[] price = new double[27];
        double[] snap = new double[27];
        int[] event = new int[27];
        Arrays.fill(event, Categorical.MISSING);
        for (int i = 0; i < 16; i++) {
            periods[i] = i;
            target[i] = i + 1;
            price[i] = i;
        }
        for (int i = 16; i < 27; i++) {
            periods[i] = i - 13;
            target[i] = 1;
            price[i] = 2;
        }
        snap[8] = 1;
        event[9] = 0;
        return new Panel(TestPanels.DAILY, new String[] {"a", "b"}, offsets, periods, target,
                Map.of("price", price, "snap", snap), Map.of("event_name_1", new Categorical(event, List.of("Easter"))),
                Map.of("store", new String[] {"x", "y"}));
    }

    @Test
    void rawTargetIsSummedLikeTheTarget() {
        Panel daily = daily();
        double[] raw = daily.targetColumn();
        raw[3] = 100;        // s0, week 0: a spike the treated target no longer has
        raw[20] = Double.NaN; // s1, week 1: missing, so the week's sum is missing too
        Panel w = Aggregator.aggregate(daily.withNumeric(OutlierTreatment.RAW_TARGET_COLUMN, raw), Frequency.WEEKLY);
        assertArrayEquals(new double[] {28, 77, 7}, w.targetColumn());
        assertArrayEquals(new double[] {28 - 4 + 100, 77, Double.NaN}, w.numericColumn(OutlierTreatment.RAW_TARGET_COLUMN),
                "summed, not averaged");
    }

    @Test
    void weeklySumsTargetAveragesCovariatesAndDropsIncompleteEdges() {
        Panel w = Aggregator.aggregate(daily(), Frequency.WEEKLY);
        assertEquals(new TimeAxis(Frequency.WEEKLY, LocalDate.of(2024, 1, 1)), w.axis());
        // s0: weeks 0 and 1 complete, week 2 has two days -> dropped; s1: week 0 starts on Thursday -> dropped
        assertArrayEquals(new int[] {0, 1, 1}, w.periodColumn());
        assertArrayEquals(new int[] {0, 2, 3}, w.offsets());
        assertArrayEquals(new double[] {28, 77, 7}, w.targetColumn());
        assertArrayEquals(new double[] {3, 10, 2}, w.numericColumn("price"));
        assertArrayEquals(new double[] {0, 1, 0}, w.numericColumn("snap"), "0/1 flags take the maximum");
        assertArrayEquals(new int[] {Categorical.MISSING, 0, Categorical.MISSING}, w.categorical("event_name_1").codes());
        assertEquals("y", w.staticValue("store", 1));
    }

    @Test
    void monthlyKeepsOnlyWholeMonths() {
        Panel p = new PanelBuilder(Frequency.DAILY, LocalDate.of(2024, 1, 1)).add("a", LocalDate.of(2024, 1, 30), ones(33)).build();
        Panel m = Aggregator.aggregate(p, Frequency.MONTHLY);
        assertEquals(LocalDate.of(2024, 1, 1), m.axis().anchor());
        assertArrayEquals(new int[] {1}, m.periodColumn());
        assertArrayEquals(new double[] {29}, m.targetColumn(), "February 2024 has 29 days");
    }

    @Test
    void weeksGoToTheMonthTheyStartIn() {
        Panel p = new PanelBuilder(Frequency.WEEKLY, LocalDate.of(2024, 1, 1)).add("a", 0, ones(9)).build();
        Panel m = Aggregator.aggregate(p, Frequency.MONTHLY);
        assertArrayEquals(new double[] {5, 4}, m.targetColumn());
    }

    @Test
    void monthlyToQuarterlyAnchorsOnCalendarQuarters() {
        Panel p = new PanelBuilder(Frequency.MONTHLY, LocalDate.of(2024, 2, 1)).add("a", 0, 1, 2, 3, 4, 5, 6).build();
        Panel q = Aggregator.aggregate(p, Frequency.QUARTERLY);
        assertEquals(LocalDate.of(2024, 1, 1), q.axis().anchor());
        // Feb, Mar (partial Q1, dropped); Apr-Jun = Q2; Jul (partial Q3, dropped)
        assertArrayEquals(new int[] {1}, q.periodColumn());
        assertArrayEquals(new double[] {3 + 4 + 5}, q.targetColumn());
    }

    @Test
    void refusesAFinerFrequency() {
        Panel p = new PanelBuilder(Frequency.WEEKLY, LocalDate.of(2024, 1, 1)).add("a", 0, 1, 2).build();
        assertThrows(IllegalArgumentException.class, () -> Aggregator.aggregate(p, Frequency.DAILY));
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }
}
