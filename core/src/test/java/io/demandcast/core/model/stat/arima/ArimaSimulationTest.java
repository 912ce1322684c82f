package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.plan.EmpiricalLeadTimeDemand;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link ArimaSimulation}: sample paths against the closed forms of the model's forecast distribution. */
class ArimaSimulationTest {
    private static final int PATHS = 20_000;

    /** A model with fixed coefficients and sigma2, its state filtered through {@code y}. */
    private static ArimaModel model(ArimaOrder order, double[] coef, double sigma2, double[] y) {
        ArimaModel bare = new ArimaModel(order, coef, sigma2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                new double[0], new double[0], new double[0]);
        return bare.filter(y);
    }

    private static double[][] simulate(ArimaModel model, int h, long seed) {
        double[][] paths = new double[PATHS][h];
        new ArimaSimulation(model).simulate(new double[0], new SplittableRandom(seed), paths);
        return paths;
    }

    /**
     * A random walk from y_T: the sum over the next L steps has mean {@code L y_T} and variance
     * {@code sigma^2 L(L+1)(2L+1)/6}; the simulated sums' quantiles agree with that normal within
     * four Monte-Carlo standard errors of a sample quantile, {@code sqrt(p(1-p)/N) / f(q_p)}.
     */
    @Test
    void randomWalkLeadTimeSumsMatchTheClosedForm() {
        double sigma = 2;
        double[] y = {40, 43, 41, 45, 47, 50};
        ArimaModel rw = model(ArimaOrder.of(0, 1, 0), new double[0], sigma * sigma, y);
        for (int lead : new int[] {1, 7, 14}) {
            double[][] paths = simulate(rw, lead, 7);
            double[] sums = Arrays.stream(paths).mapToDouble(p -> Arrays.stream(p).sum()).toArray();
            EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(sums);
            double mean = lead * 50.0;
            double sd = sigma * Math.sqrt(lead * (lead + 1.0) * (2 * lead + 1) / 6);
            NormalDistribution closed = new NormalDistribution(mean, sd);
            assertEquals(mean, d.mean(), 4 * sd / Math.sqrt(PATHS), "mean of L=" + lead);
            assertEquals(sd, d.standardDeviation(), 4 * sd / Math.sqrt(2.0 * PATHS), "sd of L=" + lead);
            for (double p : new double[] {0.05, 0.5, 0.9, 0.95, 0.99}) {
                double q = closed.inverseCumulativeProbability(p);
                double se = Math.sqrt(p * (1 - p) / PATHS) / closed.density(q);
                assertEquals(q, d.quantile(p), 4 * se, "q" + p + " of L=" + lead);
            }
        }
    }

    /**
     * Seasonal ARIMA with a drawn initial state (an MA term leaves the state uncertain): each step's
     * simulated mean and sd are the Kalman forecast's, within Monte-Carlo error.
     */
    @Test
    void pathMomentsAreTheForecastsMomentsPerStep() {
        double[] y = new double[60];
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 3 * Math.sin(2 * Math.PI * t / 4) + 0.1 * t + r.nextGaussian();
        }
        ArimaOrder order = new ArimaOrder(1, 1, 1, 0, 1, 1, 4, false);
        ArimaModel model = model(order, new double[] {0.4, -0.3, -0.5}, 1.5, y);
        int h = 10;
        double[][] f = model.forecast(h);
        double[][] paths = simulate(model, h, 11);
        for (int k = 0; k < h; k++) {
            final int step = k;
            double[] v = Arrays.stream(paths).mapToDouble(p -> p[step]).toArray();
            double mean = Arrays.stream(v).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
            assertEquals(f[0][k], mean, 4 * f[1][k] / Math.sqrt(PATHS), "mean at step " + (k + 1));
            assertEquals(f[1][k], sd, 4 * f[1][k] / Math.sqrt(2.0 * PATHS), "sd at step " + (k + 1));
        }
    }

    @Test
    void theSameSeedGivesTheSamePaths() {
        ArimaModel rw = model(ArimaOrder.of(0, 1, 0), new double[0], 1, new double[] {1, 2, 3});
        double[][] a = new double[50][5];
        double[][] b = new double[50][5];
        new ArimaSimulation(rw).simulate(new double[0], new SplittableRandom(5), a);
        new ArimaSimulation(rw).simulate(new double[0], new SplittableRandom(5), b);
        for (int p = 0; p < a.length; p++) {
            assertArrayEquals(a[p], b[p]);
        }
    }
}
