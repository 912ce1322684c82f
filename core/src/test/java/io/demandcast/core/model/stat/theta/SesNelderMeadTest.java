package io.demandcast.core.model.stat.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.model.stat.ets.NashNelderMead;
import io.demandcast.core.model.stat.simple.Ses;
import java.util.Random;
import org.hipparchus.analysis.MultivariateFunction;
import org.junit.jupiter.api.Test;

class SesNelderMeadTest {
    private static final double LOWER = Ses.ETS_ALPHA_LOWER;
    private static final double UPPER = Ses.ETS_ALPHA_UPPER;
    private static final double TOL = Math.sqrt(Math.ulp(1.0));

    /** ets's ANN criterion as R computes it, one point at a time: the search the specialised one must reproduce. */
    private record Mse(double[] y) implements MultivariateFunction {
        @Override
        public double value(double[] p) {
            double alpha = p[0];
            if (alpha < LOWER || alpha > UPPER) {
                return Double.POSITIVE_INFINITY;
            }
            double level = p[1];
            double mse = 0;
            for (int t = 0; t < y.length; t++) {
                double e = y[t] - level;
                mse = (mse * t + e * e) / (t + 1);
                level += alpha * e;
            }
            return mse;
        }
    }

    private static void assertSameSearch(double[] y, double alpha0, double level0, int maxEvals, String what) {
        NashNelderMead.Result expected = NashNelderMead.minimise(new Mse(y), new double[] {alpha0, level0}, TOL, maxEvals);
        SesNelderMead.Result actual = SesNelderMead.minimise(y, LOWER, UPPER, alpha0, level0, TOL, maxEvals);
        // bit for bit: the forecasts follow where the search stops
        assertEquals(Double.doubleToRawLongBits(expected.point()[0]), Double.doubleToRawLongBits(actual.alpha()), what + " alpha");
        assertEquals(Double.doubleToRawLongBits(expected.point()[1]), Double.doubleToRawLongBits(actual.level0()), what + " l0");
        assertEquals(Double.doubleToRawLongBits(expected.value()), Double.doubleToRawLongBits(actual.value()), what + " value");
        assertEquals(expected.evaluations(), actual.evaluations(), what + " evaluations");
        double level = expected.point()[1];
        double sse = 0;
        for (double v : y) {
            double e = v - level;
            sse += e * e;
            level += expected.point()[0] * e;
        }
        assertEquals(Double.doubleToRawLongBits(sse), Double.doubleToRawLongBits(actual.sse()), what + " sse");
        assertEquals(Double.doubleToRawLongBits(level), Double.doubleToRawLongBits(actual.level()), what + " last level");
    }

    @Test
    void stopsWhereNashsSearchStopsOnVariedSeries() {
        Random rnd = new Random(16);
        for (int c = 0; c < 400; c++) {
            int n = 7 + rnd.nextInt(c % 4 == 0 ? 2000 : 120);
            double scale = Math.pow(10, rnd.nextInt(9) - 3);
            double[] y = new double[n];
            double level = scale * (1 + rnd.nextDouble());
            double trend = rnd.nextBoolean() ? scale * rnd.nextGaussian() * 0.01 : 0;
            boolean intermittent = c % 5 == 0;
            for (int t = 0; t < n; t++) {
                level += trend + scale * 0.1 * rnd.nextGaussian() * rnd.nextDouble();
                y[t] = intermittent ? (rnd.nextDouble() < 0.3 ? Math.round(scale * rnd.nextDouble() * 5) : 0)
                        : level + scale * 0.3 * rnd.nextGaussian();
            }
            double l0 = 0;
            for (int t = 0; t < Math.min(10, n); t++) {
                l0 += y[t];
            }
            l0 /= Math.min(10, n);
            assertSameSearch(y, LOWER + 0.2 * (UPPER - LOWER), l0, 2000, "series " + c);
        }
    }

    @Test
    void stopsWhereNashsSearchStopsAtEdges() {
        double alpha0 = LOWER + 0.2 * (UPPER - LOWER);
        assertSameSearch(new double[] {0, 0, 0, 0, 0, 0, 0, 0}, alpha0, 0, 2000, "zeros");
        assertSameSearch(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5}, alpha0, 5, 2000, "constant");
        assertSameSearch(new double[] {1, 100, 1, 100, 1, 100, 1, 100}, alpha0, 50.5, 2000, "alternating");
        double[] walk = new double[300];
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + (t % 7 == 0 ? 30 : -4);
        }
        // a random walk drives alpha to its upper bound; a small budget stops the search mid-way
        assertSameSearch(walk, alpha0, 0, 2000, "walk");
        assertSameSearch(walk, alpha0, 0, 12, "walk, 12 evaluations");
        assertSameSearch(new double[] {1e300, -1e300, 1e300, 1e300, 1, 2, 3, 4}, alpha0, 0, 2000, "overflow");
    }
}
