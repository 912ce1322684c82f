package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionScoreTest {
    private static final double EPS = 1e-12;

    @Test
    void comparesStepToStepDirectionsFromTheLastTrainingValue() {
        double[] y = {12, 12, 11, 15, 16};
        double[] f = {11, 13, 13, 12, 14};
        // step 1: 12>10 up, 11>10 up (TP); 2: tie, 13>11 (FP); 3: down, tie (TN); 4: up, down (FN); 5: up, up (TP)
        DirectionScore d = DirectionScore.of(10, y, f);
        assertEquals(new DirectionScore(2, 1, 1, 1), d);
        assertEquals(3.0 / 5, d.accuracy(), EPS);
        assertEquals(2.0 / 3, d.precision(), EPS);
        assertEquals(2.0 / 3, d.recall(), EPS);
        assertEquals(2.0 / 3, d.f1(), EPS);
    }

    @Test
    void skipsStepsWithoutBothActuals() {
        // step 1 has no actual; step 2 has no previous actual; step 3: 6>5 up, 7>6 up
        DirectionScore d = DirectionScore.of(4, new double[] {Double.NaN, 5, 6}, new double[] {5, 6, 7});
        assertEquals(new DirectionScore(1, 0, 0, 0), d);
        // unknown last training value: step 1 skipped
        assertEquals(1, DirectionScore.of(Double.NaN, new double[] {1, 2}, new double[] {1, 2}).steps());
    }

    @Test
    void undefinedRatiosAreNaN() {
        DirectionScore flat = DirectionScore.of(5, new double[] {5, 5}, new double[] {5, 4});
        assertEquals(new DirectionScore(0, 0, 2, 0), flat);
        assertEquals(1.0, flat.accuracy(), EPS);
        assertTrue(Double.isNaN(flat.precision()));
        assertTrue(Double.isNaN(flat.recall()));
        assertTrue(Double.isNaN(flat.f1()));
        assertTrue(Double.isNaN(DirectionScore.EMPTY.accuracy()));
    }

    @Test
    void poolsCounts() {
        assertEquals(new DirectionScore(3, 1, 5, 2), new DirectionScore(1, 1, 2, 0).plus(new DirectionScore(2, 0, 3, 2)));
    }
}
