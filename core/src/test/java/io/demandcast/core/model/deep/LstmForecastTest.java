package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.RecordingTask;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lstm} family on tiny panels (a few series, a few epochs, small networks: the class runs
 * in well under 30 s with {@code OMP_NUM_THREADS=1}, which the surefire configuration sets).
 */
class LstmForecastTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TimeAxis AXIS = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());
    /** Small and quick: enough to learn a weekly pattern. */
    private static final String SMALL = "{ensemble: 1, lookback: 14, layers: 1, units: 16, dropout: 0, epochs: 8, patience: 0, batch_size: 32,"
            + " learning_rate: 0.01, max_windows: 60}";
    private static final int N = 150;
    private static final int H = 7;

    static LstmForecaster forecaster(String params, ModelContext context) {
        return (LstmForecaster) new LstmFamily().create(yaml(params), context);
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A weekly pattern times a level per series, a little noise. */
    static double[][] seasonal(int series, int length, long seed) {
        Random random = new Random(seed);
        double[][] y = new double[series][length];
        for (int s = 0; s < series; s++) {
            for (int t = 0; t < length; t++) {
                y[s][t] = (s + 1) * 10 * (1 + 0.5 * Math.sin(2 * Math.PI * t / 7)) + random.nextGaussian();
            }
        }
        return y;
    }

    /** Series {@code s0, s1, ...} on periods {@code from .. from + n - 1} of {@link #AXIS}. */
    static Panel panel(int from, int n, BiFunction<Integer, Integer, Double> target, Map<String, BiFunction<Integer, Integer, Double>> numeric,
                       Map<String, String[]> statics, int series) {
        String[] ids = new String[series];
        int[] offsets = new int[series + 1];
        int[] periods = new int[series * n];
        double[] y = new double[series * n];
        Map<String, double[]> columns = new LinkedHashMap<>();
        numeric.forEach((k, v) -> columns.put(k, new double[series * n]));
        for (int s = 0; s < series; s++) {
            ids[s] = "s" + s;
            offsets[s + 1] = (s + 1) * n;
            for (int t = 0; t < n; t++) {
                int r = s * n + t;
                periods[r] = from + t;
                y[r] = target.apply(s, from + t);
                for (var e : numeric.entrySet()) {
                    columns.get(e.getKey())[r] = e.getValue().apply(s, from + t);
                }
            }
        }
        return new Panel(AXIS, ids, offsets, periods, y, columns, Map.<String, Categorical>of(), statics);
    }

    private static double[] points(Forecast f) {
        double[] out = new double[f.seriesCount() * f.horizon()];
        for (int s = 0; s < f.seriesCount(); s++) {
            System.arraycopy(f.points(s), 0, out, s * f.horizon(), f.horizon());
        }
        return out;
    }

    private static double mae(Forecast f, double[][] y, int n) {
        double sum = 0;
        for (int s = 0; s < f.seriesCount(); s++) {
            for (int k = 0; k < f.horizon(); k++) {
                sum += Math.abs(f.point(s, k) - y[s][n + k]);
            }
        }
        return sum / (f.seriesCount() * f.horizon());
    }

    @Test
    void learnsAWeeklyPatternAcrossSeriesBetterThanTheMean() {
        int series = 4;
        double[][] y = seasonal(series, N + H, 1);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        FittedModel fitted = forecaster(SMALL, DAILY_7).fit(history);
        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.9));
        double meanError = 0;
        for (int s = 0; s < series; s++) {
            double mean = java.util.Arrays.stream(y[s], 0, N).average().orElseThrow();
            assertEquals(N, f.firstPeriod(s));
            for (int k = 0; k < H; k++) {
                meanError += Math.abs(mean - y[s][N + k]);
                assertTrue(f.quantile(0, s, k) <= f.point(s, k) && f.point(s, k) <= f.quantile(1, s, k));
            }
        }
        meanError /= series * H;
        double error = mae(f, y, N);
        assertTrue(error < 0.5 * meanError, "LSTM MAE " + error + " against the mean's " + meanError);
    }

    @Test
    void aFixedSeedGivesIdenticalForecastsAndAReloadForecastsIdentically(@TempDir Path dir) throws Exception {
        int series = 3;
        double[][] y = seasonal(series, N, 2);
        Map<String, BiFunction<Integer, Integer, Double>> promo = Map.of("promo", (s, t) -> (double) ((t + s) % 5 == 0 ? 1 : 0));
        String[] store = {"a", "b", "a"};
        Panel history = panel(0, N, (s, t) -> y[s][t] * (1 + 0.5 * ((t + s) % 5 == 0 ? 1 : 0)), promo, Map.of("store", store), series);
        Panel future = panel(N, H, (s, t) -> Double.NaN, promo, Map.of("store", store), series);
        String params = "{ensemble: 1, lookback: 14, layers: 2, units: 8, dropout: 0.1, epochs: 2, batch_size: 16, max_windows: 30, seed: 7}";
        ForecastRequest request = new ForecastRequest(H, new double[] {0.1, 0.5, 0.9}, future);
        FittedLstmModel first = (FittedLstmModel) forecaster(params, DAILY_7).fit(history);
        FittedLstmModel second = (FittedLstmModel) forecaster(params, DAILY_7).fit(history);
        Forecast a = first.forecast(request);
        assertArrayEquals(points(a), points(second.forecast(request)), "same seed, same data: identical forecasts");
        assertEquals(List.of("promo"), first.features());
        FittedLstmModel other = (FittedLstmModel) forecaster(params.replace("seed: 7", "seed: 8"), DAILY_7).fit(history);
        assertFalse(java.util.Arrays.equals(points(a), points(other.forecast(request))), "another seed, other weights");

        first.save(dir);
        assertTrue(Files.size(dir.resolve(FittedLstmModel.NETWORK_FILE)) > 0);
        FittedModel loaded = new LstmFamily().load(dir);
        Forecast b = loaded.forecast(request);
        assertArrayEquals(points(a), points(b), "a reload forecasts identically");
        for (int q = 0; q < 3; q++) {
            for (int s = 0; s < series; s++) {
                for (int k = 0; k < H; k++) {
                    assertEquals(a.quantile(q, s, k), b.quantile(q, s, k));
                }
            }
        }
        assertEquals(first.training().epochs().size(), ((FittedLstmModel) loaded).training().epochs().size());
        JsonNode json = new ObjectMapper().readTree(dir.resolve(FittedLstmModel.FILE).toFile());
        assertEquals(List.of("store"), List.of(json.path("inputs").path("schema").path("statics").path(0).path("name").asText()));
        assertTrue(json.path("inputs").path("window_inputs").toString().contains("store=a"));
        assertEquals(series, json.path("series").size());
        assertTrue(json.path("training").path("backend").asText().startsWith("cpu (ND4J CpuBackend"), json.path("training").toString());
        assertEquals("float32", json.path("training").path("precision").asText());
    }

    /**
     * {@code train.half_precision} builds the network in FP16. Runs need CUDA for it
     * ({@code Backends.select} refuses it on the CPU); ND4J's CPU backend computes FP16 too, slowly,
     * which lets a CPU build check that a half-precision network trains and forecasts sensibly.
     */
    @Test
    void aHalfPrecisionNetworkTrainsAndForecasts() {
        LstmSpec spec = forecaster("{lookback: 14, layers: 1, units: 8, epochs: 1}", DAILY_7).spec();
        LstmNetwork half = LstmNetwork.create(spec, 1, 14, 0, org.nd4j.linalg.api.buffer.DataType.HALF, Backends.active());
        assertEquals("float16", half.precision());
        float[] window = new float[4 * 14];
        float[] labels = new float[4 * H];
        java.util.Arrays.fill(window, 1f);
        java.util.Arrays.fill(labels, 1f);
        double first = half.fit(window, new float[0], labels, null, 4);
        double later = first;
        for (int i = 0; i < 30; i++) {
            later = half.fit(window, new float[0], labels, null, 4);
        }
        assertTrue(Double.isFinite(later) && later < first, first + " -> " + later);
        float[] out = half.predict(window, new float[0], 4);
        assertEquals(4 * H, out.length);
        for (float v : out) {
            assertTrue(Float.isFinite(v), java.util.Arrays.toString(out));
        }
    }

    @Test
    void windowScalingForecastsFromTheWindowsLevelAndReloadsIdentically(@TempDir Path dir) throws Exception {
        int series = 2;
        double[][] y = seasonal(series, N, 8);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        FittedLstmModel fitted = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 1, max_windows: 20,"
                + " scale: window}", DAILY_7).fit(history);
        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.9));
        fitted.save(dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(FittedLstmModel.FILE).toFile());
        assertEquals("window", json.path("inputs").path("scale").asText());
        assertEquals("window", json.path("parameters").path("scale").asText());
        assertArrayEquals(points(f), points(new LstmFamily().load(dir).forecast(new ForecastRequest(H, 0.1, 0.9))));
    }

    /**
     * A series that rises on even days and falls on odd ones: the direction head learns to call each
     * step's move, the forecast carries its probabilities (also after a reload), and a network
     * without the head gives none.
     */
    @Test
    void theDirectionHeadCallsTheMovesOfEachStep(@TempDir Path dir) throws Exception {
        int series = 3;
        Random random = new Random(9);
        double[][] y = new double[series][N];
        for (int s = 0; s < series; s++) {
            for (int t = 0; t < N; t++) {
                y[s][t] = (s + 1) * (t % 2 == 0 ? 20 : 10) + random.nextGaussian();
            }
        }
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        FittedLstmModel fitted = (FittedLstmModel) forecaster(SMALL.replace("epochs: 8", "epochs: 40").replace("}", ", direction_head: true, direction_weight: 2}"), DAILY_7)
                .fit(history);
        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.9));
        assertTrue(f.hasDirection());
        for (int s = 0; s < series; s++) {
            for (int k = 0; k < H; k++) {
                // the history ends on day N - 1 = 149 (odd, low): step 1 is day 150 (even: a rise)
                boolean rises = (N + k) % 2 == 0;
                double p = f.upProbability(s, k);
                assertTrue(rises ? p > 0.8 : p < 0.2, "series " + s + " step " + (k + 1) + ": p_up " + p);
            }
        }
        fitted.save(dir);
        JsonNode params = new ObjectMapper().readTree(dir.resolve(FittedLstmModel.FILE).toFile()).path("parameters");
        assertTrue(params.path("direction_head").asBoolean());
        assertEquals(2.0, params.path("direction_weight").asDouble());
        Forecast reloaded = new LstmFamily().load(dir).forecast(new ForecastRequest(H, 0.1, 0.9));
        for (int s = 0; s < series; s++) {
            for (int k = 0; k < H; k++) {
                assertEquals(f.upProbability(s, k), reloaded.upProbability(s, k));
            }
        }
        assertFalse(forecaster(SMALL, DAILY_7).fit(history).forecast(new ForecastRequest(H, 0.1, 0.9)).hasDirection());
    }

    /**
     * A past-only column is a window channel read up to the forecast origin, never over the forecast
     * periods: values it has there change nothing, and it needs none.
     */
    @Test
    void aPastOnlyColumnIsReadUpToTheCutoffOnly(@TempDir Path dir) throws Exception {
        int series = 2;
        double[][] y = seasonal(series, N + H, 3);
        Map<String, BiFunction<Integer, Integer, Double>> traffic = Map.of("traffic", (s, t) -> 3 * y[s][t] + t % 3);
        Panel history = panel(0, N, (s, t) -> y[s][t], traffic, Map.of(), series);
        String params = "{ensemble: 1, lookback: 14, layers: 1, units: 8, dropout: 0, epochs: 2, batch_size: 32, max_windows: 40}";
        FittedLstmModel fitted = (FittedLstmModel) forecaster(params, DAILY_7.withPastOnly(List.of("traffic"))).fit(history);
        assertTrue(fitted.features().isEmpty(), "nothing is needed over the forecast periods");
        Forecast without = fitted.forecast(new ForecastRequest(H));
        // the forecast periods' traffic, absurd: a model reading it there would move
        Panel future = panel(N, H, (s, t) -> Double.NaN, Map.of("traffic", (s, t) -> 1e6), Map.of(), series);
        assertArrayEquals(points(without), points(fitted.forecast(new ForecastRequest(H, new double[0], future))));
        FittedLstmModel plain = (FittedLstmModel) forecaster(params, DAILY_7).fit(panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series));
        assertFalse(java.util.Arrays.equals(points(plain.forecast(new ForecastRequest(H))), points(without)),
                "the window's traffic is an input");
        fitted.save(dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(FittedLstmModel.FILE).toFile());
        assertTrue(json.path("inputs").path("window_inputs").toString().contains("past:traffic"));
        assertFalse(json.path("inputs").path("future_inputs_per_step").toString().contains("traffic"));
        assertArrayEquals(points(without), points(new LstmFamily().load(dir).forecast(new ForecastRequest(H))), "reload");
    }

    /** The attention family learns the weekly pattern like the lstm, saves itself as attention and reloads identically. */
    @Test
    void theAttentionFamilyLearnsAWeeklyPatternAndReloadsIdentically(@TempDir Path dir) throws Exception {
        int series = 3;
        double[][] y = seasonal(series, N + H, 1);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        FittedModel fitted;
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            fitted = ModelRegistry.standard().family("attention")
                    .create(yaml(SMALL.replace("}", ", heads: 4, layers: 1}")), DAILY_7).fit(history);
        } finally {
            System.setOut(stdout);
        }
        assertEquals("", printed.toString(), "SameDiff's prints stay off stdout (our CSV and JSON)");
        assertEquals("attention", fitted.family());
        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.9));
        double model = 0;
        double mean = 0;
        for (int s = 0; s < series; s++) {
            double level = java.util.Arrays.stream(y[s], 0, N).average().orElseThrow();
            for (int k = 0; k < H; k++) {
                model += Math.abs(f.point(s, k) - y[s][N + k]);
                mean += Math.abs(level - y[s][N + k]);
            }
        }
        assertTrue(model < 0.6 * mean, "attention MAE " + model / (series * H) + " against the mean's " + mean / (series * H));
        fitted.save(dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(FittedLstmModel.FILE).toFile());
        assertEquals("attention", json.path("family").asText());
        assertEquals(4, json.path("parameters").path("heads").asInt());
        assertArrayEquals(points(f), points(ModelRegistry.standard().family("attention").load(dir).forecast(new ForecastRequest(H, 0.1, 0.9))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.standard().family("attention").create(yaml("{units: 10, heads: 4}"), DAILY_7));
        assertTrue(e.getMessage().contains("model.params.heads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> forecaster("{heads: 2}", DAILY_7), "heads is not an lstm key");
    }

    /**
     * {@code quantiles: loss}: the quantile output learns the spread of noisy series (about 80 % of new
     * actuals between its 0.1 and 0.9 quantiles), survives a reload (the pinball loss is part of the
     * network's saved configuration), and levels outside the fitted ones are refused.
     */
    @Test
    void pinballLossQuantilesCoverTheNoiseAndReloadIdentically(@TempDir Path dir) throws Exception {
        int series = 4;
        int n = N + 10 * H;
        Random random = new Random(4);
        double[][] y = new double[series][n];
        for (int s = 0; s < series; s++) {
            for (int t = 0; t < n; t++) {
                y[s][t] = 100 + 20 * random.nextGaussian();
            }
        }
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        FittedLstmModel fitted = (FittedLstmModel) forecaster(SMALL.replace("epochs: 8", "epochs: 20")
                .replace("}", ", quantiles: loss, quantile_levels: [0.1, 0.5, 0.9]}"), DAILY_7).fit(history);
        // score on many later windows of the same process through update()
        int inside = 0;
        int total = 0;
        for (int origin = N; origin + H <= n; origin += H) {
            int end = origin;
            FittedModel updated = fitted.update(panel(0, end, (s, t) -> y[s][t], Map.of(), Map.of(), series));
            Forecast f = updated.forecast(new ForecastRequest(H, 0.1, 0.9));
            for (int s = 0; s < series; s++) {
                for (int k = 0; k < H; k++) {
                    assertTrue(f.quantile(0, s, k) <= f.quantile(1, s, k));
                    double actual = y[s][end + k];
                    inside += actual >= f.quantile(0, s, k) && actual <= f.quantile(1, s, k) ? 1 : 0;
                    total++;
                }
            }
        }
        double coverage = (double) inside / total;
        assertTrue(coverage > 0.65 && coverage < 0.92, "80 % interval coverage " + coverage);
        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.5, 0.9));
        fitted.save(dir);
        Forecast reloaded = new LstmFamily().load(dir).forecast(new ForecastRequest(H, 0.1, 0.5, 0.9));
        for (int q = 0; q < 3; q++) {
            for (int s = 0; s < series; s++) {
                for (int k = 0; k < H; k++) {
                    assertEquals(f.quantile(q, s, k), reloaded.quantile(q, s, k));
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(new ForecastRequest(H, 0.05)));
        assertTrue(e.getMessage().contains("quantile_levels"), e.getMessage());
    }

    /** A combination with a network among its members reports that member's training in its fit summary. */
    @Test
    void aCombinationReportsItsNetworkMembersEpochs() {
        double[][] y = seasonal(2, N, 5);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), 2);
        JsonNode params = yaml("{members: [naive, {family: lstm, params: {ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 2,"
                + " patience: 0, max_windows: 20}}]}");
        FittedModel fitted = io.demandcast.core.model.ModelFactory.create(io.demandcast.core.model.ModelRegistry.standard(), "combination",
                params, DAILY_7, "mix").fit(history);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) fitted.fitSummary().get("members");
        assertEquals(1, members.size(), "naive has nothing to report: " + members);
        assertEquals(1, members.get(0).get("member"));
        assertEquals("lstm", members.get(0).get("family"));
        assertEquals(2, members.get(0).get("epochs_run"));
    }

    @Test
    void aLongerHorizonThanFittedAndMissingKnownCovariatesAreRefused() {
        int series = 2;
        double[][] y = seasonal(series, N, 4);
        Map<String, BiFunction<Integer, Integer, Double>> promo = Map.of("promo", (s, t) -> (double) (t % 3 == 0 ? 1 : 0));
        Panel history = panel(0, N, (s, t) -> y[s][t], promo, Map.of(), series);
        FittedModel fitted = forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 1, max_windows: 20}", DAILY_7).fit(history);
        Panel future = panel(N, 2 * H, (s, t) -> Double.NaN, promo, Map.of(), series);
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> fitted.forecast(new ForecastRequest(2 * H, new double[0], future)));
        assertTrue(longer.getMessage().contains("fitted for a horizon of 7") && longer.getMessage().contains("14 steps"), longer.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(new ForecastRequest(H)));
        assertTrue(missing.getMessage().contains("'promo'"), missing.getMessage());
        assertEquals(3, fitted.forecast(new ForecastRequest(3, new double[0], future)).horizon(), "a shorter horizon is served");
    }

    @Test
    void badParametersNameTheirKey() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{layers: 0}", "model.params.layers");
        cases.put("{units: -3}", "model.params.units");
        cases.put("{dropout: 1.5}", "model.params.dropout");
        cases.put("{optimizer: sgd}", "model.params.optimizer");
        cases.put("{loss: tweedie}", "model.params.loss");
        cases.put("{cell: gru}", "model.params.cell");
        cases.put("{weight_decay: 0.01}", "model.params.weight_decay");
        cases.put("{optimizer: adamw, l2: 0.01}", "model.params.l2");
        cases.put("{validation: 0.95}", "model.params.validation");
        cases.put("{seed: 1.5}", "model.params.seed");
        cases.put("{scale: mean}", "model.params.scale");
        cases.put("{quantile_levels: [0.1]}", "model.params.quantile_levels");
        cases.put("{quantiles: loss, quantile_levels: [1.5]}", "model.params.quantile_levels");
        cases.put("{quantiles: pinball}", "model.params.quantiles");
        cases.put("{direction_weight: 2}", "model.params.direction_weight");
        cases.put("{direction_head: true, direction_weight: 0}", "model.params.direction_weight");
        cases.put("{direction_head: maybe}", "model.params.direction_head");
        cases.put("{batches_per_epoch: -1}", "model.params.batches_per_epoch");
        cases.put("{lookbak: 28}", "model.params.lookbak");
        cases.put("{learning_rate_decay: 0}", "model.params.learning_rate_decay");
        cases.put("{learning_rate_decay: 1.5}", "model.params.learning_rate_decay");
        cases.put("{ensemble: 0}", "model.params.ensemble");
        cases.forEach((params, key) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> forecaster(params, DAILY_7), params);
            assertTrue(e.getMessage().contains(key), params + ": " + e.getMessage());
        });
        assertTrue(assertThrows(IllegalArgumentException.class, () -> forecaster("{cell: gru}", DAILY_7)).getMessage().contains("no GRU"));
        LstmSpec spec = forecaster("", new ModelContext(Frequency.DAILY, 7, 28, List.of())).spec();
        assertEquals(28, spec.lookback(), "default lookback: the horizon");
        assertEquals(4, spec.ensemble());
        assertEquals("window", spec.parameters().get("scale"));
        assertEquals("adam", spec.parameters().get("optimizer"));
        assertTrue(ModelRegistry.standard().families().stream().anyMatch(f -> f.name().equals("lstm")));
    }

    @Test
    void progressStepsPerEpochAndNotesEachEpochsLosses() {
        int series = 3;
        double[][] y = seasonal(series, N, 5);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        RecordingTask task = new RecordingTask();
        List<String> notes = task.notes();
        FittedLstmModel fitted = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 3, patience: 0, max_windows: 30}",
                DAILY_7).fit(history, task);
        assertEquals(series, task.steps());
        assertEquals(4, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("lstm: training on cpu (ND4J CpuBackend, "), notes.get(0));
        assertTrue(notes.get(0).contains(", float32, "), notes.get(0));
        assertTrue(notes.get(1).matches("lstm epoch 1/3: loss [0-9.]+, val loss [0-9.]+ \\(best\\), [0-9.]+ s, ETA <= .*"), notes.get(1));
        assertFalse(notes.get(3).contains("ETA"), notes.get(3));
        assertEquals(3, fitted.training().epochs().size());
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        int series = 2;
        double[][] y = seasonal(series, N, 6);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        // a learning rate so high that validation loss stops improving quickly
        FittedLstmModel fitted = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 8, epochs: 40, patience: 2,"
                + " learning_rate: 0.2, max_windows: 40}", DAILY_7).fit(history);
        TrainingSummary t = fitted.training();
        assertTrue(t.stoppedEarly(), "stopped early: " + t.epochs());
        int best = t.bestEpoch();
        double bestLoss = t.epochs().get(best - 1).validationLoss();
        assertEquals(best + 2, t.epochs().size(), "patience 2: two epochs after the best");
        t.epochs().forEach(e -> assertTrue(e.validationLoss() >= bestLoss));
        assertEquals("validation", t.residualSource());
    }

    @Test
    void anEnsembleForecastsTheMeanOfItsSeedsNetworksAndReloadsIdentically(@TempDir Path dir) throws Exception {
        int series = 3;
        double[][] y = seasonal(series, N, 9);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        String params = "{lookback: 14, layers: 1, units: 8, epochs: 2, batch_size: 16, max_windows: 30, seed: 7";
        ForecastRequest request = new ForecastRequest(H, 0.1, 0.9);
        FittedLstmModel pair = (FittedLstmModel) forecaster(params + ", ensemble: 2}", DAILY_7).fit(history);
        double[] seven = points(forecaster(params + ", ensemble: 1}", DAILY_7).fit(history).forecast(request));
        double[] eight = points(forecaster(params.replace("seed: 7", "seed: 8") + ", ensemble: 1}", DAILY_7).fit(history).forecast(request));
        Forecast f = pair.forecast(request);
        double[] mean = points(f);
        assertFalse(java.util.Arrays.equals(seven, eight), "the members differ");
        for (int i = 0; i < mean.length; i++) {
            double expected = (seven[i] + eight[i]) / 2;
            assertEquals(expected, mean[i], 1e-5 * Math.abs(expected) + 1e-6, "member seeds 7 and 8, outputs averaged");
        }
        assertEquals(2, pair.memberTrainings().size());
        pair.save(dir);
        assertTrue(Files.size(dir.resolve("network.zip")) > 0 && Files.size(dir.resolve("network-2.zip")) > 0);
        FittedLstmModel loaded = (FittedLstmModel) new LstmFamily().load(dir);
        assertArrayEquals(mean, points(loaded.forecast(request)), "a reload forecasts identically");
        assertEquals(2, loaded.memberTrainings().size());
        assertEquals(2, loaded.networks().members().size());
    }

    @Test
    void learningRateDecayMultipliesTheRateAfterEachEpoch() {
        int series = 2;
        double[][] y = seasonal(series, N, 10);
        Panel history = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        FittedLstmModel fitted = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 3, patience: 0, max_windows: 20,"
                + " learning_rate: 0.01, learning_rate_decay: 0.5}", DAILY_7).fit(history);
        assertEquals(0.01 * 0.5 * 0.5 * 0.5, fitted.networks().first().learningRate(), 1e-12, "after 3 epochs");
        FittedLstmModel constant = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 3, patience: 0,"
                + " max_windows: 20, learning_rate: 0.01}", DAILY_7).fit(history);
        assertEquals(0.01, constant.networks().first().learningRate(), 1e-12);
    }
}
