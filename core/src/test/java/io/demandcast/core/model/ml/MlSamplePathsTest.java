package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.SamplePaths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FittedMlModel#samplePaths}: a bootstrap of the step models' in-sample residuals. */
class MlSamplePathsTest {
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());

    /** A weekly pattern times a level per series, with noise so the residuals have a spread. */
    private static double noisy(int s, int t) {
        return MlForecastTest.seasonal(s, t) + new SplittableRandom(31L * s + t).nextGaussian() * 3;
    }

    private static double[][][] simulate(FittedMlModel model, int h, int paths, long seed, String[] methods) {
        double[][][] out = new double[model.seriesIds().size()][][];
        model.samplePaths(new ForecastRequest(h), null, paths, seed, (s, p) -> {
            out[s] = p.values();
            methods[s] = p.method();
        });
        return out;
    }

    private static double quantile(double[] v, double p) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    /**
     * Recursive: the first step's draws are the point plus the residual grid at uniform levels, so
     * their quantiles are the forecast's residual quantiles of step 1; later steps spread wider.
     */
    @Test
    void recursivePathsStartFromTheResidualQuantilesAndWiden() {
        Panel panel = TestPanels.daily(3, 150, MlSamplePathsTest::noisy, Map.of(), Map.of());
        FittedMlModel model = (FittedMlModel) MlForecastTest.forecaster("ols", "{lags: [1, 7], rolling: [7]}", DAILY_7, new TestLearners()).fit(panel);
        String[] methods = new String[3];
        double[][][] paths = simulate(model, 7, 20_000, 5, methods);
        Forecast f = model.forecast(new ForecastRequest(7, 0.1, 0.9));
        for (int s = 0; s < 3; s++) {
            assertEquals("residual_bootstrap_recursive", methods[s]);
            double[] first = Arrays.stream(paths[s]).mapToDouble(p -> p[0]).toArray();
            double spread = f.quantile(1, s, 0) - f.quantile(0, s, 0);
            assertTrue(spread > 1, "noisy data has residual spread: " + spread);
            assertEquals(f.quantile(0, s, 0), quantile(first, 0.1), 0.05 * spread, "q0.1 at step 1");
            assertEquals(f.quantile(1, s, 0), quantile(first, 0.9), 0.05 * spread, "q0.9 at step 1");
            double[] last = Arrays.stream(paths[s]).mapToDouble(p -> p[6]).toArray();
            assertTrue(quantile(last, 0.9) - quantile(last, 0.1) > spread, "errors propagate through the lags");
        }
        assertTrue(Arrays.deepEquals(paths, simulate(model, 7, 20_000, 5, methods)), "reproducible with a seed");
    }

    @Test
    void directPathsAreThePointsPlusEachStepsResiduals() {
        Panel panel = TestPanels.daily(2, 150, MlSamplePathsTest::noisy, Map.of(), Map.of());
        FittedMlModel model = (FittedMlModel) MlForecastTest.forecaster("ols", "{lags: [7], strategy: direct}", DAILY_7.withHorizon(3),
                new TestLearners()).fit(panel);
        String[] methods = new String[2];
        double[][][] paths = simulate(model, 3, 20_000, 5, methods);
        Forecast f = model.forecast(new ForecastRequest(3, 0.1, 0.9));
        for (int s = 0; s < 2; s++) {
            assertEquals("residual_bootstrap_direct", methods[s]);
            for (int k = 0; k < 3; k++) {
                final int step = k;
                double[] v = Arrays.stream(paths[s]).mapToDouble(p -> p[step]).toArray();
                double spread = f.quantile(1, s, k) - f.quantile(0, s, k);
                assertEquals(f.quantile(1, s, k), quantile(v, 0.9), 0.05 * spread, "q0.9 at step " + (k + 1));
            }
        }
        SamplePaths simulating = model;
        try {
            simulating.samplePaths(new ForecastRequest(4), null, 10, 1, (s, p) -> { });
            throw new AssertionError("a direct model cannot simulate past its horizon");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("horizon of 3"), e.getMessage());
        }
    }
}
