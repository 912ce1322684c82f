package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Panel#viewSeries}: a view shares the columns of the panel it is cut from, yet answers every
 * accessor exactly as the copy {@link Panel#sliceSeries} makes of the same rows would, views of views included.
 */
class PanelViewSeriesTest {
    @Test
    void aViewAnswersAsTheCopyOfTheSameRows() {
        Panel p = PanelSliceSeriesTest.panel(7, 40);
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Cut c = Cut.random(p.seriesCount(), random);
            Panel view = p.viewSeries(c.series, c.from, c.to);
            assertTrue(view.isView());
            assertSame(p.sliceSeries(c.series, c.from, c.to), view);
            // a view of the view against the copy of the copy
            Cut d = Cut.random(view.seriesCount(), random);
            assertSame(p.sliceSeries(c.series, c.from, c.to).sliceSeries(d.series, d.from, d.to), view.viewSeries(d.series, d.from, d.to));
            assertSame(p.sliceSeries(c.series, c.from, c.to).slice(10, 30), view.slice(10, 30));
            assertSame(p.sliceSeries(c.series, c.from, c.to).sliceSeries(d.series, d.from, d.to), view.sliceSeries(d.series, d.from, d.to));
        }
    }

    @Test
    void changingAViewGivesAPanelOfItsOwn() {
        Panel p = PanelSliceSeriesTest.panel(4, 12);
        Panel view = p.viewSeries(new int[] {2, 0}, new int[] {3, Integer.MIN_VALUE}, new int[] {9, 5});
        assertTrue(view.isView());
        assertFalse(p.isView());
        Panel copy = view.copy();
        assertFalse(copy.isView());
        assertSame(copy, view);
        double[] doubled = view.targetColumn();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        Panel changed = view.withTarget(doubled);
        assertFalse(changed.isView());
        assertArrayEquals(doubled, changed.targetColumn());
        assertArrayEquals(view.numericColumn("price"), changed.numericColumn("price"));
        assertSame(copy.withNumeric("x", doubled), view.withNumeric("x", doubled));
        assertSame(copy.withSeriesIds(new String[] {"a", "b"}), view.withSeriesIds(new String[] {"a", "b"}));
        assertSame(copy.withoutCategorical("event"), view.withoutCategorical("event"));
    }

    /** Every accessor of {@code actual} against {@code expected}. */
    static void assertSame(Panel expected, Panel actual) {
        assertEquals(expected.seriesIds(), actual.seriesIds());
        assertEquals(expected.rowCount(), actual.rowCount());
        assertArrayEquals(expected.offsets(), actual.offsets());
        assertArrayEquals(expected.periodColumn(), actual.periodColumn());
        assertArrayEquals(expected.targetColumn(), actual.targetColumn());
        assertEquals(expected.numericNames(), actual.numericNames());
        for (String name : expected.numericNames()) {
            assertArrayEquals(expected.numericColumn(name), actual.numericColumn(name), name);
            assertEquals(expected.hasMissing(name), actual.hasMissing(name));
        }
        assertEquals(expected.categoricalNames(), actual.categoricalNames());
        for (String name : expected.categoricalNames()) {
            assertArrayEquals(expected.categorical(name).codes(), actual.categorical(name).codes(), name);
            assertEquals(expected.categorical(name).levels(), actual.categorical(name).levels());
        }
        assertEquals(expected.staticNames(), actual.staticNames());
        assertEquals(expected.hasMissingTarget(), actual.hasMissingTarget());
        assertEquals(expected.isRegular(), actual.isRegular());
        assertEquals(expected.minPeriod(), actual.minPeriod());
        assertEquals(expected.maxPeriod(), actual.maxPeriod());
        for (int s = 0; s < expected.seriesCount(); s++) {
            for (String name : expected.staticNames()) {
                assertEquals(expected.staticValue(name, s), actual.staticValue(name, s));
            }
            assertEquals(expected.rowStart(s), actual.rowStart(s));
            assertEquals(expected.rowEnd(s), actual.rowEnd(s));
            assertArrayEquals(expected.values(s), actual.values(s));
            assertArrayEquals(expected.periods(s), actual.periods(s));
            if (expected.length(s) > 0) {
                assertEquals(expected.firstPeriod(s), actual.firstPeriod(s));
                assertEquals(expected.lastPeriod(s), actual.lastPeriod(s));
            }
            for (String name : expected.numericNames()) {
                assertArrayEquals(expected.numericValues(name, s), actual.numericValues(name, s));
            }
            for (int r = expected.rowStart(s); r < expected.rowEnd(s); r++) {
                assertEquals(expected.period(r), actual.period(r));
                assertEquals(expected.target(r), actual.target(r));
                for (String name : expected.numericNames()) {
                    assertEquals(expected.numeric(name, r), actual.numeric(name, r));
                }
            }
        }
    }

    /** Random series (some left out, shuffled) each with a random period range. */
    private record Cut(int[] series, int[] from, int[] to) {
        static Cut random(int n, Random random) {
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                order.add(s);
            }
            Collections.shuffle(order, random);
            int k = random.nextInt(n + 1);
            int[] series = new int[k];
            int[] from = new int[k];
            int[] to = new int[k];
            for (int i = 0; i < k; i++) {
                series[i] = order.get(i);
                from[i] = random.nextInt(5) == 0 ? Integer.MIN_VALUE : random.nextInt(60) - 5;
                to[i] = random.nextInt(5) == 0 ? Integer.MAX_VALUE : random.nextInt(60) - 5;
            }
            return new Cut(series, from, to);
        }
    }
}
