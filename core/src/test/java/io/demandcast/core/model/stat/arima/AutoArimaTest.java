package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** auto ARIMA against R's {@code forecast::auto.arima} (forecast 8.20), and on degenerate data. */
class AutoArimaTest {

    private static ArimaModel auto(double[] y, int m) {
        return new AutoArima(AutoArima.Options.defaults(m)).fit(y);
    }

    private static void assertFinite(ArimaModel model, int h) {
        double[][] f = model.forecast(h);
        for (int i = 0; i < h; i++) {
            assertTrue(Double.isFinite(f[0][i]) && Double.isFinite(f[1][i]) && f[1][i] >= 0,
                    model + " step " + i + ": " + f[0][i] + " sd " + f[1][i]);
        }
    }

    @Test
    void airPassengersSelectsRsModel() {
        // auto.arima(AirPassengers): ARIMA(2,1,1)(0,1,0)[12], aicc 1018.165, sigma2 132.3447;
        // forecast(h = 24)$mean, and the 95% upper bound of steps 1 and 24
        ArimaModel m = auto(ArimaFixtures.airPassengers(), 12);
        assertEquals(new ArimaOrder(2, 1, 1, 0, 1, 0, 12, false), m.order());
        assertEquals(1018.165, m.aicc(), 1e-2);
        assertEquals(132.3447, m.sigma2(), 1e-2);
        double[][] f = m.forecast(24);
        double[] r = {445.6349014, 420.3949965, 449.1983163, 491.8399485, 503.3944798, 566.8624553, 654.2601816, 638.5974940,
            540.8837483, 494.1266279, 423.3327164, 465.5075841, 479.2908628, 454.1768576, 483.0870047, 525.8192809, 537.4507248,
            600.9839613, 688.4370624, 672.8213609, 575.1474834, 528.4241915, 457.6589839, 499.8582072};
        assertArrayEquals(r, f[0], 1e-2);
        assertEquals(468.1847498, f[0][0] + 1.959963985 * f[1][0], 1e-2);
        assertEquals(561.3468762, f[0][23] + 1.959963985 * f[1][23], 0.05);
    }

    @Test
    void wwwUsageSelectsRsModel() {
        // auto.arima(WWWusage): ARIMA(1,1,1), aicc 514.5521, sigma2 9.995325
        ArimaModel m = auto(ArimaFixtures.wwwUsage(), 1);
        assertEquals(ArimaOrder.of(1, 1, 1), m.order());
        assertEquals(514.5521, m.aicc(), 1e-3);
        assertEquals(9.995325, m.sigma2(), 1e-3);
        assertArrayEquals(new double[] {218.8804967, 218.1523987, 217.6788612, 217.3708838, 217.1705828, 217.0403117},
                Arrays.copyOf(m.forecast(6)[0], 6), 1e-3);
    }

    @Test
    void longSeriesUseTheCssApproximationAndRefitLikeR() {
        // auto.arima(nottem) (240 months > 150: CSS ranking, exact refit): ARIMA(1,0,2)(1,1,2)[12] with drift,
        // aicc 1049.621061; forecast 40.35892804 39.44869868 43.45911092 46.61631076 52.81297367 59.14793884
        ArimaModel m = auto(ArimaFixtures.numbers(ArimaFixtures.resource("nottem.txt")), 12);
        assertEquals(new ArimaOrder(1, 0, 2, 1, 1, 2, 12, true), m.order());
        assertEquals(1049.621061, m.aicc(), 0.01);
        assertArrayEquals(new double[] {40.35892804, 39.44869868, 43.45911092, 46.61631076, 52.81297367, 59.14793884},
                m.forecast(6)[0], 0.01);
    }

