package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.RecordingTask;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ml.features.SeriesState;
import io.demandcast.core.model.ml.regressor.Regressor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlForecastTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());

    static MlForecaster forecaster(String learner, String params, ModelContext context, Learners learners) {
        return (MlForecaster) new MlFamily(learner, false, learners).create(yaml(params), context);
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A weekly pattern times a level per series, no noise. */
    static double seasonal(int s, int t) {
        return (s + 1) * 10 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 7));
    }

    private static double[] all(Forecast f) {
        double[] out = new double[f.seriesCount() * f.horizon()];
        for (int s = 0; s < f.seriesCount(); s++) {
            System.arraycopy(f.points(s), 0, out, s * f.horizon(), f.horizon());
        }
        return out;
    }

    @Test
    void recursiveOlsForecastsANoiselessSeasonalPanelClosely() {
        Panel panel = TestPanels.daily(4, 120, MlForecastTest::seasonal, Map.of(), Map.of());
        // least squares on many collinear lags is unstable when iterated: a weekly lag and the weekly mean suffice here
        FittedModel fitted = forecaster("ols", "{lags: [7, 14], rolling: [7]}", DAILY_7.withHorizon(14), new TestLearners()).fit(panel);
        Forecast f = fitted.forecast(new ForecastRequest(14, 0.1, 0.9));
        double err = 0;
        double level = 0;
        for (int s = 0; s < 4; s++) {
            assertEquals(120, f.firstPeriod(s));
            for (int k = 0; k < 14; k++) {
                double truth = seasonal(s, 120 + k);
                err += Math.abs(f.point(s, k) - truth);
                level += truth;
                assertTrue(f.quantile(0, s, k) <= f.point(s, k) && f.point(s, k) <= f.quantile(1, s, k));
            }
        }
        // rows before the lags exist are imputed by the test learner, so the fit is close, not exact
        assertTrue(err / level < 0.03, "relative MAE " + err / level);
    }

    @Test
    void aGlobalFitNotesEachRegressorFitWithItsTableSizeAndStepsTheTaskOncePerSeries() {
        Panel panel = TestPanels.daily(4, 120, MlForecastTest::seasonal, Map.of(), Map.of());
        RecordingTask task = new RecordingTask();
        List<String> notes = task.notes();
        forecaster("ols", "{lags: [7, 14], rolling: [7], strategy: hybrid, blocks: 2}", DAILY_7.withHorizon(14), new TestLearners())
                .fit(panel, task);
        assertEquals(4, task.steps(), "the task counts series");
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).matches("\\w+: fitting ols on \\d+ rows x \\d+ features \\(step block 1/2\\)"), notes.get(0));
        assertTrue(notes.get(1).endsWith("(step block 2/2)"), notes.get(1));
    }

    @Test
    void rollingNonzeroIsTheShareOfPeriodsWithDemandUpdatedByTheForecasts() {
        List<float[]> rows = Collections.synchronizedList(new ArrayList<>());
        // demand every 4th day, last one on the final day of history (t = 59)
        Panel panel = TestPanels.daily(1, 60, (s, t) -> t % 4 == 3 ? 5 : 0, Map.of(), Map.of());
        FittedMlModel fitted = (FittedMlModel) forecaster("plus_one", "{scale: none, lags: [1], rolling: [8], rolling_stats: [nonzero]}",
                DAILY_7, new TestLearners(rows::add)).fit(panel);
        rows.clear();
        fitted.forecast(new ForecastRequest(2));
        List<String> names = fitted.regressors().get(0).get(0).featureNames();
        int share = names.indexOf("roll_nonzero_8");
        assertTrue(share >= 0, names.toString());
        assertEquals(0.25, rows.get(0)[share], 1e-6, "2 of the last 8 days had demand");
        // step 2's window drops day 52 (zero) and gains step 1's forecast, lag_1 + 1 = 6 (non-zero)
        assertEquals(0.375, rows.get(1)[share], 1e-6, "step 1's non-zero forecast counts as demand");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forecaster("plus_one", "{rolling_stats: [median]}", DAILY_7, new TestLearners()));
        assertTrue(e.getMessage().contains("nonzero"), e.getMessage());
    }

    @Test
    void sinceNonzeroCountsPeriodsSinceTheLastDemandAndPriceMomentumIsThePriceOverItsWindowMean() {
        List<float[]> rows = Collections.synchronizedList(new ArrayList<>());
        // demand every 4th day, the last one on day 57 of 0..59; price 2, then 3 from day 56, then 4 in the forecast
        Panel panel = TestPanels.daily(1, 60, (s, t) -> t % 4 == 1 ? 5 : 0, Map.of("price", (s, t) -> t >= 56 ? 3 : 2), Map.of());
        FittedMlModel fitted = (FittedMlModel) forecaster("plus_one",
                "{scale: none, lags: [1], rolling: [8], rolling_stats: [since_nonzero], price_momentum: true}", DAILY_7,
                new TestLearners(rows::add)).fit(panel);
        rows.clear();
        Panel future = TestPanels.future(1, 59, 2, null, Map.of("price", (s, t) -> 4), Map.of(), Map.of());
        fitted.forecast(new ForecastRequest(2, new double[0], future));
        List<String> names = fitted.regressors().get(0).get(0).featureNames();
        int since = names.indexOf("roll_since_nonzero_8");
        int momentum = names.indexOf("price_momentum_8");
        assertTrue(since >= 0 && momentum >= 0, names.toString());
        assertEquals(2, rows.get(0)[since], 1e-6, "days 58 and 59 had no demand");
        // step 1's forecast is lag_1 + 1 = 1: a sale on the period before step 2
        assertEquals(0, rows.get(1)[since], 1e-6, "step 1's non-zero forecast counts as a sale");
        assertEquals(4 / 2.5, rows.get(0)[momentum], 1e-6, "price 4 over days 52..59's mean price 2.5");
        assertEquals(4 / 2.75, rows.get(1)[momentum], 1e-6, "the window moves onto step 1's planned price");
        // a series with no demand in its window reads the window's length
        Panel never = TestPanels.daily(1, 60, (s, t) -> t < 10 ? 1 : 0, Map.of(), Map.of());
        FittedMlModel quiet = (FittedMlModel) forecaster("plus_one", "{scale: none, lags: [1], rolling: [8], rolling_stats: [since_nonzero]}",
                DAILY_7, new TestLearners(rows::add)).fit(never);
        rows.clear();
        quiet.forecast(new ForecastRequest(1));
        assertEquals(8, rows.get(0)[quiet.regressors().get(0).get(0).featureNames().indexOf("roll_since_nonzero_8")], 1e-6);
    }

    @Test
    void sinceNonzeroAndPriceMomentumNeverReadTheFuturePanelsTarget() {
        Map<String, TestPanels.Cell> price = Map.of("price", (s, t) -> 2 + (t / 5) % 3);
        TestPanels.Cell sales = (s, t) -> t % (3 + s) == 0 ? seasonal(s, t) : 0;
        Panel a = TestPanels.daily(3, 90, sales, price, Map.of()).sliceUntil(79);
        Panel b = TestPanels.daily(3, 90, (s, t) -> t >= 80 ? 1e6 : sales.at(s, t), price, Map.of()).sliceUntil(79);
        for (String strategy : List.of("recursive", "hybrid")) {
            MlForecaster fc = forecaster("ols", "{rolling_stats: [mean, since_nonzero], price_momentum: true, strategy: " + strategy + "}",
                    DAILY_7, new TestLearners());
            Panel futureNan = TestPanels.future(3, 79, 7, null, price, Map.of(), Map.of());
            Panel futureWithActuals = TestPanels.future(3, 79, 7, (s, t) -> 1e6, price, Map.of(), Map.of());
            Forecast fa = fc.fit(a).forecast(new ForecastRequest(7, new double[] {0.5}, futureNan));
            Forecast fb = fc.fit(b).forecast(new ForecastRequest(7, new double[] {0.5}, futureWithActuals));
            assertArrayEquals(all(fa), all(fb), strategy);
        }
    }

    @Test
    void recursiveStepsReadThePreviousStepsForecastNeverAnActual() {
        List<float[]> rows = Collections.synchronizedList(new ArrayList<>());
        Panel panel = TestPanels.daily(1, 60, (s, t) -> 10 + t % 5, Map.of(), Map.of());
        FittedMlModel fitted = (FittedMlModel) forecaster("plus_one", "{scale: none, lags: [1, 2, 7]}", DAILY_7,
                new TestLearners(rows::add)).fit(panel);
        rows.clear();
        Forecast f = fitted.forecast(new ForecastRequest(7));
        assertEquals(7, rows.size());
        List<String> names = fitted.regressors().get(0).get(0).featureNames();
        int lag1 = names.indexOf("lag_1");
        int lag2 = names.indexOf("lag_2");
        int lag7 = names.indexOf("lag_7");
        assertEquals(panel.target(59), rows.get(0)[lag1]);
        for (int k = 1; k < 7; k++) {
            assertEquals(f.point(0, k - 1), rows.get(k)[lag1], 1e-6, "step " + (k + 1) + " lag_1 is step " + k + "'s forecast");
            assertEquals(f.point(0, k - 1) + 1, f.point(0, k), 1e-5);
        }
        assertEquals(f.point(0, 0), rows.get(2)[lag2], 1e-6);
        assertEquals(panel.target(59 - 6), rows.get(0)[lag7]);
        assertEquals(f.point(0, 0), 1 + panel.target(59), 1e-5);
    }

    @Test
    void aFitSeesOnlyItsPanelAndAForecastNeverReadsTheFuturePanelsTarget() {
        Map<String, TestPanels.Cell> promo = Map.of("promo", (s, t) -> t % 3 == 0 ? 1 : 0);
        Panel a = TestPanels.daily(3, 90, (s, t) -> seasonal(s, t) + (t % 3 == 0 ? 5 : 0), promo, Map.of()).sliceUntil(79);
        Panel b = TestPanels.daily(3, 90, (s, t) -> t >= 80 ? 1e6 : seasonal(s, t) + (t % 3 == 0 ? 5 : 0), promo, Map.of()).sliceUntil(79);
        MlForecaster fc = forecaster("ols", "", DAILY_7, new TestLearners());
        Panel futureNan = TestPanels.future(3, 79, 7, null, promo, Map.of(), Map.of());
        Panel futureWithActuals = TestPanels.future(3, 79, 7, MlForecastTest::seasonal, promo, Map.of(), Map.of());
        Forecast fa = fc.fit(a).forecast(new ForecastRequest(7, new double[] {0.5}, futureNan));
        Forecast fb = fc.fit(b).forecast(new ForecastRequest(7, new double[] {0.5}, futureWithActuals));
        assertArrayEquals(all(fa), all(fb));
    }

    @Test
    void aPastOnlyCopyOfTheTargetDoesNotHelpWhileAKnownOneDoes() {
        int series = 20;
        int n = 200;
        int h = 7;
        double[][] y = new double[series][n + h];
        Random random = new Random(7);
        for (double[] row : y) {
            for (int t = 0; t < row.length; t++) {
                row[t] = 50 + 10 * random.nextGaussian();
            }
        }
        Map<String, TestPanels.Cell> leak = Map.of("leak", (s, t) -> y[s][t]);
        Panel history = TestPanels.daily(series, n, (s, t) -> y[s][t], leak, Map.of());
        Panel plain = TestPanels.daily(series, n, (s, t) -> y[s][t], Map.of(), Map.of());
        ModelContext pastOnly = DAILY_7.withPastOnly(List.of("leak"));
        double baseline = error(forecaster("ols", "", DAILY_7, new TestLearners()).fit(plain)
                .forecast(new ForecastRequest(h)), y, n);
        FittedModel asPastOnly = forecaster("ols", "", pastOnly, new TestLearners()).fit(history);
        assertTrue(asPastOnly.features().isEmpty(), "a past-only column is not read from the future panel");
        double pastOnlyError = error(asPastOnly.forecast(new ForecastRequest(h, new double[0],
                TestPanels.future(series, n - 1, h, null, Map.of(), Map.of(), Map.of()))), y, n);
        FittedModel asKnown = forecaster("ols", "", DAILY_7, new TestLearners()).fit(history);
        assertEquals(List.of("leak"), asKnown.features());
        double knownError = error(asKnown.forecast(new ForecastRequest(h, new double[0],
                TestPanels.future(series, n - 1, h, null, leak, Map.of(), Map.of()))), y, n);
        assertTrue(knownError < 0.05 * baseline, "a known copy of the target is used: " + knownError + " vs " + baseline);
        assertTrue(pastOnlyError > 0.9 * baseline, "a past-only copy must not help: " + pastOnlyError + " vs " + baseline);
    }

    private static double error(Forecast f, double[][] y, int n) {
        double sum = 0;
        for (int s = 0; s < f.seriesCount(); s++) {
            for (int k = 0; k < f.horizon(); k++) {
                sum += Math.abs(f.point(s, k) - y[s][n + k]);
            }
        }
        return sum / (f.seriesCount() * f.horizon());
    }

    @Test
    void directAndHybridModelsReadNoLagBelowTheirSteps() {
        Panel panel = TestPanels.daily(3, 100, MlForecastTest::seasonal, Map.of("past", (s, t) -> t), Map.of());
        ModelContext context = DAILY_7.withHorizon(10).withPastOnly(List.of("past"));
        for (String strategy : List.of("direct", "hybrid")) {
            FittedMlModel fitted = (FittedMlModel) forecaster("ols", "{strategy: " + strategy + ", blocks: 3}", context,
                    new TestLearners()).fit(panel);
            List<Regressor> models = fitted.regressors().get(0);
            assertEquals(strategy.equals("direct") ? 10 : 3, models.size());
            int[] lastSteps = strategy.equals("direct") ? new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10} : new int[] {3, 6, 10};
            for (int m = 0; m < models.size(); m++) {
                for (String name : models.get(m).featureNames()) {
                    int lag = lagOf(name);
                    assertTrue(lag < 0 || lag >= lastSteps[m], strategy + " model " + m + " reads " + name);
                }
                assertTrue(models.get(m).featureNames().contains("past_lag_10"));
            }
            Forecast f = fitted.forecast(new ForecastRequest(10));
            assertEquals(10, f.horizon());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(new ForecastRequest(11)));
            assertTrue(e.getMessage().contains("horizon of 10"), e.getMessage());
        }
    }

    /** The lag a feature name reads the target at (the smallest, for rolling windows), -1 for other features. */
    private static int lagOf(String name) {
        if (name.matches("lag_\\d+")) {
            return Integer.parseInt(name.substring(4));
        }
        if (name.startsWith("roll_")) {
            int at = name.indexOf("_lag_");
            return at < 0 ? 1 : Integer.parseInt(name.substring(at + 5));
        }
        return -1;
    }

    @Test
    void targetTransformsBackTransformExactly() {
        Panel panel = TestPanels.daily(3, 50, (s, t) -> (s + 1) * (3 + t % 4), Map.of(), Map.of());
        for (String params : List.of("{scale: none}", "{scale: mean}", "{scale: last_window, scale_window: 7}",
                "{scale: mean, transform: log1p}", "{scale: none, transform: log1p}", "{strategy: direct, transform: log1p}")) {
            Forecast f = forecaster("last_value", params, DAILY_7, new TestLearners()).fit(panel).forecast(new ForecastRequest(7));
            for (int s = 0; s < 3; s++) {
                double last = panel.target(panel.rowEnd(s) - 1);
                for (int k = 0; k < 7; k++) {
                    // a direct model of step k reads lag k first: the last value too
                    assertEquals(last, f.point(s, k), 1e-5 * last, params + " series " + s + " step " + (k + 1));
                }
            }
        }
        TargetTransform t = new TargetTransform(MlSpec.Scale.MEAN, 7, MlSpec.Transform.LOG1P);
        assertEquals(2.5, t.back(t.forward(2.5, 3.2), 3.2), 1e-12);
        assertEquals(1, t.divisor(new double[] {0, 0, Double.NaN}), "a zero scale falls back to 1");
    }

    @Test
    void log1pRefusesANegativeTargetNamingTheSeries() {
        Panel panel = TestPanels.daily(2, 30, (s, t) -> s == 1 && t == 12 ? -1 : 4, Map.of(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forecaster("ols", "{transform: log1p}", DAILY_7, new TestLearners()).fit(panel));
        assertTrue(e.getMessage().contains("'s1'") && e.getMessage().contains("2024-01-13"), e.getMessage());
    }

    @Test
    void savedAndLoadedModelsForecastIdentically(@TempDir Path dir) throws Exception {
        Map<String, TestPanels.Cell> cov = Map.of("price", (s, t) -> 2 + (t / 10) % 3, "past", (s, t) -> t % 4);
        Map<String, TestPanels.Cell> events = Map.of("event", (s, t) -> t % 9 == 0 ? 0 : t % 9 == 4 ? 1 : -1);
        Map<String, String[]> statics = Map.of("store", new String[] {"CA_1", "TX_1", "CA_1"});
        Panel panel = TestPanels.daily(3, 0, 80, (s, t) -> seasonal(s, t) / (2 + (t / 10) % 3), cov, events, statics);
        ModelContext context = DAILY_7.withPastOnly(List.of("past"));
        Learners learners = new TestLearners();
        for (String params : List.of("{}", "{strategy: hybrid, group_by: store, transform: log1p}",
                "{rolling_stats: [mean, since_nonzero], price_momentum: true}")) {
            FittedMlModel fitted = (FittedMlModel) forecaster("ols", params, context, learners).fit(panel);
            Path out = dir.resolve("m" + params.length());
            java.nio.file.Files.createDirectories(out);
            fitted.save(out);
            FittedModel loaded = new MlFamily("ols", false, learners).load(out);
            Panel future = TestPanels.future(3, 79, 7, null, Map.of("price", (s, t) -> 3), events, statics);
            ForecastRequest request = new ForecastRequest(7, new double[] {0.1, 0.5, 0.9}, future);
            Forecast a = fitted.forecast(request);
            Forecast b = loaded.forecast(request);
            assertArrayEquals(all(a), all(b));
            for (int q = 0; q < 3; q++) {
                for (int s = 0; s < 3; s++) {
                    for (int k = 0; k < 7; k++) {
                        assertEquals(a.quantile(q, s, k), b.quantile(q, s, k));
                    }
                }
            }
            assertEquals(fitted.features(), loaded.features());
            assertEquals(List.of("price", "event"), loaded.features());
        }
    }

    @Test
    void anUpdateRecomputesTheStateAsARefitWouldAndKeepsTheRegressors() {
        Map<String, TestPanels.Cell> price = Map.of("price", (s, t) -> 1 + (t / 7) % 2);
        Panel longer = TestPanels.daily(3, 100, (s, t) -> seasonal(s, t) + t * 0.1, price, Map.of());
        Panel shorter = longer.sliceUntil(79);
        MlForecaster fc = forecaster("ols", "{scale: last_window}", DAILY_7, new TestLearners());
        FittedMlModel fitted = (FittedMlModel) fc.fit(shorter);
        FittedMlModel updated = fitted.update(longer);
        FittedMlModel refit = (FittedMlModel) fc.fit(longer);
        for (int s = 0; s < 3; s++) {
            SeriesState u = updated.states().get(s);
            SeriesState r = refit.states().get(s);
            assertEquals(r.lastPeriod(), u.lastPeriod());
            assertEquals(r.divisor(), u.divisor());
            assertEquals(r.level(), u.level());
            assertArrayEquals(r.zTail(), u.zTail());
            assertArrayEquals(r.priceMean(), u.priceMean());
            assertArrayEquals(r.priceTail()[0], u.priceTail()[0]);
        }
        assertTrue(updated.regressors().get(0).get(0) == fitted.regressors().get(0).get(0), "the regressor is kept");
        Panel future = TestPanels.future(3, 99, 7, null, price, Map.of(), Map.of());
        assertEquals(100, updated.forecast(new ForecastRequest(7, new double[0], future)).firstPeriod(0));
        Forecast same = fitted.update(shorter).forecast(new ForecastRequest(7, new double[0], TestPanels.future(3, 79, 7, null, price, Map.of(), Map.of())));
        assertArrayEquals(all(fitted.forecast(new ForecastRequest(7, new double[0], TestPanels.future(3, 79, 7, null, price, Map.of(), Map.of())))), all(same));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.update(TestPanels.daily(4, 90, MlForecastTest::seasonal, price, Map.of())));
        assertTrue(e.getMessage().contains("'s3'"), e.getMessage());
    }

    @Test
    void aMissingKnownCovariateIsNamedWithItsSeriesAndDates() {
        Map<String, TestPanels.Cell> price = Map.of("sell_price", (s, t) -> 2 + t % 2);
        Panel panel = TestPanels.daily(7, 40, MlForecastTest::seasonal, price, Map.of());
        FittedModel fitted = forecaster("ols", "", DAILY_7, new TestLearners()).fit(panel);
        assertEquals(List.of("sell_price"), fitted.features());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(new ForecastRequest(7)));
        assertTrue(none.getMessage().contains("'sell_price'") && none.getMessage().contains("'s0', 's1', 's2', 's3', 's4' and 2 more")
                && none.getMessage().contains("2024-02-10 to 2024-02-16"), none.getMessage());
        Panel gappy = TestPanels.future(7, 39, 7, null, Map.of("sell_price", (s, t) -> s == 3 && t == 42 ? Double.NaN : 2), Map.of(), Map.of());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> fitted.forecast(new ForecastRequest(7, new double[0], gappy)));
        assertTrue(one.getMessage().contains("series 's3' on 2024-02-12"), one.getMessage());
    }

    @Test
    void featureNamesAndImportanceLineUpWithTheRealFeatures() {
        Map<String, TestPanels.Cell> cov = Map.of("promo", (s, t) -> (t * 7 + s) % 5 == 0 ? 1 : 0);
        Panel panel = TestPanels.daily(5, 150, (s, t) -> 20 + 30 * ((t * 7 + s) % 5 == 0 ? 1 : 0), cov,
                Map.of("store", new String[] {"a", "b", "a", "b", "c"}));
        FittedMlModel fitted = (FittedMlModel) forecaster("ols", "{lags: [1, 7], rolling: [7], rolling_stats: [mean]}", DAILY_7,
                new TestLearners()).fit(panel);
        Regressor r = fitted.regressors().get(0).get(0);
        assertEquals(List.of("lag_1", "lag_7", "roll_mean_7", "day_of_week", "day_of_month", "week_of_year", "month", "trend",
                "promo", "store", "log_scale"), r.featureNames());
        double[] importance = r.importance();
        assertEquals(r.featureNames().size(), importance.length);
        int best = 0;
        for (int i = 1; i < importance.length; i++) {
            best = importance[i] > importance[best] ? i : best;
        }
        assertEquals("promo", r.featureNames().get(best));
        FittedMlModel linear = (FittedMlModel) new MlFamily("ols", true, new TestLearners()).create(yaml("{lags: [1]}"), DAILY_7).fit(panel);
        assertTrue(linear.regressors().get(0).get(0).featureNames().containsAll(List.of("store=a", "store=b", "store=c")));
    }

    @Test
    void columnsPrepareDerivedFromTheTargetOrThatDuplicateOwnFeaturesAreNotDefaultCovariates() {
        Map<String, TestPanels.Cell> columns = new java.util.LinkedHashMap<>();
        columns.put("price", (s, t) -> 2 + t % 3);
        columns.put("price_change", (s, t) -> 0.1);
        columns.put("day_of_week", (s, t) -> t % 7);
        columns.put("lag_7", (s, t) -> seasonal(s, t - 7));
        columns.put("roll_mean_28", (s, t) -> 1);
        columns.put("outlier", (s, t) -> 0);
        columns.put("snap", (s, t) -> t % 2);
        Panel panel = TestPanels.daily(2, 40, MlForecastTest::seasonal, columns, Map.of());
        FittedModel fitted = forecaster("ols", "{lags: [1]}", DAILY_7, new TestLearners()).fit(panel);
        assertEquals(List.of("price", "snap"), fitted.features());
    }

    @Test
    void groupByFitsOneModelPerGroupValue() {
        Panel panel = TestPanels.daily(4, 60, MlForecastTest::seasonal, Map.of(),
                Map.of("cat", new String[] {"FOODS", "HOBBIES", "FOODS", "HOBBIES"}));
        FittedMlModel fitted = (FittedMlModel) forecaster("ols", "{group_by: cat}", DAILY_7, new TestLearners()).fit(panel);
        assertEquals(2, fitted.regressors().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forecaster("ols", "{group_by: dept}", DAILY_7, new TestLearners()).fit(panel));
        assertTrue(e.getMessage().contains("model.params.group_by") && e.getMessage().contains("cat"), e.getMessage());
    }

    @Test
    void groupBySeriesFitsOneModelPerSeriesWithItsOwnPriceResponse() {
        // units = 100 * price^-e with e = 1, 2, 3 by series: one pooled model gives every series the
        // same response to a price cut; one model per series gives each its own
        double[] elasticity = {1, 2, 3};
        TestPanels.Cell price = (s, t) -> 1 + 0.1 * ((t * (s + 2)) % 7);
        Panel panel = TestPanels.daily(3, 60, (s, t) -> 100 * Math.pow(price.at(s, t), -elasticity[s]), Map.of("price", price), Map.of());
        String params = "{group_by: series, transform: log1p, lags: [1], rolling: [], calendar: false, price: []}";
        FittedMlModel fitted = (FittedMlModel) forecaster("ols", params, DAILY_7, new TestLearners()).fit(panel);
        assertEquals(3, fitted.regressors().size());
        double[] own = cutLifts(fitted);
        for (int s = 0; s < 3; s++) {
            // near 0.9^-e - 1 (+11 %, +23 %, +37 %): the model is linear in the price, not its log
            double implied = Math.pow(0.9, -elasticity[s]) - 1;
            assertEquals(implied, own[s], 0.4 * implied, "series " + s + ": " + java.util.Arrays.toString(own));
        }
        assertTrue(own[0] < own[1] && own[1] < own[2], java.util.Arrays.toString(own));
        double[] pooled = cutLifts((FittedMlModel) forecaster("ols", params.replace("group_by: series, ", ""), DAILY_7, new TestLearners()).fit(panel));
        assertTrue(pooled[2] - pooled[0] < (own[2] - own[0]) / 2, "pooled " + java.util.Arrays.toString(pooled) + ", own " + java.util.Arrays.toString(own));
        // a static column named 'series' is a static like any other: one model per value
        Panel coded = TestPanels.daily(3, 60, (s, t) -> 100 * Math.pow(price.at(s, t), -elasticity[s]), Map.of("price", price),
                Map.of("series", new String[] {"a", "a", "b"}));
        assertEquals(2, ((FittedMlModel) forecaster("ols", params, DAILY_7, new TestLearners()).fit(coded)).regressors().size());
    }

    /** Each series' relative change of its one-step forecast when the price goes from 1.2 to 1.08. */
    private static double[] cutLifts(FittedMlModel fitted) {
        Forecast base = fitted.forecast(new ForecastRequest(1, new double[] {0.5},
                TestPanels.future(3, 59, 1, null, Map.of("price", (s, t) -> 1.2), Map.of(), Map.of())));
        Forecast cut = fitted.forecast(new ForecastRequest(1, new double[] {0.5},
                TestPanels.future(3, 59, 1, null, Map.of("price", (s, t) -> 1.08), Map.of(), Map.of())));
        double[] lift = new double[3];
        for (int s = 0; s < 3; s++) {
            lift[s] = cut.point(s, 0) / base.point(s, 0) - 1;
        }
        return lift;
    }

    @Test
    void parametersAreCheckedAndRoundTrip() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forecaster("ols", "{lag: [1]}", DAILY_7, new TestLearners()));
        assertTrue(e.getMessage().contains("model.params.lag ") && e.getMessage().contains("lags") && e.getMessage().contains("l2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> forecaster("ols", "{strategy: sideways}", DAILY_7, new TestLearners()));
        assertThrows(IllegalArgumentException.class, () -> forecaster("ols", "{lags: [0]}", DAILY_7, new TestLearners()));
        MlForecaster fc = forecaster("ols", "{l2: 0.5, strategy: hybrid, blocks: 2, lags: [7, 1]}", DAILY_7, new TestLearners());
        assertEquals(0.5, fc.parameters().get("l2"));
        assertEquals(List.of(1, 7), fc.parameters().get("lags"));
        MlForecaster again = forecaster("ols", YAML.valueToTree(fc.parameters()).toString(), DAILY_7, new TestLearners());
        assertEquals(fc.parameters(), again.parameters());
        Panel panel = TestPanels.daily(2, 40, MlForecastTest::seasonal, Map.of(), Map.of());
        IllegalArgumentException cov = assertThrows(IllegalArgumentException.class,
                () -> forecaster("ols", "{covariates: [price]}", DAILY_7, new TestLearners()).fit(panel));
        assertTrue(cov.getMessage().contains("model.params.covariates"), cov.getMessage());
    }

    @Test
    void progressStepsOncePerSeriesOverTheModels() {
        Panel panel = TestPanels.daily(5, 40, MlForecastTest::seasonal, Map.of(), Map.of());
        RecordingTask task = new RecordingTask();
        forecaster("ols", "{strategy: direct}", DAILY_7, new TestLearners()).fit(panel, task);
        assertEquals(5, task.steps());
        assertNotEquals(0, task.steps());
    }
}
