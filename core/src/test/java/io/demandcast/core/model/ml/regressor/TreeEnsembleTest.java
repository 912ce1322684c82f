package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.feature.importance.TreeSHAP;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

class TreeEnsembleTest {
    private static final TrainingTable TRAIN = DemandTables.table(600, 1, true);
    private static final TrainingTable UNSEEN = unseenWithMissing();

    private static TrainingTable unseenWithMissing() {
        TrainingTable t = DemandTables.table(100, 2, true);
        // Missing values in every feature, including ones never missing in training.
        for (int f = 0; f < t.features(); f++) {
            t.columns()[f][f * 3] = Float.NaN;
        }
        t.columns()[0][99] = 100f; // far outside the training range
        return t;
    }

    /** A fitted Smile ensemble, its conversion and its number of trees, for each tree learner and loss. */
    record Fitted(String label, TreeEnsemble ours, TreeSHAP smile, ToDoubleFunction<Tuple> smilePredict, double[] smileImportance,
                  double shapFactor) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Fitted once for the three parameterised tests. */
    private static final java.util.List<Fitted> FITTED = fitAll();

    static Stream<Arguments> ensembles() {
        return FITTED.stream().map(Arguments::of);
    }

    private static java.util.List<Fitted> fitAll() {
        SmileFrame frame = SmileFrame.of(TRAIN, "test");
        java.util.List<Fitted> out = new java.util.ArrayList<>();
        for (String loss : GradientBoostingSpec.LOSSES) {
            GradientBoostingSpec spec = new GradientBoostingSpec(40, 4, 12, 5, 0.1, 0.7, loss, 0.8, 0.7);
            GradientTreeBoost model = spec.fitSmile(frame, 42);
            // Smile's shap averages the trees' values; ours scales each tree by the shrinkage.
            out.add((new Fitted("gbm " + loss, spec.convert(model, TRAIN), model, model::predict, model.importance(),
                    spec.trees() * spec.shrinkage())));
        }
        for (double subsample : new double[] {1.0, 0.6}) {
            RandomForestSpec spec = new RandomForestSpec(25, RandomForestSpec.AUTO_MTRY, 10, RandomForestSpec.UNLIMITED_NODES, 5, subsample);
            RandomForest model = spec.fitSmile(frame, 42);
            out.add((new Fitted("rf subsample " + subsample, spec.convert(model, TRAIN), model, model::predict,
                    model.importance(), 1.0)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void predictsWhatSmilePredictsOnTrainingAndUnseenRows(Fitted fitted) {
        for (TrainingTable table : new TrainingTable[] {TRAIN, UNSEEN}) {
            DataFrame frame = SmileFrame.of(table, "test").data();
            for (int i = 0; i < table.rows(); i++) {
                double expected = fitted.smilePredict().applyAsDouble(frame.get(i));
                assertClose(expected, fitted.ours().predict(DemandTables.row(table, i)), 1e-9, fitted + " row " + i);
                assertClose(expected, fitted.ours().predict(table.columns(), i), 1e-9, fitted + " row " + i + " (columns)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void importanceIsSmilesNormalised(Fitted fitted) {
        double[] smile = Importances.normalised(fitted.smileImportance());
        double[] ours = fitted.ours().importance();
        assertEquals(1.0, java.util.Arrays.stream(ours).sum(), 1e-12);
        for (int f = 0; f < ours.length; f++) {
            assertEquals(smile[f], ours[f], 1e-9, fitted + " feature " + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void contributionsAddUpAndEqualSmilesShap(Fitted fitted) {
        for (TrainingTable table : new TrainingTable[] {TRAIN, UNSEEN}) {
            DataFrame frame = SmileFrame.of(table, "test").data();
            for (int i = 0; i < table.rows(); i += 7) {
                float[] row = DemandTables.row(table, i);
                double[] phi = fitted.ours().contributions(row);
                double sum = fitted.ours().expectedValue();
                for (double v : phi) {
                    sum += v;
                }
                assertClose(fitted.ours().predict(row), sum, 1e-9, fitted + " local accuracy, row " + i);
                double[] smile = fitted.smile().shap(frame.get(i));
                for (int f = 0; f < phi.length; f++) {
                    assertEquals(smile[f] * fitted.shapFactor(), phi[f], 1e-9 * (1 + Math.abs(phi[f])), fitted + " row " + i + " feature " + f);
                }
            }
        }
    }

    @Test
    void fitsAreDeterministicForASeed() {
        for (RegressorSpec spec : new RegressorSpec[] {
                new GradientBoostingSpec(20, 4, 10, 5, 0.1, 0.5, "ls", 0.9, 0.5),
                new RandomForestSpec(16, 2, 8, RandomForestSpec.UNLIMITED_NODES, 5, 1.0)}) {
            Regressor a = spec.fit(TRAIN, 7);
            Regressor b = spec.fit(TRAIN, 7);
            Regressor c = spec.fit(TRAIN, 8);
            double[] pa = predictions(a, UNSEEN);
            assertArrayEquals(pa, predictions(b, UNSEEN), spec.name());
            assertFalse(java.util.Arrays.equals(pa, predictions(c, UNSEEN)), spec.name() + ": another seed, another sample");
        }
    }

    @Test
    void randomForestIsTheSameOnOneThreadAsOnMany() throws Exception {
        RegressorSpec spec = new RandomForestSpec(24, 2, 8, RandomForestSpec.UNLIMITED_NODES, 5, 1.0);
        double[][] byPool = new double[2][];
        int[] threads = {1, 4};
        for (int k = 0; k < 2; k++) {
            // A parallel stream started inside a pool runs its tasks there: Smile's trees get that many threads.
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads[k]);
            try {
                byPool[k] = predictions(pool.submit(() -> spec.fit(TRAIN, 5)).get(), UNSEEN);
            } finally {
                pool.shutdown();
            }
        }
        assertArrayEquals(byPool[0], byPool[1]);
        assertArrayEquals(byPool[0], predictions(spec.fit(TRAIN, 5), UNSEEN), "and on the common pool");
    }

    @Test
    void learnsTheSignal() {
        TrainingTable test = DemandTables.table(300, 3, false);
        double variance = new org.hipparchus.stat.descriptive.moment.Variance(false).evaluate(test.target());
        for (RegressorSpec spec : new RegressorSpec[] {GradientBoostingSpec.defaults(), RandomForestSpec.defaults()}) {
            Regressor model = spec.fit(TRAIN, 1);
            double[] p = predictions(model, test);
            double mse = 0;
            for (int i = 0; i < p.length; i++) {
                mse += (p[i] - test.target()[i]) * (p[i] - test.target()[i]) / p.length;
            }
            assertTrue(mse < 0.25 * variance, spec.name() + ": mse " + mse + " vs variance " + variance);
            double[] importance = model.importance();
            assertTrue(importance[0] > importance[4] && importance[1] > importance[4], spec.name() + ": noise ranks below price and promo");
        }
    }

    static double[] predictions(Regressor model, TrainingTable table) {
        double[] out = new double[table.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.predict(table.columns(), i);
        }
        return out;
    }

    static void assertClose(double expected, double actual, double relative, String message) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), message);
    }
}
