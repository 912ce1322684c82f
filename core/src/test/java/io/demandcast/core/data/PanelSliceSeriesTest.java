package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Panel#sliceSeries}: each chosen series cut to its own period range, rows, covariates and statics with it. */
class PanelSliceSeriesTest {
    /** Series with gaps in their periods (every third period absent in odd series), one numeric and one categorical column. */
    static Panel panel(int series, int length) {
        List<Integer> periods = new ArrayList<>();
        int[] offsets = new int[series + 1];
        String[] ids = new String[series];
        String[] store = new String[series];
        for (int s = 0; s < series; s++) {
            ids[s] = "s" + s;
            store[s] = "store" + s % 3;
            for (int p = s; p < s + length; p++) {
                if (s % 2 == 0 || p % 3 != 0) {
                    periods.add(p);
                }
            }
            offsets[s + 1] = periods.size();
        }
        int rows = periods.size();
        double[] target = new double[rows];
        double[] price = new double[rows];
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            target[r] = r * 0.5;
            price[r] = 100 + r;
            codes[r] = r % 2;
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("price", price);
        return new Panel(new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1)), ids, offsets,
                periods.stream().mapToInt(Integer::intValue).toArray(), target, numeric,
                Map.of("event", new Categorical(codes, List.of("none", "sale"))), Map.of("store", store));
    }

    @Test
    void cutsEachSeriesToItsOwnRangeAsARowByRowFilterWould() {
        Panel p = panel(7, 40);
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            java.util.Collections.shuffle(order, random);
            int k = random.nextInt(8);
            int[] series = new int[k];
            int[] from = new int[k];
            int[] to = new int[k];
            for (int i = 0; i < k; i++) {
                series[i] = order.get(i);
                from[i] = random.nextInt(5) == 0 ? Integer.MIN_VALUE : random.nextInt(60) - 5;
                to[i] = random.nextInt(5) == 0 ? Integer.MAX_VALUE : random.nextInt(60) - 5;
            }
            Panel cut = p.sliceSeries(series, from, to);
            assertEquals(k, cut.seriesCount());
            int row = 0;
            for (int i = 0; i < k; i++) {
                int s = series[i];
                assertEquals(p.seriesId(s), cut.seriesId(i));
                assertEquals(p.staticValue("store", s), cut.staticValue("store", i));
                assertEquals(row, cut.rowStart(i));
                for (int r = p.rowStart(s); r < p.rowEnd(s); r++) {
                    if (p.period(r) >= from[i] && p.period(r) <= to[i]) {
                        assertEquals(p.period(r), cut.period(row));
                        assertEquals(p.target(r), cut.target(row));
                        assertEquals(p.numeric("price", r), cut.numeric("price", row));
                        assertEquals(p.categorical("event").codes()[r], cut.categorical("event").codes()[row]);
                        row++;
                    }
                }
                assertEquals(row, cut.rowEnd(i), "series " + s + " from " + from[i] + " to " + to[i]);
            }
            assertEquals(row, cut.rowCount());
        }
    }

    @Test
    void rangesBetweenOrOutsideTheRowsKeepNothing() {
        Panel p = panel(2, 10); // s1: periods 1..10 without 3, 6, 9
        int[][] empty = {{3, 3}, {20, 30}, {5, 4}, {Integer.MIN_VALUE, 0}};
        for (int[] range : empty) {
            Panel cut = p.sliceSeries(new int[] {1, 0}, new int[] {range[0], 4}, new int[] {range[1], Integer.MAX_VALUE});
            assertArrayEquals(new int[] {0, 0, 6}, cut.offsets(), range[0] + ".." + range[1]);
            assertArrayEquals(new int[] {4, 5, 6, 7, 8, 9}, cut.periods(1));
        }
    }
}
