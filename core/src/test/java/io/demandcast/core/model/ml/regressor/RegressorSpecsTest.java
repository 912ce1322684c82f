package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegressorSpecsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void defaultsSuitDemandData() {
        assertEquals(Map.of("trees", 300, "max_depth", 6, "max_nodes", 32, "node_size", 20, "shrinkage", 0.05, "subsample", 0.8,
                "loss", "ls"), RegressorSpecs.defaults("gbm").parameters());
        assertEquals(Map.of("trees", 100, "mtry", "auto", "max_depth", 20, "max_nodes", 1024, "node_size", 20, "subsample", 1.0),
                RegressorSpecs.defaults("random_forest").parameters());
        assertEquals(Map.of("lambda", 1.0), RegressorSpecs.defaults("ridge").parameters());
        assertEquals(Map.of("lambda", 1.0, "tolerance", 1e-4, "max_iter", 1000), RegressorSpecs.defaults("lasso").parameters());
        assertEquals(Map.of("lambda1", 1.0, "lambda2", 1.0, "tolerance", 1e-4, "max_iter", 1000),
                RegressorSpecs.defaults("elastic_net").parameters());
    }

    @Test
    void readsItsOwnKeysAndLeavesOthersToTheFamily() {
        RegressorSpec spec = RegressorSpecs.parse("gbm", json("{\"trees\": 50, \"loss\": \"huber\", \"huber_alpha\": 0.8, \"lags\": [1, 7]}"));
        assertEquals(new GradientBoostingSpec(50, 6, 32, 20, 0.05, 0.8, "huber", 0.8, 0.5), spec);
        assertEquals(0.8, spec.parameters().get("huber_alpha"));
        assertEquals(new RandomForestSpec(100, 3, 20, 1000, 20, 1.0),
                RegressorSpecs.parse("random_forest", json("{\"mtry\": 3, \"max_nodes\": 1000}")));
        assertEquals(RandomForestSpec.defaults(), RegressorSpecs.parse("random_forest", json("{\"mtry\": \"auto\", \"max_nodes\": 1024}")));
        assertEquals(LinearSpec.elasticNet(0.5, 2, 1e-4, 1000), RegressorSpecs.parse("elastic_net", json("{\"lambda1\": 0.5, \"lambda2\": 2}")));
        assertEquals(Set.of("lambda", "tolerance", "max_iter"), RegressorSpecs.keys("lasso"));
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertError("gbm", "{\"trees\": 0}", "model.params.trees must be an integer in [1, 100000] (got 0)");
        assertError("gbm", "{\"shrinkage\": 0}", "model.params.shrinkage must be in (0, 1] (got 0.0)");
        assertError("gbm", "{\"subsample\": 1.5}", "model.params.subsample must be a number in [0.0, 1.0] (got 1.5)");
        assertError("gbm", "{\"loss\": \"poisson\"}", "model.params.loss of gbm must be one of [ls, lad, huber, quantile] (got \"poisson\")");
        assertError("gbm", "{\"quantile\": 0.9}", "model.params.quantile is used only with loss: quantile (loss is ls)");
        assertError("gbm", "{\"loss\": \"quantile\", \"quantile\": 1}", "model.params.quantile must be in (0, 1) (got 1.0)");
        assertError("random_forest", "{\"mtry\": \"all\"}", "model.params.mtry must be auto or an integer in [1, 100000] (got \"all\")");
        assertError("random_forest", "{\"max_nodes\": 1}", "model.params.max_nodes must be unlimited or an integer in [2, 16777216] (got 1)");
        assertError("ridge", "{\"lambda\": -1}", "model.params.lambda must be a number in [0.0, 1.7976931348623157E308] (got -1)");
        assertError("lasso", "{\"max_iter\": \"many\"}", "model.params.max_iter must be an integer in [1, 1000000] (got \"many\")");
        assertError("lightgbm", "{}", "unknown learner 'lightgbm' (known: gbm, xgboost, random_forest, ridge, lasso, elastic_net)");
        assertError("xgboost", "{\"max_bin\": 1}", "model.params.max_bin must be an integer in [2, 65536] (got 1)");
        assertError("gbm", "[1]", "model.params of gbm must be a mapping (got [1])");
    }

    @Test
    void fitRefusesTablesItCannotUse() {
        TrainingTable table = DemandTables.table(40, 1, false);
        TrainingTable weighted = new TrainingTable(table.names(), table.columns(), table.target(), new double[40]);
        assertFit("gbm: row weights are not supported (Smile fits every row with weight 1)", RegressorSpecs.defaults("gbm"), weighted);
        double[] y = table.target().clone();
        y[5] = Double.NaN;
        assertFit("random_forest: target of row 5 is NaN, not a finite number", RegressorSpecs.defaults("random_forest"),
                new TrainingTable(table.names(), table.columns(), y, null));
        float[][] x = table.columns().clone();
        x[1] = x[1].clone();
        x[1][3] = Float.POSITIVE_INFINITY;
        assertFit("gbm: feature 'promo' is Infinity at row 3; features must be finite numbers or NaN (missing)",
                RegressorSpecs.defaults("gbm"), new TrainingTable(table.names(), x, table.target(), null));
        assertFit("rf: mtry 9 is more than the 5 features", RegressorSpecs.parse("random_forest", json("{\"mtry\": 9}")), table);
        assertFit("gbm: the training table has no rows", RegressorSpecs.defaults("gbm"),
                new TrainingTable(java.util.List.of("a"), new float[][] {new float[0]}, new double[0], null));
    }

    @Test
    void aConstantFeatureGetsNoWeight() {
        TrainingTable table = DemandTables.table(200, 2, false);
        java.util.Arrays.fill(table.columns()[1], 1f);
        for (String learner : new String[] {"gbm", "random_forest", "ridge", "lasso", "elastic_net"}) {
            Regressor model = RegressorSpecs.defaults(learner).fit(table, 1);
            assertEquals(0, model.importance()[1], 1e-12, learner);
            for (int i = 0; i < 20; i++) {
                assertEquals(0, model.contributions(DemandTables.row(table, i))[1], 1e-9, learner);
            }
        }
    }

    @Test
    void aLinearModelWithoutAVaryingFeaturePredictsTheMean() {
        TrainingTable table = new TrainingTable(java.util.List.of("a"), new float[][] {{2, 2, 2, 2}}, new double[] {1, 2, 3, 6}, null);
        Regressor model = RegressorSpecs.defaults("ridge").fit(table, 0);
        assertEquals(3.0, model.predict(new float[] {5}), 1e-12);
        assertEquals(3.0, model.expectedValue(), 1e-12);
        assertEquals(0.0, model.importance()[0]);
    }

    private static void assertFit(String message, RegressorSpec spec, TrainingTable table) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.fit(table, 1));
        assertEquals(message, e.getMessage());
    }

    @Test
    void withQuantileKeepsTheHyperParametersAndOnlyTheQuantileLearnersHaveIt() {
        for (String learner : RegressorSpecs.LEARNERS) {
            RegressorSpec spec = RegressorSpecs.defaults(learner);
            if (RegressorSpecs.QUANTILE_LEARNERS.contains(learner)) {
                Map<String, Object> expected = new java.util.LinkedHashMap<>(spec.parameters());
                Map<String, Object> quantile = spec.withQuantile(0.25).parameters();
                expected.put(learner.equals("gbm") ? "loss" : "objective", "quantile");
                expected.put(learner.equals("gbm") ? "quantile" : "quantile_alpha", 0.25);
                assertEquals(expected, quantile, learner);
                assertThrows(IllegalArgumentException.class, () -> spec.withQuantile(1.0));
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.withQuantile(0.25));
                assertEquals(learner + " has no quantile loss", e.getMessage());
            }
        }
    }

    private static void assertError(String learner, String params, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegressorSpecs.parse(learner, json(params)));
        assertEquals(message, e.getMessage());
    }
}