    static Stream<ArimaFixtures.M3Case> m3() {
        return ArimaFixtures.m3Sample().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("m3")
    void m3MonthlySeriesMatchR(ArimaFixtures.M3Case c) {
        ArimaModel m = auto(c.train(), 12);
        assertEquals(c.order(), m.order());
        assertEquals(c.aicc(), m.aicc(), 0.05);
        assertEquals(c.sigma2(), m.sigma2(), 0.01 * c.sigma2());
        double[] f = m.forecast(18)[0];
        for (int i = 0; i < 18; i++) {
            assertEquals(c.forecast()[i], f[i], 0.005 * Math.abs(c.forecast()[i]) + 1e-6, c.id() + " step " + (i + 1));
        }
    }

    @Test
    void constantAndZeroSeriesForecastTheirValueWithZeroWidth() {
        double[] constant = new double[30];
        Arrays.fill(constant, 4.5);
        ArimaModel m = auto(constant, 12);
        assertEquals(ArimaOrder.of(0, 0, 0).withConstant(), m.order());
        double[][] f = m.forecast(5);
        assertArrayEquals(new double[] {4.5, 4.5, 4.5, 4.5, 4.5}, f[0], 1e-12);
        assertArrayEquals(new double[5], f[1], 1e-12);
        double[][] zeros = auto(new double[50], 12).forecast(3);
        assertArrayEquals(new double[3], zeros[0], 0);
        assertArrayEquals(new double[3], zeros[1], 0);
    }

    @Test
    void emptyAndVeryShortSeriesFallBackToSimpleModels() {
        assertArrayEquals(new double[] {0, 0}, auto(new double[0], 12).forecast(2)[0], 0);
        assertArrayEquals(new double[] {7, 7}, auto(new double[] {7}, 12).forecast(2)[0], 0);
        for (double[] y : new double[][] {{1, 3}, {1, 3, 2}, {5, 1, 4, 2}, {10, 12, 9, 14, 11}}) {
            ArimaModel m = auto(y, 12);
            assertFinite(m, 12);
        }
    }

    @Test
    void singleNonZeroValueGivesFiniteForecasts() {
        double[] y = new double[40];
        y[17] = 25;
        assertFinite(auto(y, 12), 18);
        double[] last = new double[40];
        last[39] = 3;
        assertFinite(auto(last, 12), 18);
    }

    @Test
    void seriesShorterThanTwoSeasonsUsesNoSeasonalPart() {
        double[] y = new double[20];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + t * 0.5 + Math.sin(t) * 2;
        }
        ArimaModel m = auto(y, 12);
        assertEquals(0, m.order().seasonalP() + m.order().seasonalD() + m.order().seasonalQ(), m.toString());
        assertFinite(m, 18);
    }

    @Test
    void linearAndSeasonalPatternsAreForecastExactly() {
        // differenced data constant: auto.arima returns the drift model with the slope fixed
        double[] line = new double[24];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 2 * t;
        }
        ArimaModel m = auto(line, 1);
        assertEquals(ArimaOrder.of(0, 1, 0).withConstant(), m.order());
        assertArrayEquals(new double[] {51, 53, 55}, m.forecast(3)[0], 1e-9);
        double[] pattern = new double[36];
        for (int t = 0; t < pattern.length; t++) {
            pattern[t] = (t % 12) * 10 + 100;
        }
        assertArrayEquals(new double[] {100, 110, 120}, auto(pattern, 12).forecast(3)[0], 1e-9);
    }

    @Test
    void nonStepwiseSearchFindsAtLeastAsGoodAModel() {
        double[] y = ArimaFixtures.wwwUsage();
        AutoArima.Options all = new AutoArima.Options(1, 5, 5, 2, 2, 2, 1, false, true, AutoArima.Criterion.AICC);
        ArimaModel m = new AutoArima(all).fit(y);
        assertTrue(m.aicc() <= 514.5521 + 1e-6, m.toString());
    }

    @Test
    void randomWalkNoiseAndSpikyIntermittentDataStayFinite() {
        java.util.Random rnd = new java.util.Random(7);
        double[] walk = new double[120];
        double[] spiky = new double[120];
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + rnd.nextGaussian();
            spiky[t] = rnd.nextDouble() < 0.1 ? rnd.nextInt(50) : 0;
        }
        assertFinite(auto(walk, 12), 24);
        assertFinite(auto(spiky, 12), 24);
        assertFinite(auto(spiky, 7), 24);
    }
}
