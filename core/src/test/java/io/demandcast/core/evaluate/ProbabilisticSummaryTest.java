package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilisticSummaryTest {
    private static final double EPS = 1e-12;
    private static final double NaN = Double.NaN;
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    // A: as in ProbabilisticMetricsTest.scoreByHand: n 3, 2 inside the 80 % interval, mean width 11/3,
    // pinball 0.3 / 3.5/3 / 0.4, crps 11.2/9, scale 2.
    private final ProbabilisticScore a = ProbabilisticMetrics.score(new double[] {9, 0, 8, NaN},
            new double[][] {{2, 0, 6, 1}, {4, 1, 7, 2}, {8, 3, 8, 3}}, LEVELS, 2);
    // B: one period, y = 1 inside [0, 4], width 4; pinball 0.1*1 = 0.1, 0, 0.1*3 = 0.3; crps (2/3)*0.4;
    // scale 0, so no scaled values.
    private final ProbabilisticScore b = ProbabilisticMetrics.score(new double[] {1},
            new double[][] {{0}, {1}, {4}}, LEVELS, 0);

    @Test
    void coverageIsPooledNotAveraged() {
        ProbabilisticSummary summary = ProbabilisticSummary.of(List.of(a, b));
        ProbabilisticSummary.IntervalSummary interval = summary.intervals().get(0);
        assertEquals(0.8, interval.nominal(), EPS);
        // (2 + 1) / (3 + 1); the mean of the shares would be (2/3 + 1) / 2 = 0.833
        assertEquals(0.75, interval.coverage(), EPS);
        assertEquals(4, interval.n());
        // widths are means over the scores: (11/3 + 4) / 2; scaled only A's 11/6
        assertEquals(23.0 / 6, interval.meanWidth(), EPS);
        assertEquals(11.0 / 6, interval.meanScaledWidth(), EPS);
    }

    @Test
    void lossesAreMeansOverTheScoresWhereDefined() {
        ProbabilisticSummary summary = ProbabilisticSummary.of(List.of(a, b));
        assertEquals(2, summary.scores());
        assertEquals(4, summary.n());
        assertEquals(1, summary.scaledExcluded());
        assertEquals(0.1, summary.levels().get(0).level(), EPS);
        assertEquals((0.3 + 0.1) / 2, summary.levels().get(0).pinball(), EPS);
        assertEquals(0.15, summary.levels().get(0).scaledPinball(), EPS);
        assertEquals((3.5 / 3 + 0) / 2, summary.levels().get(1).pinball(), EPS);
        assertEquals((0.4 + 0.3) / 2, summary.levels().get(2).pinball(), EPS);
        // (11.2/9 + 2.4/9) / 2; scaled: A's 11.2/18 only
        assertEquals(13.6 / 18, summary.crps(), EPS);
        assertEquals(11.2 / 18, summary.scaledCrps(), EPS);
    }

    @Test
    void emptyInputGivesNaNs() {
        ProbabilisticSummary empty = ProbabilisticSummary.of(List.of());
        assertEquals(0, empty.n());
        assertEquals(0, empty.scores());
        assertTrue(Double.isNaN(empty.crps()));
        assertTrue(Double.isNaN(empty.scaledCrps()));
        assertEquals(List.of(), empty.levels());

        ProbabilisticSummary shaped = ProbabilisticSummary.of(List.of(), LEVELS);
        assertEquals(3, shaped.levels().size());
        assertTrue(Double.isNaN(shaped.levels().get(2).pinball()));
        ProbabilisticSummary.IntervalSummary interval = shaped.intervals().get(0);
        assertEquals(0, interval.n());
        assertTrue(Double.isNaN(interval.coverage()));
        assertTrue(Double.isNaN(interval.meanWidth()));
    }

    @Test
    void scoresWithOtherLevelsAreRejected() {
        ProbabilisticScore other = ProbabilisticMetrics.score(new double[] {1}, new double[][] {{0}, {2}},
                new double[] {0.1, 0.9}, 1);
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticSummary.of(List.of(a, other)));
    }
}
