package io.demandcast.core.model.ml;

import static io.demandcast.core.model.ml.MlForecastTest.forecaster;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.Progress;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quantiles: loss} with the test learners, whose quantile regressors add a known shift to the
 * point regressor's prediction, so reading, interpolation, rearrangement and the back-transform are
 * checked exactly. {@link MlLossQuantilesLearnersTest} checks the real learners.
 */
class MlLossQuantilesTest {
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());

    @Test
    void eachQuantileRegressorReadsThePointModelsRowOnThePointPath() {
        // plus_one: the point grows by 1 a step; a quantile regressor adds shift(τ) to the point's row
        Panel panel = TestPanels.daily(2, 40, (s, t) -> 10 + 5 * s + t % 3, Map.of(), Map.of());
        FittedModel fitted = forecaster("plus_one", "{scale: none, lags: [1, 7], quantiles: loss}", DAILY_7, new TestLearners()).fit(panel);
        Forecast f = fitted.forecast(new ForecastRequest(7, 0.1, 0.5, 0.9));
        for (int s = 0; s < 2; s++) {
            double last = panel.target(panel.rowEnd(s) - 1);
            for (int k = 0; k < 7; k++) {
                assertEquals(last + k + 1, f.point(s, k), 1e-5);
                // lag_1 of step k is the point forecast of step k-1, never a quantile's own previous value
                assertEquals(f.point(s, k) + TestLearners.shift(0.1), f.quantile(0, s, k), 1e-5, "q0.1 step " + (k + 1));
                assertEquals(f.point(s, k), f.quantile(1, s, k), 1e-5);
                assertEquals(f.point(s, k) + TestLearners.shift(0.9), f.quantile(2, s, k), 1e-5);
            }
        }
    }

    @Test
    void quantilesMapBackThroughTheTargetTransform() {
        Panel panel = TestPanels.daily(3, 40, (s, t) -> (s + 1) * (4 + t % 5), Map.of(), Map.of());
        FittedMlModel fitted = (FittedMlModel) forecaster("last_value", "{scale: mean, transform: log1p, quantiles: loss}", DAILY_7,
                new TestLearners()).fit(panel);
        Forecast f = fitted.forecast(new ForecastRequest(7, 0.1, 0.9));
        TargetTransform t = new TargetTransform(MlSpec.Scale.MEAN, 7, MlSpec.Transform.LOG1P);
        for (int s = 0; s < 3; s++) {
            double divisor = fitted.states().get(s).divisor();
            double z = t.forward(panel.target(panel.rowEnd(s) - 1), divisor);
            for (int k = 0; k < 7; k++) {
                // the regressor reads lag_1 as a float
                assertEquals(t.back(z + TestLearners.shift(0.1), divisor), f.quantile(0, s, k), 1e-6 * divisor);
                assertEquals(t.back(z + TestLearners.shift(0.9), divisor), f.quantile(1, s, k), 1e-6 * divisor);
            }
        }
    }

    @Test
    void levelsBetweenFittedOnesInterpolateLinearlyAndLevelsOutsideAreRefused() {
        Panel panel = TestPanels.daily(1, 30, (s, t) -> 50, Map.of(), Map.of());
        FittedModel fitted = forecaster("last_value", "{scale: none, quantiles: loss}", DAILY_7, new TestLearners()).fit(panel);
        Forecast f = fitted.forecast(new ForecastRequest(3, 0.1, 0.3, 0.5, 0.75, 0.9));
        // fitted at 0.1, 0.5, 0.9 (the context's levels): 50 - 3.2, 50, 50 + 3.2
        assertEquals(50 + TestLearners.shift(0.1), f.quantile(0, 0, 0), 1e-9);
        assertEquals(50 + 0.5 * TestLearners.shift(0.1), f.quantile(1, 0, 0), 1e-9, "halfway between 0.1 and 0.5");
        assertEquals(50, f.quantile(2, 0, 0), 1e-9);
        assertEquals(50 + 0.625 * TestLearners.shift(0.9), f.quantile(3, 0, 0), 1e-9, "5/8 of the way from 0.5 to 0.9");
        assertEquals(50 + TestLearners.shift(0.9), f.quantile(4, 0, 0), 1e-9);
        for (double outside : new double[] {0.05, 0.95}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fitted.forecast(new ForecastRequest(3, 0.1, outside)));
            assertTrue(e.getMessage().contains("quantile level " + outside) && e.getMessage().contains("[0.1, 0.5, 0.9]")
                    && e.getMessage().contains("model.params.quantile_levels"), e.getMessage());
        }
    }

    @Test
    void theFittedLevelsAreTheRequestedOnesUnlessQuantileLevelsAreGiven() {
        Panel panel = TestPanels.daily(1, 30, (s, t) -> 50, Map.of(), Map.of());
        ModelContext wide = DAILY_7.withQuantileLevels(new double[] {0.95, 0.05, 0.5});
        FittedModel fromContext = forecaster("last_value", "{scale: none, quantiles: loss}", wide, new TestLearners()).fit(panel);
        assertEquals(50 + TestLearners.shift(0.05), fromContext.forecast(new ForecastRequest(1, 0.05)).quantile(0, 0, 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> fromContext.forecast(new ForecastRequest(1, 0.01)));
        MlForecaster given = forecaster("last_value", "{scale: none, quantiles: loss, quantile_levels: [0.8, 0.2]}", wide, new TestLearners());
        assertEquals(List.of(0.2, 0.8), given.parameters().get("quantile_levels"));
        FittedModel fromParams = given.fit(panel);
        assertEquals(50, fromParams.forecast(new ForecastRequest(1, 0.5)).quantile(0, 0, 0), 1e-9, "between 0.2 and 0.8");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromParams.forecast(new ForecastRequest(1, 0.1)));
        assertTrue(e.getMessage().contains("[0.2, 0.8]"), e.getMessage());
    }

    @Test
    void crossingQuantilesAreSortedPerPoint() {
        Panel panel = TestPanels.daily(2, 30, (s, t) -> 20 + s, Map.of(), Map.of());
        FittedModel fitted = forecaster("reversed", "{scale: none, quantiles: loss}", DAILY_7, new TestLearners()).fit(panel);
        Forecast f = fitted.forecast(new ForecastRequest(4, 0.1, 0.3, 0.5, 0.9));
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < 4; k++) {
                // the 0.1 regressor says 20 + 3.2, the 0.9 one 20 - 3.2: rearranged, q0.1 is the lower
                assertEquals(20 + s + TestLearners.shift(0.1), f.quantile(0, s, k), 1e-9);
                assertEquals(20 + s + TestLearners.shift(0.9), f.quantile(3, s, k), 1e-9);
                for (int q = 1; q < 4; q++) {
                    assertTrue(f.quantile(q - 1, s, k) <= f.quantile(q, s, k), "non-crossing at " + q);
                }
            }
        }
    }

    @Test
    void eachLevelIsOneMoreFitOfTheProgressTask() {
        Panel panel = TestPanels.daily(8, 30, MlForecastTest::seasonal, Map.of(), Map.of());
        List<Long> steps = new ArrayList<>();
        Progress.Task task = new Progress.Task() {
            @Override
            public synchronized void step(long n) {
                steps.add(n);
            }

            @Override
            public void close() {
            }
        };
        forecaster("last_value", "{quantiles: loss}", DAILY_7, new TestLearners()).fit(panel, task);
        assertEquals(List.of(2L, 2L, 2L, 2L), steps, "8 series over the point fit and 3 quantile fits");
    }

    @Test
    void savedQuantileRegressorsReloadToIdenticalQuantilesAndOldArtifactsStillLoad(@TempDir Path dir) throws Exception {
        Panel panel = TestPanels.daily(3, 0, 60, (s, t) -> MlForecastTest.seasonal(s, t), Map.of(), Map.of(), Map.of("store",
                new String[] {"a", "b", "a"}));
        Learners learners = new TestLearners();
        FittedMlModel fitted = (FittedMlModel) forecaster("plus_one", "{strategy: hybrid, blocks: 2, group_by: store, quantiles: loss,"
                + " quantile_levels: [0.1, 0.25, 0.9]}", DAILY_7, learners).fit(panel);
        Path out = Files.createDirectories(dir.resolve("loss"));
        fitted.save(out);
        JsonNode json = new ObjectMapper().readTree(out.resolve(FittedMlModel.FILE).toFile());
        JsonNode model = json.path("groups").path(1).path("models").path(1);
        assertEquals(0.25, model.path("quantile_models").path(1).path("level").asDouble());
        assertEquals("regressors/g1-m1-q1", model.path("quantile_models").path(1).path("regressor").asText());
        assertTrue(Files.isDirectory(out.resolve("regressors/g1-m1-q2")));
        FittedModel loaded = new MlFamily("plus_one", false, learners).load(out);
        ForecastRequest request = new ForecastRequest(7, 0.1, 0.2, 0.5, 0.9);
        assertForecastsEqual(fitted.forecast(request), loaded.forecast(request));

        // a residual-quantile model as saved before quantile regressors existed: no quantile_models, no context levels
        FittedMlModel residual = (FittedMlModel) forecaster("plus_one", "{}", DAILY_7, learners).fit(panel);
        Path old = Files.createDirectories(dir.resolve("old"));
        residual.save(old);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree(old.resolve(FittedMlModel.FILE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.path("context")).remove("quantile_levels");
        assertTrue(root.path("groups").path(0).path("models").path(0).path("quantile_models").isMissingNode());
        Files.writeString(old.resolve(FittedMlModel.FILE), root.toString());
        assertForecastsEqual(residual.forecast(request), new MlFamily("plus_one", false, learners).load(old).forecast(request));
    }

    static void assertForecastsEqual(Forecast a, Forecast b) {
        for (int s = 0; s < a.seriesCount(); s++) {
            assertArrayEquals(a.points(s), b.points(s));
            for (int q = 0; q < a.levels().length; q++) {
                for (int k = 0; k < a.horizon(); k++) {
                    assertEquals(a.quantile(q, s, k), b.quantile(q, s, k), "series " + s + " level " + a.levels()[q] + " step " + (k + 1));
                }
            }
        }
    }

    @Test
    void quantilesLossIsRefusedForLearnersWithoutAQuantileLossNamingTheKey() {
        Learners standard = Learners.standard();
        for (String learner : List.of("random_forest", "ridge", "lasso", "elastic_net")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MlFamily(learner, MlFamilies.LINEAR.contains(learner), standard).create(MlForecastTest.yaml("{quantiles: loss}"),
                            DAILY_7));
            assertTrue(e.getMessage().contains("model.params.quantiles") && e.getMessage().contains("gbm, xgboost")
                    && e.getMessage().contains(learner), e.getMessage());
        }
        for (String learner : List.of("gbm", "xgboost")) {
            MlForecaster fc = (MlForecaster) new MlFamily(learner, false, standard).create(MlForecastTest.yaml("{quantiles: loss}"), DAILY_7);
            assertEquals("loss", fc.parameters().get("quantiles"));
        }
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class,
                () -> forecaster("last_value", "{quantile_levels: [0.1, 0.9]}", DAILY_7, new TestLearners()));
        assertTrue(levels.getMessage().contains("model.params.quantile_levels") && levels.getMessage().contains("quantiles: loss"),
                levels.getMessage());
        for (String bad : List.of("[]", "[0.1, 1.0]", "[0]", "0.5", "[a]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> forecaster("last_value", "{quantiles: loss, quantile_levels: " + bad + "}", DAILY_7, new TestLearners()));
            assertTrue(e.getMessage().contains("model.params.quantile_levels"), e.getMessage());
        }
        IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
                () -> forecaster("last_value", "{quantiles: pinball}", DAILY_7, new TestLearners()));
        assertTrue(choice.getMessage().contains("model.params.quantiles") && choice.getMessage().contains("loss"), choice.getMessage());
    }
}
