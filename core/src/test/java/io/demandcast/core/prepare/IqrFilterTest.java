package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IqrFilterTest {

    @Test
    void fencesFromType7Quartiles() {
        double[] y = {5, 1, 2, 3, 4, 100, 6, 7, 8};
        double[] lo = new double[9];
        double[] hi = new double[9];
        double[] mid = new double[9];
        new IqrFilter(1.5).bands(y, 0, 9, lo, hi, mid);
        // sorted 1..8,100: Q1 = 3, Q3 = 7, IQR 4, median 5
        assertEquals(3 - 6.0, lo[0]);
        assertEquals(7 + 6.0, hi[8]);
        assertEquals(5.0, mid[4]);
    }

    @Test
    void quantileInterpolates() {
        assertEquals(1.75, IqrFilter.quantile(new double[] {1, 2, 3, 4}, 4, 0.25), 1e-12);
        assertEquals(3.25, IqrFilter.quantile(new double[] {1, 2, 3, 4}, 4, 0.75), 1e-12);
    }

    @Test
    void zeroIqrGivesNoDecision() {
        double[] y = {0, 0, 0, 0, 3};
        double[] lo = new double[5];
        double[] hi = new double[5];
        double[] mid = new double[5];
        new IqrFilter(1.5).bands(y, 0, 5, lo, hi, mid);
        assertTrue(Double.isNaN(hi[4]));
        assertEquals(0.0, mid[4]);
    }
}
