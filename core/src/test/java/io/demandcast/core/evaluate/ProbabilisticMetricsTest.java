package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.evaluate.ProbabilisticMetrics.CentralInterval;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

class ProbabilisticMetricsTest {
    private static final double EPS = 1e-12;
    private static final double NaN = Double.NaN;

    @Test
    void pinballByHand() {
        double[] y = {10, 4, NaN, 7};
        double[] q = {8, 5, 100, 7};
        // tau 0.9: 0.9*(10-8) = 1.8; 0.1*(5-4) = 0.1; missing actual skipped; y = q gives 0 -> 1.9 / 3
        assertEquals(1.9 / 3, ProbabilisticMetrics.pinball(y, q, 0.9), EPS);
        // tau 0.25: 0.25*2 = 0.5; 0.75*1 = 0.75; 0 -> 1.25 / 3
        assertEquals(1.25 / 3, ProbabilisticMetrics.pinball(y, q, 0.25), EPS);
        // the median's pinball loss is half the MAE: |1-2| and |3-2| -> 0.5
        assertEquals(0.5, ProbabilisticMetrics.pinball(new double[] {1, 3}, new double[] {2, 2}, 0.5), EPS);
    }

    @Test
    void pinballWithoutActualsIsNaN() {
        assertTrue(Double.isNaN(ProbabilisticMetrics.pinball(new double[] {NaN, NaN}, new double[] {1, 2}, 0.5)));
        assertTrue(Double.isNaN(ProbabilisticMetrics.pinball(new double[0], new double[0], 0.5)));
        // a non-finite quantile is fine where there is no actual to compare it with
        assertTrue(Double.isNaN(ProbabilisticMetrics.pinball(new double[] {NaN}, new double[] {NaN}, 0.5)));
    }

    @Test
    void pinballRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticMetrics.pinball(new double[] {1}, new double[] {1, 2}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticMetrics.pinball(new double[] {1}, new double[] {NaN}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticMetrics.pinball(new double[] {1}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticMetrics.pinball(new double[] {1}, new double[] {1}, 1));
    }

    @Test
    void crpsOfTwoLevels() {
        double[] y = {5, 0};
        double[][] q = {{2, 1}, {8, 3}};
        // tau 0.1: 0.1*3 = 0.3 and 0.9*1 = 0.9 -> 0.6; tau 0.9: 0.1*3 and 0.1*3 -> 0.3
        // crps = (2/2) * (0.6 + 0.3) = 0.9
        assertEquals(0.9, ProbabilisticMetrics.crps(y, q, new double[] {0.1, 0.9}), EPS);
    }

    @Test
    void crpsOfThreeLevels() {
        double[] y = {4, NaN};
        double[][] q = {{1, 0}, {3, 0}, {6, 0}};
        // tau 0.25: 0.25*3 = 0.75; tau 0.5: 0.5*1 = 0.5; tau 0.75: 0.25*2 = 0.5 -> (2/3) * 1.75
        assertEquals(3.5 / 3, ProbabilisticMetrics.crps(y, q, new double[] {0.25, 0.5, 0.75}), EPS);
        assertTrue(Double.isNaN(ProbabilisticMetrics.crps(new double[] {NaN}, new double[][] {{1}}, new double[] {0.5})));
    }

    @Test
    void crpsOfAPointForecastIsItsAbsoluteError() {
        // one level at the median: 2 * 0.5 * |y - f|, the CRPS of a point mass
        assertEquals(3.0, ProbabilisticMetrics.crps(new double[] {7}, new double[][] {{4}}, new double[] {0.5}), EPS);
    }

    @Test
    void crpsConvergesToTheExactScoreWithDenseLevels() {
        // N(0,1) observed at 0: CRPS = 2 phi(0) - 1/sqrt(pi) = 0.2336949... (Gneiting & Raftery 2007)
        int count = 200;
        double[] levels = new double[count];
        double[][] q = new double[count][];
        NormalDistribution normal = new NormalDistribution();
        for (int l = 0; l < count; l++) {
            levels[l] = (l + 0.5) / count;
            q[l] = new double[] {normal.inverseCumulativeProbability(levels[l])};
        }
        double exact = 2 / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI);
        assertEquals(exact, ProbabilisticMetrics.crps(new double[] {0}, q, levels), 1e-4);
    }

