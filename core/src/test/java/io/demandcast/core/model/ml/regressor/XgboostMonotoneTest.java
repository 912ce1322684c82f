package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XgboostMonotoneTest {
    private static final XgboostSpec SPEC = new XgboostSpec(60, 4, 0.2, 1.0, 1.0, 1, 1.0, 64, 1);

    /**
     * Demand that rises with price in the data (the retailer raised prices in busy weeks: price is
     * confounded with demand), plus a promotion effect: the unconstrained model learns the rise.
     */
    private static TrainingTable confounded() {
        Random random = new Random(7);
        int n = 2000;
        float[] price = new float[n];
        float[] promo = new float[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            price[i] = (float) (1 + random.nextDouble());
            promo[i] = random.nextBoolean() ? 1 : 0;
            y[i] = 10 + 8 * price[i] + 3 * promo[i] + random.nextGaussian();
        }
        return new TrainingTable(List.of("price", "promo"), new float[][] {price, promo}, y, null);
    }

    /** The largest rise of the prediction between neighbouring prices of a grid, promotion fixed. */
    private static double largestRise(Regressor model, float promo) {
        double rise = Double.NEGATIVE_INFINITY;
        double previous = model.predict(new float[] {0.9f, promo});
        for (int k = 1; k <= 60; k++) {
            double next = model.predict(new float[] {0.9f + k * 0.02f, promo});
            rise = Math.max(rise, next - previous);
            previous = next;
        }
        return rise;
    }

    @Test
    void decreasingConstraintMakesThePredictionNonIncreasingInPrice() {
        TrainingTable table = confounded();
        Regressor free = SPEC.fit(table, 1);
        Regressor constrained = SPEC.withMonotone(Map.of("price", -1)).fit(table, 1);
        for (float promo : new float[] {0, 1}) {
            assertTrue(largestRise(free, promo) > 0.5, "without the constraint the model follows the data up");
            assertTrue(largestRise(constrained, promo) <= 1e-9, "with it, no rise: " + largestRise(constrained, promo));
        }
        // the promotion is left free: it still raises the prediction
        assertTrue(constrained.predict(new float[] {1.5f, 1}) > constrained.predict(new float[] {1.5f, 0}) + 1);
        assertEquals(Map.of("price", "decreasing"), ((TreeEnsemble) constrained).parameters().get("monotone"));
    }

    @Test
    void theConstraintCoversThePriceAndTheFeaturesOfItsCurrentValueOnly() {
        XgboostSpec spec = SPEC.withMonotone(Map.of("price", -1));
        assertEquals("(0,-1,-1,-1,-1,0,0)", spec.constraints(List.of("lag_1", "price", "price_change", "price_relative",
                "price_momentum_4", "price1", "price1_change")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.constraints(List.of("lag_1", "deal")));
        assertTrue(e.getMessage().startsWith("model.params.monotone: 'price' is not a feature of this model"), e.getMessage());
    }

    @Test
    void quantileModelsKeepTheConstraint() {
        assertEquals(Map.of("price", -1), SPEC.withMonotone(Map.of("price", -1)).withQuantile(0.9).monotone());
    }

    @Test
    void configReadsDecreasingAndIncreasingAndRejectsOtherWords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        XgboostSpec spec = (XgboostSpec) RegressorSpecs.parse("xgboost", json.readTree("{\"monotone\": {\"price\": \"decreasing\", \"x\": \"increasing\"}}"));
        assertEquals(Map.of("price", -1, "x", 1), spec.monotone());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> RegressorSpecs.parse("xgboost", json.readTree("{\"monotone\": {\"price\": \"down\"}}")));
        assertEquals("model.params.monotone.price must be decreasing or increasing (got \"down\")", word.getMessage());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> RegressorSpecs.parse("xgboost", json.readTree("{\"monotone\": [\"price\"]}")));
        assertTrue(list.getMessage().startsWith("model.params.monotone must be a mapping"), list.getMessage());
        assertEquals(SPEC.parameters(), new XgboostSpec(60, 4, 0.2, 1.0, 1.0, 1, 1.0, 64, 1).parameters(), "no key without constraints");
        assertTrue(!SPEC.parameters().containsKey("monotone"));
    }
}
