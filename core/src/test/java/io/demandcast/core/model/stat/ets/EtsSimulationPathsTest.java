package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.demandcast.core.model.stat.SeriesSimulation;
import io.demandcast.core.plan.EmpiricalLeadTimeDemand;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link EtsFit#simulation()}: paths of the state-space model against its closed forms. */
class EtsSimulationPathsTest {
    private static final int PATHS = 20_000;

    private static double[][] simulate(EtsFit fit, int h, long seed) {
        SeriesSimulation simulation = fit.simulation();
        assertNotNull(simulation);
        double[][] paths = new double[PATHS][h];
        simulation.simulate(new double[0], new SplittableRandom(seed), paths);
        return paths;
    }

    private static EtsFit fit(String code, int m, double alpha, double beta, double gamma, double phi, double[] state, double sigma2) {
        return new EtsFit(EtsModel.parse(code), m, alpha, beta, gamma, phi, state, state, sigma2, new EtsFit.Stats(100, 2, 0));
    }

    /**
     * ETS(A,N,N): {@code y(T+j) = l + alpha (e_1 + .. + e_{j-1}) + e_j}, so the sum over L steps has
     * mean {@code L l} and variance {@code sigma^2 sum_{j=1..L} (1 + (j-1) alpha)^2}.
     */
    @Test
    void annLeadTimeSumsMatchTheClosedForm() {
        double alpha = 0.3;
        double sigma = 2;
        EtsFit ann = fit("ANN", 1, alpha, 0, 0, 1, new double[] {20}, sigma * sigma);
        int lead = 7;
        double[][] paths = simulate(ann, lead, 9);
        EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(Arrays.stream(paths).mapToDouble(p -> Arrays.stream(p).sum()).toArray());
        double variance = 0;
        for (int j = 1; j <= lead; j++) {
            variance += Math.pow(1 + (j - 1) * alpha, 2);
        }
        double sd = sigma * Math.sqrt(variance);
        NormalDistribution closed = new NormalDistribution(lead * 20.0, sd);
        assertEquals(lead * 20.0, d.mean(), 4 * sd / Math.sqrt(PATHS));
        assertEquals(sd, d.standardDeviation(), 4 * sd / Math.sqrt(2.0 * PATHS));
        for (double p : new double[] {0.05, 0.5, 0.95, 0.99}) {
            double q = closed.inverseCumulativeProbability(p);
            assertEquals(q, d.quantile(p), 4 * Math.sqrt(p * (1 - p) / PATHS) / closed.density(q), "q" + p);
        }
    }

    /**
     * Every form with analytic moments (additive and multiplicative error, damped trend, additive and
     * multiplicative season): each step's simulated mean and sd are the fit's forecast mean and the
     * sd its normal quantiles imply, within Monte-Carlo error (the sd with 10 % slack for the
     * multiplicative-error forms, whose analytic variance R also takes as approximate).
     */
    @Test
    void pathMomentsAreTheForecastMomentsOfEveryForm() {
        double[] season = {2, -1, -3, 2};
        double[] mseason = {1.2, 0.9, 0.7, 1.2};
        EtsFit[] fits = {
            fit("AAdN", 1, 0.4, 0.1, 0, 0.9, new double[] {50, 1.5}, 4),
            fit("AAA", 4, 0.3, 0.05, 0.1, 1, new double[] {50, 1, season[0], season[1], season[2], season[3]}, 4),
            fit("MNN", 1, 0.2, 0, 0, 1, new double[] {40}, 0.01),
            fit("MAdM", 4, 0.3, 0.05, 0.1, 0.95, new double[] {40, 0.5, mseason[0], mseason[1], mseason[2], mseason[3]}, 0.005),
        };
        int h = 8;
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.9);
        for (EtsFit f : fits) {
            double[] mean = f.mean(h);
            var forecast = f.forecast(h, new double[] {0.1, 0.9});
            double[][] paths = simulate(f, h, 13);
            for (int k = 0; k < h; k++) {
                final int step = k;
                double[] v = Arrays.stream(paths).mapToDouble(p -> p[step]).toArray();
                double m = Arrays.stream(v).average().orElseThrow();
                double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
                double expectedSd = (forecast.quantiles()[1][k] - forecast.quantiles()[0][k]) / (2 * z);
                assertEquals(mean[k], m, 5 * expectedSd / Math.sqrt(PATHS), f.model().code() + " mean at step " + (k + 1));
                double slack = f.model().error() == EtsModel.Component.M ? 0.1 * expectedSd : 0;
                assertEquals(expectedSd, sd, 5 * expectedSd / Math.sqrt(2.0 * PATHS) + slack, f.model().code() + " sd at step " + (k + 1));
            }
        }
    }
}
