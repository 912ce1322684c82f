package io.demandcast.core.evaluate.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLogRegressionTest {
    private static final LogLogRegression OLS = new LogLogRegression(12);

    /** units = 100 · price^-2 · exp(0.5 deal) · lognormal noise; deals come with lower prices. */
    private static double[][] series(int n, long seed) {
        Random random = new Random(seed);
        double[] units = new double[n];
        double[] price = new double[n];
        double[] deal = new double[n];
        for (int t = 0; t < n; t++) {
            deal[t] = random.nextDouble() < 0.3 ? 1 : 0;
            price[t] = (deal[t] == 1 ? 1.5 : 2.0) * Math.exp(0.15 * random.nextGaussian());
            units[t] = 100 * Math.pow(price[t], -2) * Math.exp(0.5 * deal[t] + 0.1 * random.nextGaussian());
        }
        return new double[][] {units, price, deal};
    }

    @Test
    void recoversAKnownElasticityWithinItsInterval() {
        double[][] s = series(120, 1);
        SeriesElasticity e = OLS.fit("a", s[0], s[1], List.of(s[2]));
        assertTrue(e.estimable());
        assertEquals(120, e.n());
        assertTrue(e.lo() < -2 && -2 < e.hi(), "interval " + e.lo() + " .. " + e.hi());
        assertEquals(-2, e.elasticity(), 0.15);
        assertTrue(e.se() > 0 && e.se() < 0.1, "se " + e.se());
        assertTrue(e.significantlyNegative());
    }

    @Test
    void intervalCoversTheTrueValueAboutNinetyFivePercentOfTheTime() {
        int covered = 0;
        for (int seed = 0; seed < 400; seed++) {
            double[][] s = series(40, 100 + seed);
            SeriesElasticity e = OLS.fit("a", s[0], s[1], List.of(s[2]));
            covered += e.lo() <= -2 && -2 <= e.hi() ? 1 : 0;
        }
        // binomial(400, 0.95): sd 4.4 series; 0.95 ± 3 sd
        assertTrue(covered >= 367 && covered <= 393, "covered " + covered + " of 400");
    }

    @Test
    void theDealControlRemovesTheBiasOfDealsThatComeWithPriceCuts() {
        double[][] s = series(400, 2);
        double without = OLS.fit("a", s[0], s[1], List.of()).elasticity();
        double with = OLS.fit("a", s[0], s[1], List.of(s[2])).elasticity();
        assertTrue(without < -2.3, "without the control the deal's lift is read as price response: " + without);
        assertEquals(-2, with, 0.1);
    }

    @Test
    void zeroSalesAndMissingValuesAreLeftOut() {
        double[][] s = series(60, 3);
        s[0][0] = 0;
        s[0][1] = Double.NaN;
        s[1][2] = 0;
        s[2][3] = Double.NaN;
        SeriesElasticity e = OLS.fit("a", s[0], s[1], List.of(s[2]));
        assertEquals(56, e.n());
        assertTrue(e.estimable());
    }

    @Test
    void aConstantControlIsDroppedForThatSeries() {
        double[][] s = series(60, 4);
        double[] never = new double[60];
        SeriesElasticity with = OLS.fit("a", s[0], s[1], List.of(s[2], never));
        SeriesElasticity without = OLS.fit("a", s[0], s[1], List.of(s[2]));
        assertEquals(without.elasticity(), with.elasticity(), 1e-12);
        assertEquals(without.hi(), with.hi(), 1e-12);
    }

    @Test
    void notEstimableCasesSayWhy() {
        double[][] s = series(60, 5);
        SeriesElasticity few = OLS.fit("a", java.util.Arrays.copyOf(s[0], 11), java.util.Arrays.copyOf(s[1], 11), List.of());
        assertFalse(few.estimable());
        assertEquals("too few periods with units > 0 and price > 0 (11 < 12)", few.reason());
        assertTrue(Double.isNaN(few.elasticity()));

        double[] flat = new double[60];
        java.util.Arrays.fill(flat, 2.5);
        assertEquals("no price variation", OLS.fit("a", s[0], flat, List.of()).reason());

        // two price levels and a deal flag set exactly on the low one: deal and ln(price) are collinear
        double[] twoLevels = new double[60];
        double[] onLow = new double[60];
        for (int t = 0; t < 60; t++) {
            twoLevels[t] = t % 3 == 0 ? 1.5 : 2.0;
            onLow[t] = t % 3 == 0 ? 1 : 0;
        }
        SeriesElasticity collinear = OLS.fit("a", s[0], twoLevels, List.of(onLow));
        assertEquals("collinear columns (a control moves with price)", collinear.reason());
        assertEquals(60, collinear.n());
    }
}
