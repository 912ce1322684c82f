package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlMonotoneConfigTest {
    private static final ModelContext CONTEXT = new ModelContext(Frequency.WEEKLY, 52, 4, List.of());

    @Test
    void xgboostTakesTheMonotoneConstraint() {
        MlForecaster f = (MlForecaster) new MlFamily("xgboost", false, Learners.standard())
                .create(MlForecastTest.yaml("{monotone: {price: decreasing}}"), CONTEXT);
        assertEquals(Map.of("price", "decreasing"), f.parameters().get("monotone"));
    }

    /** Demand rising with price in the history (prices raised in busy periods): the free model learns the rise. */
    private static double confounded(int s, int t) {
        return 20 + 10 * price(s, t) + (s % 3);
    }

    private static double price(int s, int t) {
        return 1 + ((t * 7 + s * 3) % 10) / 10.0;
    }

    /** Sum over the horizon of the model's forecast at the planned prices times {@code factor}, per series. */
    private static double[] totals(io.demandcast.core.model.FittedModel fitted, double factor) {
        Panel future = TestPanels.future(6, 199, 7, null, Map.of("price", (s, t) -> factor * price(s, t)), Map.of(), Map.of());
        io.demandcast.core.model.Forecast f = fitted.forecast(new ForecastRequest(7, new double[0], future));
        double[] out = new double[6];
        for (int s = 0; s < 6; s++) {
            for (double v : f.points(s)) {
                out[s] += v;
            }
        }
        return out;
    }

    @Test
    void withTheConstraintAPriceCutNeverLowersTheForecast() {
        Panel panel = TestPanels.daily(6, 200, MlMonotoneConfigTest::confounded, Map.of("price", MlMonotoneConfigTest::price), Map.of());
        ModelContext daily = new ModelContext(Frequency.DAILY, 7, 7, List.of());
        String params = "{lags: [1, 7], trees: 60, max_depth: 3, min_child_weight: 1, threads: 1, seed: 1";
        var free = new MlFamily("xgboost", false, Learners.standard()).create(MlForecastTest.yaml(params + "}"), daily).fit(panel);
        var constrained = new MlFamily("xgboost", false, Learners.standard())
                .create(MlForecastTest.yaml(params + ", monotone: {price: decreasing}}"), daily).fit(panel);
        double[] freeBase = totals(free, 1);
        double[] freeCut = totals(free, 0.9);
        double[] base = totals(constrained, 1);
        double[] cut = totals(constrained, 0.9);
        int freeFalls = 0;
        for (int s = 0; s < 6; s++) {
            freeFalls += freeCut[s] < freeBase[s] - 1e-6 ? 1 : 0;
            assertTrue(cut[s] >= base[s] - 1e-9, "series " + s + ": " + base[s] + " -> " + cut[s] + " after the price cut");
        }
        assertEquals(6, freeFalls, "without the constraint every series' forecast falls with the price");
    }

    @Test
    void aMonotoneColumnTheModelHasNoFeatureOfIsADataErrorBeforeFitting() {
        Panel panel = TestPanels.daily(2, 60, (s, t) -> 5 + t % 3, Map.of("price", MlMonotoneConfigTest::price), Map.of());
        var forecaster = new MlFamily("xgboost", false, Learners.standard())
                .create(MlForecastTest.yaml("{lags: [1], monotone: {prize: decreasing}}"), new ModelContext(Frequency.DAILY, 7, 7, List.of()));
        DataException e = assertThrows(DataException.class, () -> forecaster.fit(panel));
        assertTrue(e.getMessage().startsWith("xgboost: model.params.monotone: 'prize' is not a feature of this model"), e.getMessage());
    }

    @Test
    void smileLearnersRefuseItWithAClearMessage() {
        for (String learner : List.of("gbm", "random_forest", "ridge")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlFamily(learner, false,
                    Learners.standard()).create(MlForecastTest.yaml("{monotone: {price: decreasing}}"), CONTEXT));
            assertEquals("model.params.monotone: " + learner + " has no monotone constraint (Smile's learners support none);"
                    + " use family xgboost, whose gradient boosting does (e.g. monotone: {price: decreasing})", e.getMessage());
        }
    }
}