    @Test
    void crpsRejectsMismatchedLevels() {
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilisticMetrics.crps(new double[] {1}, new double[][] {{1}}, new double[] {0.1, 0.9}));
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilisticMetrics.crps(new double[] {1}, new double[0][], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilisticMetrics.crps(new double[] {1}, new double[][] {{1}, {2}}, new double[] {0.9, 0.1}));
    }

    @Test
    void centralIntervalsPairMirroredLevels() {
        assertEquals(List.of(new CentralInterval(1, 3, 1 - 2 * 0.1), new CentralInterval(0, 4, 1 - 2 * 0.05)),
                ProbabilisticMetrics.centralIntervals(new double[] {0.05, 0.1, 0.5, 0.9, 0.95}));
        List<CentralInterval> intervals = ProbabilisticMetrics.centralIntervals(new double[] {0.05, 0.1, 0.5, 0.9, 0.95});
        assertEquals(0.8, intervals.get(0).nominal(), EPS);
        assertEquals(0.9, intervals.get(1).nominal(), EPS);
        assertEquals(List.of(), ProbabilisticMetrics.centralIntervals(new double[] {0.1, 0.5, 0.8}));
        assertEquals(List.of(), ProbabilisticMetrics.centralIntervals(new double[] {0.5}));
        // a pair need not be adjacent, and levels from arithmetic pair within the tolerance
        assertEquals(List.of(new CentralInterval(0, 2, 1 - 2 * 0.1)),
                ProbabilisticMetrics.centralIntervals(new double[] {0.1, 0.2, 0.9 + 1e-12}));
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticMetrics.centralIntervals(new double[] {0.9, 0.1}));
    }

    // Levels 0.1, 0.5, 0.9; the last period has no actual and is skipped everywhere.
    private final double[] levels = {0.1, 0.5, 0.9};
    private final double[] y = {9, 0, 8, NaN};
    private final double[][] q = {{2, 0, 6, 1}, {4, 1, 7, 2}, {8, 3, 8, 3}};

    @Test
    void scoreByHand() {
        ProbabilisticScore score = ProbabilisticMetrics.score(y, q, levels, 2);
        assertEquals(3, score.n());
        // tau 0.1: 0.1*7 + 0 + 0.1*2 = 0.9; tau 0.5: 0.5*5 + 0.5*1 + 0.5*1 = 3.5; tau 0.9: 0.9*1 + 0.1*3 + 0 = 1.2
        assertEquals(0.3, score.levels().get(0).pinball(), EPS);
        assertEquals(3.5 / 3, score.levels().get(1).pinball(), EPS);
        assertEquals(0.4, score.levels().get(2).pinball(), EPS);
        assertEquals(0.15, score.levels().get(0).scaledPinball(), EPS);
        assertEquals(3.5 / 6, score.levels().get(1).scaledPinball(), EPS);
        assertEquals(0.9, score.levels().get(2).level(), EPS);
        // crps = (2/3) * (0.3 + 3.5/3 + 0.4) = 11.2 / 9
        assertEquals(11.2 / 9, score.crps(), EPS);
        assertEquals(11.2 / 18, score.scaledCrps(), EPS);
    }

    @Test
    void coverageCountsBothBoundsAsInside() {
        ProbabilisticScore.IntervalScore interval = ProbabilisticMetrics.score(y, q, levels, 2).intervals().get(0);
        // 9 > 8 is outside; 0 on the lower bound 0 and 8 on the upper bound 8 are inside
        assertEquals(0.8, interval.nominal(), EPS);
        assertEquals(2, interval.inside());
        assertEquals(3, interval.n());
        assertEquals(2.0 / 3, interval.coverage(), EPS);
        // widths 6, 3, 2 over the scored periods only (the unscored period's width 2 is left out)
        assertEquals(11.0 / 3, interval.meanWidth(), EPS);
        assertEquals(11.0 / 6, interval.scaledWidth(), EPS);
    }

    @Test
    void scaledValuesAreNaNWithoutAUsableScale() {
        for (double scale : new double[] {0, -1, NaN, Double.POSITIVE_INFINITY}) {
            ProbabilisticScore score = ProbabilisticMetrics.score(y, q, levels, scale);
            assertEquals(0.3, score.levels().get(0).pinball(), EPS);
            assertTrue(Double.isNaN(score.levels().get(0).scaledPinball()), "scale " + scale);
            assertTrue(Double.isNaN(score.scaledCrps()), "scale " + scale);
            assertTrue(Double.isNaN(score.intervals().get(0).scaledWidth()), "scale " + scale);
        }
    }

    @Test
    void scoreWithoutActuals() {
        ProbabilisticScore score = ProbabilisticMetrics.score(new double[] {NaN}, new double[][] {{1}, {2}, {3}}, levels, 1);
        assertEquals(0, score.n());
        assertTrue(Double.isNaN(score.crps()));
        assertTrue(Double.isNaN(score.intervals().get(0).coverage()));
        assertTrue(Double.isNaN(score.intervals().get(0).meanWidth()));
    }
}
