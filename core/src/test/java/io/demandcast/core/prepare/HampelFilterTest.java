package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HampelFilterTest {

    @Test
    void bandIsMedianPlusMinusScaledMad() {
        double[] y = {1, 1, 2, 1, 50, 1, 2, 1, 1};
        double[] lo = new double[9];
        double[] hi = new double[9];
        double[] mid = new double[9];
        new HampelFilter(2, 3).bands(y, 0, 9, lo, hi, mid);
        // window of index 4: 2,1,50,1,2 -> median 2; |deviations| 0,1,48,1,0 -> MAD 1
        assertEquals(2.0, mid[4]);
        assertEquals(2 - 3 * 1.4826, lo[4], 1e-12);
        assertEquals(2 + 3 * 1.4826, hi[4], 1e-12);
        // window of index 3: 1,2,1,50,1 -> median 1, MAD 0: no decision, but a typical value
        assertEquals(1.0, mid[3]);
        assertTrue(Double.isNaN(lo[3]) && Double.isNaN(hi[3]));
    }

    @Test
    void windowIsCutShortAtTheEdgesAndSkipsNaN() {
        double[] y = {10, Double.NaN, 14, 20};
        double[] lo = new double[4];
        double[] hi = new double[4];
        double[] mid = new double[4];
        new HampelFilter(1, 2).bands(y, 0, 4, lo, hi, mid);
        // index 0: window 10, NaN -> {10}; index 2: {NaN,14,20} -> {14,20}, median 17, MAD 3
        assertEquals(10.0, mid[0]);
        assertEquals(17.0, mid[2]);
        assertEquals(17 + 2 * 1.4826 * 3, hi[2], 1e-12);
    }

    @Test
    void intermittentZerosGiveNoDecision() {
        double[] y = {0, 0, 0, 5, 0, 0, 0};
        double[] lo = new double[7];
        double[] hi = new double[7];
        double[] mid = new double[7];
        new HampelFilter(3, 3).bands(y, 0, 7, lo, hi, mid);
        for (int i = 0; i < 7; i++) {
            assertTrue(Double.isNaN(hi[i]), "index " + i);
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new HampelFilter(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new HampelFilter(2, 0));
    }
}
