package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.ExplainedPoint;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ml.regressor.Regressor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MlExplainTest {
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());
    private static final int SERIES = 6;
    private static final int N = 150;

    /** A promotion on a pseudo-random third of the days, known in advance. */
    private static double promo(int s, int t) {
        return ((s * 31 + t * 17) % 7) < 2 ? 1 : 0;
    }

    /** Demand driven by the promotion (×3) over a mild weekly pattern. */
    private static double demand(int s, int t) {
        return (s + 2) * (10 + 20 * promo(s, t) + Math.sin(2 * Math.PI * t / 7));
    }

    private static final Map<String, TestPanels.Cell> PROMO = Map.of("promo", MlExplainTest::promo);

    private static FittedMlModel fit(String learner, String params) {
        Panel panel = TestPanels.daily(SERIES, N, MlExplainTest::demand, PROMO, Map.of());
        return (FittedMlModel) MlForecastTest.forecaster(learner, params, DAILY_7, Learners.SMILE).fit(panel);
    }

    private static ForecastRequest request() {
        return new ForecastRequest(7, new double[] {0.1, 0.9}, TestPanels.future(SERIES, N - 1, 7, null, PROMO, Map.of(), Map.of()));
    }

    @Test
    void importanceNamesRealFeaturesAndRanksTheDrivingCovariateFirst() {
        for (String learner : List.of("gbm", "ridge")) {
            FittedMlModel model = fit(learner, learner.equals("gbm") ? "{trees: 60, seed: 3}" : "{lambda: 0.01}");
            Set<String> features = new HashSet<>();
            model.regressors().forEach(g -> g.forEach(r -> features.addAll(r.featureNames())));
            List<FeatureImportance> importance = model.importance();
            assertFalse(importance.isEmpty());
            double sum = 0;
            for (FeatureImportance f : importance) {
                assertTrue(features.contains(f.feature()), learner + ": " + f.feature() + " is not a model feature " + features);
                assertTrue(f.share() >= 0, learner + ": " + f);
                sum += f.share();
                assertEquals(learner.equals("ridge"), Double.isFinite(f.coefficient()), learner + ": " + f);
            }
            assertEquals(1, sum, 1e-9, learner);
            assertEquals("promo", importance.get(0).feature(), learner + ": " + importance.subList(0, 3));
            for (int i = 1; i < importance.size(); i++) {
                assertTrue(importance.get(i - 1).share() >= importance.get(i).share(), "sorted by share");
            }
        }
        FeatureImportance promo = fit("ridge", "{lambda: 0.01}").importance().get(0);
        assertTrue(promo.coefficient() > 0, "a promotion raises demand: " + promo);
    }

    @Test
    void baseAndAllContributionsAddUpToTheForecastOfARecursiveGbmAndADirectRidge() {
        for (String[] c : new String[][] {{"gbm", "{trees: 40, seed: 1}"}, {"ridge", "{strategy: direct, lambda: 0.1}"},
                {"gbm", "{trees: 40, strategy: hybrid, blocks: 2}"}}) {
            FittedMlModel model = fit(c[0], c[1]);
            Forecast forecast = model.forecast(request());
            List<ExplainedPoint> all = model.explain(request(), 1000);
            assertEquals(SERIES * 7, all.size());
            for (int s = 0; s < SERIES; s++) {
                for (int k = 0; k < 7; k++) {
                    ExplainedPoint p = all.get(s * 7 + k);
                    assertEquals("s" + s, p.seriesId());
                    assertEquals(TestPanels.AXIS.date(N + k), p.date());
                    assertEquals("units", p.space());
                    double total = p.base() + p.top().stream().mapToDouble(ExplainedPoint.Contribution::contribution).sum();
                    double y = forecast.point(s, k);
                    assertEquals(y, p.prediction(), 1e-9 * Math.max(1, Math.abs(y)), c[0] + c[1]);
                    assertEquals(y, total, 1e-6 * Math.max(1, Math.abs(y)), c[0] + " " + c[1] + " series " + s + " step " + (k + 1));
                }
            }
            List<ExplainedPoint> top3 = model.explain(request(), 3);
            for (int i = 0; i < top3.size(); i++) {
                List<ExplainedPoint.Contribution> kept = top3.get(i).top();
                assertEquals(3, kept.size());
                assertEquals(all.get(i).top().subList(0, 3), kept);
                for (int j = 1; j < kept.size(); j++) {
                    assertTrue(Math.abs(kept.get(j - 1).contribution()) >= Math.abs(kept.get(j).contribution()));
                }
            }
        }
    }

    @Test
    void recursiveExplanationsReadTheRowsBuiltFromEarlierStepsForecasts() {
        FittedMlModel model = fit("ridge", "{scale: none, lags: [1, 7], rolling: [], calendar: false, lambda: 0.1}");
        Forecast forecast = model.forecast(request());
        List<ExplainedPoint> points = model.explain(request(), 1000);
        for (int k = 1; k < 7; k++) {
            ExplainedPoint p = points.get(k);
            double lag1 = p.top().stream().filter(x -> x.feature().equals("lag_1")).findFirst().orElseThrow().value();
            assertEquals(forecast.point(0, k - 1), lag1, 1e-3 * Math.abs(lag1), "step " + (k + 1) + " lag_1 is step " + k + "'s forecast");
        }
    }

    @Test
    void log1pContributionsStayInTheLog1pSpace() {
        FittedMlModel model = fit("gbm", "{trees: 30, scale: none, transform: log1p}");
        Forecast forecast = model.forecast(request());
        List<ExplainedPoint> points = model.explain(request(), 1000);
        for (int s = 0; s < SERIES; s++) {
            ExplainedPoint p = points.get(s * 7);
            assertEquals("log1p", p.space());
            double total = p.base() + p.top().stream().mapToDouble(ExplainedPoint.Contribution::contribution).sum();
            assertEquals(Math.log1p(forecast.point(s, 0)), total, 1e-6);
        }
    }

    @Test
    void explainingRefusesZeroFeaturesAndStaysAvailableAfterSaveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        FittedMlModel model = fit("gbm", "{trees: 20}");
        assertThrows(IllegalArgumentException.class, () -> model.explain(request(), 0));
        model.save(dir);
        FittedMlModel loaded = (FittedMlModel) new MlFamily("gbm", false, Learners.SMILE).load(dir);
        assertEquals(model.importance(), loaded.importance());
        assertEquals(model.explain(request(), 5), loaded.explain(request(), 5));
        Regressor r = loaded.regressors().get(0).get(0);
        assertEquals(0, r.standardisedCoefficients().length, "trees have no coefficients");
    }
}
