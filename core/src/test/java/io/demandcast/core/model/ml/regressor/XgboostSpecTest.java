package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XgboostSpecTest {
    private static final XgboostSpec SPEC = new XgboostSpec(40, 4, 0.1, 1.0, 1.0, 5, 1.0, 64, 1);

    /** The booster itself, fitted as the spec fits, and its conversion. */
    private record Fitted(Booster booster, TreeEnsemble ours) {
    }

    private static Fitted fit(TrainingTable train) throws Exception {
        DMatrix m = XgboostSpec.matrix(train);
        Booster booster = XGBoost.train(m, SPEC.boosterParams(3), SPEC.trees(), new java.util.HashMap<>(), null, null);
        return new Fitted(booster, SPEC.convert(booster, train));
    }

    @Test
    void convertedTreesPredictWhatTheBoosterPredictsMissingValuesIncluded() throws Exception {
        TrainingTable train = DemandTables.table(3000, 1, true);
        Fitted fitted = fit(train);
        boolean anyMissingLeft = false;
        for (FlatTree t : fitted.ours().trees()) {
            for (boolean b : t.missingLeft()) {
                anyMissingLeft |= b;
            }
        }
        assertTrue(anyMissingLeft, "XGBoost learnt a left default direction somewhere, so the test checks it");
        TrainingTable unseen = DemandTables.table(500, 2, true);
        for (TrainingTable table : new TrainingTable[] {train, unseen}) {
            float[][] expected = fitted.booster().predict(XgboostSpec.matrix(table));
            for (int i = 0; i < table.rows(); i++) {
                // The booster sums in float32; ours in double.
                TreeEnsembleTest.assertClose(expected[i][0], fitted.ours().predict(DemandTables.row(table, i)), 1e-5, "row " + i);
            }
        }
        float[] allMissing = new float[train.features()];
        Arrays.fill(allMissing, Float.NaN);
        DMatrix one = new DMatrix(allMissing, 1, allMissing.length, Float.NaN);
        TreeEnsembleTest.assertClose(fitted.booster().predict(one)[0][0], fitted.ours().predict(allMissing), 1e-5, "all missing");
        fitted.booster().dispose();
    }

    @Test
    void shapValuesEqualXgboostsOwnTreeShap() throws Exception {
        TrainingTable train = DemandTables.table(2000, 5, true);
        Fitted fitted = fit(train);
        TrainingTable rows = DemandTables.table(50, 6, true);
        float[][] theirs = fitted.booster().predictContrib(XgboostSpec.matrix(rows), 0);
        for (int i = 0; i < rows.rows(); i++) {
            double[] ours = fitted.ours().contributions(DemandTables.row(rows, i));
            for (int f = 0; f < ours.length; f++) {
                assertEquals(theirs[i][f], ours[f], 1e-3 * Math.max(1, Math.abs(theirs[i][f])), "row " + i + " feature " + f);
            }
            double sum = fitted.ours().expectedValue() + Arrays.stream(ours).sum();
            TreeEnsembleTest.assertClose(fitted.ours().predict(DemandTables.row(rows, i)), sum, 1e-9, "local accuracy row " + i);
        }
        fitted.booster().dispose();
    }

    @Test
    void savedModelReloadsToIdenticalPredictionsAndIsReproducible(@TempDir Path dir) throws Exception {
        TrainingTable train = DemandTables.table(2000, 9, true);
        Regressor model = SPEC.fit(train, 11);
        Path saved = Files.createDirectory(dir.resolve("m"));
        model.write(saved);
        Regressor loaded = Regressors.read(saved);
        Regressor again = SPEC.fit(train, 11);
        TrainingTable rows = DemandTables.table(200, 10, true);
        for (int i = 0; i < rows.rows(); i++) {
            float[] row = DemandTables.row(rows, i);
            assertEquals(model.predict(row), loaded.predict(row), 0);
            assertEquals(model.predict(row), again.predict(row), 0);
            assertArrayEquals(model.contributions(row), loaded.contributions(row), 0);
        }
        assertEquals(1, Arrays.stream(model.importance()).sum(), 1e-9);
        assertEquals(DemandTables.NAMES, loaded.featureNames());
    }

    @Test
    void logLinkObjectivesConvertToTreesWhoseExpPredictsWhatTheBoosterPredicts(@TempDir Path dir) throws Exception {
        TrainingTable train = DemandTables.table(3000, 21, true);
        TrainingTable unseen = DemandTables.table(300, 22, true);
        for (String objective : new String[] {"poisson", "tweedie", "quantile"}) {
            XgboostSpec spec = new XgboostSpec(40, 4, 0.1, 1.0, 1.0, 5, 1.0, 64, 1, objective, 1.3, 0.8);
            Booster booster = XGBoost.train(XgboostSpec.matrix(train), spec.boosterParams(3), spec.trees(), new java.util.HashMap<>(),
                    null, null);
            TreeEnsemble ours = spec.convert(booster, train);
            assertEquals(!objective.equals("quantile"), ours.logLink(), objective);
            float[][] expected = booster.predict(XgboostSpec.matrix(unseen));
            for (int i = 0; i < unseen.rows(); i++) {
                float[] row = DemandTables.row(unseen, i);
                double p = ours.predict(row);
                TreeEnsembleTest.assertClose(expected[i][0], p, 1e-4 * Math.max(1, p), objective + " row " + i);
                double margin = ours.expectedValue() + Arrays.stream(ours.contributions(row)).sum();
                TreeEnsembleTest.assertClose(ours.logLink() ? Math.log(p) : p, margin, 1e-9, objective + " SHAP sums to the margin of row " + i);
            }
            booster.dispose();
            Path saved = Files.createDirectory(dir.resolve(objective));
            ours.write(saved);
            Regressor loaded = Regressors.read(saved);
            assertEquals(ours.logLink(), loaded.logLink());
            assertEquals(ours.predict(DemandTables.row(unseen, 0)), loaded.predict(DemandTables.row(unseen, 0)), 0);
        }
    }

    @Test
    void tweedieFitsTheMeanOfTheTargetAndQuantileObjectiveItsQuantile() {
        TrainingTable train = DemandTables.table(4000, 31, false);
        double mean = Arrays.stream(train.target()).average().orElseThrow();
        XgboostSpec tweedie = new XgboostSpec(200, 4, 0.1, 1.0, 1.0, 5, 1.0, 64, 1, "tweedie", 1.5, 0.5);
        Regressor t = tweedie.fit(train, 1);
        double fittedMean = java.util.stream.IntStream.range(0, train.rows()).mapToDouble(i -> t.predict(DemandTables.row(train, i)))
                .average().orElseThrow();
        assertEquals(mean, fittedMean, 0.02 * mean, "a log-link mean model is unbiased in sample");
        Regressor q = new XgboostSpec(300, 4, 0.1, 1.0, 1.0, 5, 1.0, 64, 1).withQuantile(0.9).fit(train, 1);
        long below = java.util.stream.IntStream.range(0, train.rows())
                .filter(i -> train.target()[i] <= q.predict(DemandTables.row(train, i))).count();
        assertEquals(0.9, below / (double) train.rows(), 0.03, "pinball loss at 0.9 leaves about 90 % of rows below");
    }

    @Test
    void logLinkObjectiveRefusesANegativeTarget() {
        TrainingTable train = DemandTables.table(100, 1, false);
        double[] y = train.target().clone();
        y[7] = -1;
        TrainingTable negative = new TrainingTable(train.names(), train.columns(), y, null);
        XgboostSpec spec = new XgboostSpec(5, 2, 0.1, 1.0, 1.0, 1, 1.0, 16, 1, "poisson", 1.5, 0.5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> spec.fit(negative, 1));
        assertTrue(e.getMessage().contains("non-negative") && e.getMessage().contains("row 7"), e.getMessage());
    }
}
