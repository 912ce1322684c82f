package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.Progress;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void aPastOnlyColumnIsNeverRead() {
        int series = 2;
        double[][] y = seasonal(series, N + H, 3);
        // a copy of the next period's target: a model reading it would forecast almost exactly
        Map<String, BiFunction<Integer, Integer, Double>> leak = Map.of("leak", (s, t) -> y[s][t + 1]);
        Panel withLeak = panel(0, N, (s, t) -> y[s][t], leak, Map.of(), series);
        Panel without = panel(0, N, (s, t) -> y[s][t], Map.of(), Map.of(), series);
        String params = "{ensemble: 1, lookback: 14, layers: 1, units: 8, dropout: 0, epochs: 2, batch_size: 32, max_windows: 40}";
        FittedLstmModel asPastOnly = (FittedLstmModel) forecaster(params, DAILY_7.withPastOnly(List.of("leak"))).fit(withLeak);
        FittedLstmModel plain = (FittedLstmModel) forecaster(params, DAILY_7).fit(without);
        assertTrue(asPastOnly.features().isEmpty(), "nothing is read over the forecast periods");
        // no future panel at all: a past-only column is never asked for
        Forecast f = asPastOnly.forecast(new ForecastRequest(H));
        assertArrayEquals(points(plain.forecast(new ForecastRequest(H))), points(f),
                "fitting with a past-only column gives exactly the model fitted without it");
        FittedModel asKnown = forecaster(params, DAILY_7).fit(withLeak);
        assertEquals(List.of("leak"), asKnown.features(), "the same column declared known is an input");
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
        AtomicLong steps = new AtomicLong();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        Progress.Task task = new Progress.Task() {
            @Override
            public void step(long n) {
                steps.addAndGet(n);
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }

            @Override
            public void close() {
            }
        };
        FittedLstmModel fitted = (FittedLstmModel) forecaster("{ensemble: 1, lookback: 14, layers: 1, units: 4, epochs: 3, patience: 0, max_windows: 30}",
                DAILY_7).fit(history, task);
        assertEquals(series, steps.get());
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).matches("lstm epoch 1/3: loss [0-9.]+, val loss [0-9.]+ \\(best\\), [0-9.]+ s, ETA <= .*"), notes.get(0));
        assertFalse(notes.get(2).contains("ETA"), notes.get(2));
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
