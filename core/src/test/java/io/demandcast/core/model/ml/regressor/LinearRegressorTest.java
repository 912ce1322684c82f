package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import smile.data.DataFrame;
import smile.regression.LinearModel;

class LinearRegressorTest {
    private static final TrainingTable TRAIN = DemandTables.table(500, 4, false);
    private static final TrainingTable UNSEEN = DemandTables.table(80, 5, false);

    static Stream<LinearSpec> specs() {
        return Stream.of(LinearSpec.ridge(1.0), LinearSpec.ridge(50), LinearSpec.lasso(1.0, 1e-4, 1000),
                LinearSpec.lasso(200, 1e-4, 1000), LinearSpec.elasticNet(1.0, 1.0, 1e-4, 1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void predictsWhatSmilePredicts(LinearSpec spec) {
        LinearSpec.SmileLinear fitted = spec.fitSmile(TRAIN);
        LinearModel smile = fitted.model();
        LinearRegressor ours = spec.convert(fitted, TRAIN);
        for (TrainingTable table : new TrainingTable[] {TRAIN, UNSEEN}) {
            DataFrame frame = SmileFrame.of(table, "test").data();
            for (int i = 0; i < table.rows(); i++) {
                double expected = smile.predict(frame.get(i));
                TreeEnsembleTest.assertClose(expected, ours.predict(DemandTables.row(table, i)), 1e-9, spec + " row " + i);
                TreeEnsembleTest.assertClose(expected, ours.predict(table.columns(), i), 1e-9, spec + " row " + i);
            }
        }
        float[] missing = DemandTables.row(UNSEEN, 0);
        missing[2] = Float.NaN;
        float[] atMean = missing.clone();
        atMean[2] = (float) ours.means()[2];
        TreeEnsembleTest.assertClose(ours.predict(atMean), ours.predict(missing), 1e-6, "a missing feature counts as its training mean");
        assertEquals(0, ours.contributions(missing)[2], 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void contributionsAddUpToThePredictionAroundTheTrainingMean(LinearSpec spec) {
        Regressor model = spec.fit(TRAIN, 0);
        double meanPrediction = 0;
        for (int i = 0; i < TRAIN.rows(); i++) {
            meanPrediction += model.predict(TRAIN.columns(), i) / TRAIN.rows();
        }
        assertEquals(meanPrediction, model.expectedValue(), 1e-9);
        for (int i = 0; i < UNSEEN.rows(); i++) {
            float[] row = DemandTables.row(UNSEEN, i);
            double sum = model.expectedValue();
            for (double c : model.contributions(row)) {
                sum += c;
            }
            assertEquals(model.predict(row), sum, 1e-9);
        }
    }

    @Test
    void importanceIsCoefficientTimesSpread() {
        LinearSpec spec = LinearSpec.ridge(1.0);
        LinearRegressor model = spec.convert(spec.fitSmile(TRAIN), TRAIN);
        double[] w = model.coefficients();
        double[] sd = model.sds();
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += Math.abs(w[i]) * sd[i];
        }
        double[] importance = model.importance();
        for (int i = 0; i < w.length; i++) {
            assertEquals(Math.abs(w[i]) * sd[i] / total, importance[i], 1e-12);
        }
        // Price moves demand by about -2 a unit over a spread of ~0.87; noise by nothing.
        assertTrue(importance[0] > 10 * importance[4], java.util.Arrays.toString(importance));
        assertEquals(-2, w[0], 0.3);
    }

    @Test
    void heavyLassoZeroesCoefficientsAndImportance() {
        LinearSpec spec = LinearSpec.lasso(1e6, 1e-4, 1000);
        LinearRegressor model = spec.convert(spec.fitSmile(TRAIN), TRAIN);
        for (double w : model.coefficients()) {
            assertEquals(0, w, 1e-9);
        }
        assertEquals(0, java.util.Arrays.stream(model.importance()).sum(), 0);
    }

    @Test
    void fitsMissingFeaturesAsTheirMean() {
        TrainingTable withNan = DemandTables.table(400, 6, true);
        TrainingTable imputed = LinearSpec.withMissingAsMean(withNan);
        Regressor fromNan = LinearSpec.ridge(1).fit(withNan, 0);
        Regressor fromImputed = LinearSpec.ridge(1).fit(imputed, 0);
        for (int i = 0; i < withNan.rows(); i++) {
            float[] row = DemandTables.row(withNan, i);
            for (float v : DemandTables.row(imputed, i)) {
                assertFalse(Float.isNaN(v));
            }
            TreeEnsembleTest.assertClose(fromImputed.predict(DemandTables.row(imputed, i)), fromNan.predict(row), 1e-6, "row " + i);
        }
    }
}
