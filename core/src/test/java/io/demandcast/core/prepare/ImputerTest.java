package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.config.PrepareConfig.Fill;
import org.junit.jupiter.api.Test;

class ImputerTest {
    private static final double N = Double.NaN;

    private static double[] fill(Fill rule, double... values) {
        double[] v = values.clone();
        Imputer.fill(v, 0, v.length, rule);
        return v;
    }

    @Test
    void zeroFillsEveryEmptyCell() {
        assertArrayEquals(new double[] {0, 1, 0, 3}, fill(Fill.zero, N, 1, N, 3));
    }

    @Test
    void ffillCarriesTheLastValueAndLeavesLeadingCellsEmpty() {
        assertArrayEquals(new double[] {N, 2, 2, 2, 5}, fill(Fill.ffill, N, 2, N, N, 5));
    }

    @Test
    void missingLeavesCellsEmpty() {
        double[] v = {N, 1};
        assertEquals(0, Imputer.fill(v, 0, 2, Fill.missing));
        assertArrayEquals(new double[] {N, 1}, v);
    }

    @Test
    void meanUsesTheObservedMean() {
        assertArrayEquals(new double[] {2, 4, 2, 0}, fill(Fill.mean, 2, 4, N, 0));
    }

    @Test
    void linearInterpolatesInsideAndHoldsTheEdges() {
        assertArrayEquals(new double[] {1, 1, 2, 3, 4, 4}, fill(Fill.linear, N, 1, N, N, 4, N));
    }

    @Test
    void countsOnlyCellsThatGotAValue() {
        double[] v = {N, 2, N};
        assertEquals(1, Imputer.fill(v, 0, 3, Fill.ffill));
    }

    @Test
    void staysWithinItsSegment() {
        double[] v = {5, N, N, 7};
        assertEquals(0, Imputer.fill(v, 2, 4, Fill.ffill), "the 5 before the segment is not seen");
        assertArrayEquals(new double[] {5, N, N, 7}, v);
        assertEquals(2, Imputer.fill(v, 0, 3, Fill.ffill));
        assertArrayEquals(new double[] {5, 5, 5, 7}, v);
    }

    @Test
    void allEmptySegmentStaysEmptyExceptForZero() {
        assertArrayEquals(new double[] {N, N}, fill(Fill.mean, N, N));
        assertArrayEquals(new double[] {N, N}, fill(Fill.linear, N, N));
        assertArrayEquals(new double[] {0, 0}, fill(Fill.zero, N, N));
    }
}
