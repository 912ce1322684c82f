package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalesTest {
    private static final double EPS = 1e-12;

    @Test
    void maseScaleIsMeanAbsoluteLaggedDifference() {
        double[] x = {1, 3, 2, 5, 4};
        assertEquals(7.0 / 4, Scales.mase(x, 1), EPS);          // |2|,|-1|,|3|,|-1|
        assertEquals(5.0 / 3, Scales.mase(x, 2), EPS);          // |1|,|2|,|2|
    }

    @Test
    void constantOrShortTrainingHasNoUsableScale() {
        assertEquals(0.0, Scales.mase(new double[] {3, 3, 3}, 1), EPS);
        assertTrue(Double.isNaN(Scales.mase(new double[] {1, 2}, 12)), "shorter than one season plus one");
        assertEquals(0.0, Scales.rmsse(new double[] {3, 3, 3}, 1, ScaleStart.FIRST_VALUE), EPS);
    }

    @Test
    void rmsseScaleStartsAtFirstNonZeroValueWhenAsked() {
        double[] x = {0, 0, 1, 3, 2};
        assertEquals(Math.sqrt((4 + 1) / 2.0), Scales.rmsse(x, 1, ScaleStart.FIRST_NON_ZERO), EPS);
        assertEquals(Math.sqrt((0 + 1 + 4 + 1) / 4.0), Scales.rmsse(x, 1, ScaleStart.FIRST_VALUE), EPS);
        assertEquals(Math.sqrt((9 + 1) / 2.0), Scales.rmsse(new double[] {0, 1, 0, 4, 1}, 2, ScaleStart.FIRST_NON_ZERO), EPS);
        assertTrue(Double.isNaN(Scales.rmsse(new double[] {0, 0, 0}, 1, ScaleStart.FIRST_NON_ZERO)), "never on sale");
    }

    @Test
    void gapsAreSkipped() {
        double[] x = {1, Double.NaN, 3, 4};
        assertEquals(1.0, Scales.mase(x, 1), EPS);
        assertEquals(1.0, Scales.rmsse(x, 1, ScaleStart.FIRST_NON_ZERO), EPS);
    }

    @Test
    void rejectsLagBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scales.mase(new double[] {1}, 0));
        assertEquals("scaling lag (season length) must be >= 1 (got 0)", e.getMessage());
    }
}
