package io.demandcast.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The drift metrics on tiny data computed by hand. */
class MonitorMetricsTest {
    private static final double EPS = 1e-12;
    private static final double[] Y = {10, 12, 8, 0};
    private static final double[] F = {11, 10, 8, 1};
    private static final double[] SCALE = {2, 2, 4, 1};

    @Test
    void meanScaledError() {
        // |e|/scale = 0.5, 1, 0, 1 -> 2.5 / 4
        assertEquals(0.625, MonitorMetrics.meanScaledError(Y, F, SCALE), EPS);
    }

    @Test
    void errorRatioAgainstTheReferenceAtTheSameSteps() {
        // scaled errors sum 2.5; references 0.5 + 0.5 + 1 + NaN: the last pair has no reference and is left out
        double[] reference = {0.5, 0.5, 1, Double.NaN};
        assertEquals(1.5 / 2.0, MonitorMetrics.errorRatio(Y, F, SCALE, reference), EPS);
        assertTrue(Double.isNaN(MonitorMetrics.errorRatio(Y, F, SCALE, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})));
    }

    @Test
    void biasIsPooledAndRelative() {
        // Σ(f − y) = 1 − 2 + 0 + 1 = 0 ; over-forecast by 3 in total on Σ|y| = 30 -> 0.1
        assertEquals(0.0, MonitorMetrics.bias(Y, F), EPS);
        assertEquals(3.0 / 30, MonitorMetrics.bias(Y, new double[] {11, 13, 9, 0}), EPS);
        assertTrue(Double.isNaN(MonitorMetrics.bias(new double[] {0, 0}, new double[] {1, 2})), "no level to relate to");
    }

    @Test
    void coverageCountsActualsInsideTheBoundsInclusive() {
        double[] lower = {9, 12.5, 8, -1};
        double[] upper = {11, 14, 9, Double.NaN};
        // 10 in [9, 11] yes; 12 in [12.5, 14] no; 8 in [8, 9] yes (bound); last skipped (NaN bound) -> 2 of 3
        assertEquals(2.0 / 3, MonitorMetrics.coverage(Y, lower, upper), EPS);
    }

    @Test
    void instabilityIsTheScaledChangeBetweenConsecutiveRuns() {
        // 10 -> 12 -> 11 -> 11 with scale 2: changes 1, 0.5, 0
        assertArrayEquals(new double[] {1.5, 3}, MonitorMetrics.changes(new double[] {10, 12, 11, 11}, 2), EPS);
        assertArrayEquals(new double[] {0, 0}, MonitorMetrics.changes(new double[] {5}, 1), EPS);
    }

    @Test
    void statsOfAGroupCombineThem() {
        MonitorStats stats = new MonitorStats();
        double[] levels = {0.1, 0.5, 0.9};
        stats.addPair(10, 11, 2, 0.5, 1, levels, new double[] {9, 11, 11});
        stats.addPair(12, 10, 2, 0.5, 2, levels, new double[] {12.5, 10, 14});
        stats.addChanges(MonitorMetrics.changes(new double[] {10, 12}, 2));
        assertEquals(1.5 / 1.0, stats.errorRatio(), EPS);
        assertEquals(-1.0 / 22, stats.bias(), EPS);
        assertEquals(0.5, stats.coverage().get(0.8), EPS);
        assertEquals(1.0, stats.instability(), EPS);
        double[][] byStep = stats.byStep(3);
        assertArrayEquals(new double[] {0.5, 1, Double.NaN}, byStep[0], EPS);
        assertArrayEquals(new double[] {0.5, 0.5, Double.NaN}, byStep[1], EPS);
    }

    @Test
    void thresholdsSayWhichAndByHowMuch() {
        MonitorCheck ratio = MonitorCheck.atMost("monitor.max_error_ratio", "error_ratio", 2.25, 1.5);
        assertTrue(ratio.crossed());
        assertEquals("error_ratio 2.25 > max 1.5 (by 0.75; monitor.max_error_ratio)", ratio.line());
        MonitorCheck coverage = MonitorCheck.atLeast("monitor.coverage_tolerance", "coverage_80", 0.6, 0.7);
        assertTrue(coverage.crossed());
        assertEquals("coverage_80 0.6 < min 0.7 (by 0.1; monitor.coverage_tolerance)", coverage.line());
        assertTrue(!MonitorCheck.atMost("k", "instability", Double.NaN, 1).crossed(), "nothing measured: nothing crossed");
    }
}
