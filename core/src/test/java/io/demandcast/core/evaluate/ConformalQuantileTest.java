package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConformalQuantileTest {
    // n = 9 scores, sorted: s(1) .. s(9)
    private static final double[] SORTED = {-2, -1, 0, 1, 3, 4, 5, 7, 9};

    @Test
    void orderStatisticsByHand() {
        // tau >= 0.5: rank ceil(10 tau); tau < 0.5: rank floor(10 tau)
        assertEquals(9, ConformalQuantile.of(SORTED, 0.9));   // ceil(9.0) = 9 -> s(9)
        assertEquals(7, ConformalQuantile.of(SORTED, 0.8));   // ceil(8.0) = 8 -> s(8)
        assertEquals(7, ConformalQuantile.of(SORTED, 0.75));  // ceil(7.5) = 8 -> s(8)
        assertEquals(3, ConformalQuantile.of(SORTED, 0.5));   // ceil(5.0) = 5 -> s(5)
        assertEquals(-1, ConformalQuantile.of(SORTED, 0.25)); // floor(2.5) = 2 -> s(2)
        assertEquals(-1, ConformalQuantile.of(SORTED, 0.2));  // floor(2.0) = 2 -> s(2)
        assertEquals(-2, ConformalQuantile.of(SORTED, 0.1));  // floor(1.0) = 1 -> s(1)
        // the plain empirical 0.8 quantile would interpolate to 5.8; the correction moves outward to 7
    }

    @Test
    void tooFewScoresFallBackToTheExtremes() {
        assertEquals(10, ConformalQuantile.correctedRank(9, 0.95)); // ceil(9.5) = 10 > n
        assertEquals(9, ConformalQuantile.rank(9, 0.95));
        assertEquals(9, ConformalQuantile.of(SORTED, 0.95));        // the maximum
        assertEquals(0, ConformalQuantile.correctedRank(9, 0.05));  // floor(0.5) = 0 < 1
        assertEquals(-2, ConformalQuantile.of(SORTED, 0.05));       // the minimum
        assertEquals(4.0, ConformalQuantile.of(new double[] {4}, 0.99));
    }

    @Test
    void minScoresIsWhereTheFallbackStops() {
        assertEquals(9, ConformalQuantile.minScores(0.9));
        assertEquals(9, ConformalQuantile.minScores(0.1));
        assertEquals(19, ConformalQuantile.minScores(0.95));
        assertEquals(19, ConformalQuantile.minScores(0.05));
        assertEquals(4, ConformalQuantile.minScores(0.8));
        assertEquals(1, ConformalQuantile.minScores(0.5));
        for (double tau : new double[] {0.005, 0.025, 0.165, 0.25, 0.3, 0.5, 0.6, 0.75, 0.835, 0.975, 0.995}) {
            int n = ConformalQuantile.minScores(tau);
            int rank = ConformalQuantile.correctedRank(n, tau);
            assertTrue(rank >= 1 && rank <= n, "tau " + tau + ": rank " + rank + " of " + n);
            if (n > 1) {
                int fewer = ConformalQuantile.correctedRank(n - 1, tau);
                assertTrue(fewer < 1 || fewer > n - 1, "tau " + tau + ": " + (n - 1) + " scores need no fallback");
            }
        }
    }

    @Test
    void lowerRuleMirrorsTheUpperOne() {
        // floor((n+1) tau) = n + 1 - ceil((n+1)(1 - tau)): the lower bound is the negated upper bound of -s
        for (int n = 1; n < 60; n++) {
            for (double tau : new double[] {0.05, 0.1, 0.165, 0.25, 0.4}) {
                assertEquals(n + 1 - ConformalQuantile.correctedRank(n, 1 - tau), ConformalQuantile.correctedRank(n, tau),
                        "n " + n + ", tau " + tau);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.correctedRank(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.rank(5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> ConformalQuantile.minScores(0));
    }
}
