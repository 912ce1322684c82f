package io.demandcast.core.model.stat.theta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.simple.RFixture;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizedThetaTest {
    private static final double[] Y = RFixture.read(OptimizedThetaTest.class, "thetaf_r.csv").get(2).get("y");

    private static double[] ab(double[] y) {
        int n = y.length;
        double b = Theta.slope(y);
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        return new double[] {mean - b * (n + 1) / 2.0, b};
    }

    @Test
    void leastSquaresBeatsTheStandardThetaAtEveryAlpha() {
        double[] x = ab(Y);
        for (double alpha : new double[] {0.1, 0.3, 0.5, 0.9}) {
            double[] est = OptimizedTheta.solve(Y, alpha, x[0], x[1]);
            assertTrue(est[1] >= 0 && est[1] < 1, "c in [0, 1): " + est[1]);
            // theta = 2 (c = 0.5) with any initial level fits no better
            for (double l0 : new double[] {est[0] - 100, est[0], est[0] + 100, Y[0]}) {
                assertTrue(est[2] <= OptimizedTheta.sse(Y, alpha, x[0], x[1], l0, 0.5)[0] + 1e-6);
            }
            assertEquals(est[2], OptimizedTheta.sse(Y, alpha, x[0], x[1], est[0], est[1])[0], 1e-6 * est[2]);
        }
    }

    @Test
    void multiStepForecastEqualsTheModelRecursion() {
        // iterate mu(t) and l(t) = alpha * mu(t) + (1-alpha) * l(t-1) past the data: the closed form must agree
        OptimizedTheta.Fit fit = new OptimizedTheta.Fit(120, 0.3, 80, 2.5, 0.6, 20, 4, null);
        SeriesForecast f = fit.forecast(5, new double[0]);
        double level = 120;
        for (int t = 21; t <= 25; t++) {
            double p = Math.pow(0.7, t - 1);
            double mu = level + 0.6 * (p * 80 + (1 - p * 0.7) / 0.3 * 2.5);
            assertEquals(mu, f.point()[t - 21], 1e-9);
            level = 0.3 * mu + 0.7 * level;
        }
    }

    @Test
    void edgeCasesRoundTripAndFamily(@TempDir Path dir) {
        SimpleTestSupport.assertFiniteOnEdgeCases(new OptimizedTheta(12));
        SimpleTestSupport.assertFiniteOnEdgeCases(new OptimizedTheta(7));
        SimpleTestSupport.assertRoundTrip(new OptimizedTheta(12), Y);
        ModelFamily family = ThetaFamilies.optimizedTheta();
        assertEquals("optimized_theta", family.name());
        SimpleTestSupport.assertFamilyRoundTrip(family, "{}", new ModelContext(Frequency.DAILY, 7), dir);
        assertArrayEquals(new double[] {5, 5}, new OptimizedTheta(12).fit(new double[] {5}).forecast(2, new double[0]).point(), 1e-12);
    }
}
