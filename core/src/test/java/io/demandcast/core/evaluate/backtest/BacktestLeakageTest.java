package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.UpdateMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No model sees a window's future. The series are white noise: the best honest forecast misses
 * by about the noise level (MAE ≈ 0.8 σ), while a model that had seen the window's actuals could
 * score 0. Every family is backtested on them and must stay far from 0; and a spy records every
 * row any family is handed, which must end at a cutoff of the plan.
 */
class BacktestLeakageTest {
    static final TimeAxis DAILY = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
    static final double SIGMA = 10;
    static final int H = 7;

    /** Six series of Gaussian noise around 100, 120 days, the last two 10 and 20 days shorter (ragged). */
    static Panel noise() {
        SplittableRandom random = new SplittableRandom(42);
        int[] lengths = {120, 120, 120, 120, 110, 100};
        int total = java.util.Arrays.stream(lengths).sum();
        int[] offsets = new int[lengths.length + 1];
        int[] periods = new int[total];
        double[] target = new double[total];
        String[] ids = new String[lengths.length];
        int r = 0;
        for (int s = 0; s < lengths.length; s++) {
            ids[s] = "noise" + s;
            for (int t = 0; t < lengths[s]; t++) {
                periods[r] = t;
                target[r] = 100 + SIGMA * gaussian(random);
                r++;
            }
            offsets[s + 1] = r;
        }
        return new Panel(DAILY, ids, offsets, periods, target, Map.of(), Map.of(), Map.of());
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static BacktestConfig config(int refitEvery) {
        return new BacktestConfig(H, 3, H, null, null, null, null, JsonNodeFactory.instance.numberNode(refitEvery), null);
    }

    static Stream<String> families() {
        return ModelRegistry.standard().families().stream().map(ModelFamily::name);
    }

    static Forecaster forecaster(String family) {
        var params = family.equals("arima") ? JsonNodeFactory.instance.objectNode().set("order",
                JsonNodeFactory.instance.arrayNode().add(1).add(0).add(0)) : JsonNodeFactory.instance.objectNode();
        if (family.equals("lstm") || family.equals("attention")) {
            // a small network: quick, and as able as the default one to (not) see the future
            params = JsonNodeFactory.instance.objectNode().put("units", 8).put("epochs", 3).put("ensemble", 1);
            if (family.equals("attention")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) params).put("heads", 2);
            }
        }
        return ModelRegistry.standard().family(family).create(params, new ModelContext(Frequency.DAILY, 7));
    }

    @ParameterizedTest
    @MethodSource("families")
    void noFamilyScoresLikeItSawTheFuture(String family) {
        Panel panel = noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, config(2), H);
        BacktestModel model = new BacktestModel(family, BacktestModel.Role.CANDIDATE, forecaster(family), null);
        ModelRun run = BacktestEngine.run(model, panel, plan, 2, new double[] {0.1, 0.5, 0.9}, UnaryOperator.identity(), Progress.NONE, List.of());
        ModelScores scores = new BacktestScoring(panel, plan, ScoreOptions.of(7), UnaryOperator.identity(), Map.of()).score(run);
        double mae = scores.metric("mae");
        assertTrue(mae > 0.5 * SIGMA, family + " scored MAE " + mae + " on pure noise (sigma " + SIGMA + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, BacktestConfig.NEVER})
    void everyRowAModelIsHandedEndsAtACutoff(int refitEvery) {
        Panel panel = noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, config(1), H);
        Spy spy = new Spy(forecaster("ses"));
        BacktestModel model = new BacktestModel("spy", BacktestModel.Role.CANDIDATE, spy, null);
        ModelRun run = BacktestEngine.run(model, panel, plan, refitEvery, new double[] {0.5}, UnaryOperator.identity(), Progress.NONE, List.of());
        for (int w = 0; w < plan.windows(); w++) {
            Forecast f = run.forecasts().get(w);
            for (int i = 0; i < f.seriesCount(); i++) {
                int s = plan.indexOf(f.seriesId(i));
                assertEquals(plan.cutoff(w, s) + 1, f.firstPeriod(i), "window " + w + " forecasts start after its cutoff");
            }
        }
        for (Map.Entry<String, Set<Integer>> e : spy.lastSeen.entrySet()) {
            int s = plan.indexOf(e.getKey());
            Set<Integer> cutoffs = new java.util.HashSet<>();
            for (int w = 0; w < plan.windows(); w++) {
                cutoffs.add(plan.cutoff(w, s));
            }
            assertTrue(cutoffs.containsAll(e.getValue()), e.getKey() + " was handed rows up to " + e.getValue()
                    + ", the cutoffs are " + cutoffs);
        }
        assertEquals(panel.seriesCount(), spy.lastSeen.size());
    }

    /** Records the last period of every series in every panel handed to fit or update. */
    static final class Spy implements Forecaster {
        final Forecaster inner;
        final Map<String, Set<Integer>> lastSeen = new ConcurrentHashMap<>();

        Spy(Forecaster inner) {
            this.inner = inner;
        }

        void record(Panel p) {
            for (int s = 0; s < p.seriesCount(); s++) {
                lastSeen.computeIfAbsent(p.seriesId(s), k -> ConcurrentHashMap.newKeySet()).add(p.lastPeriod(s));
            }
        }

        @Override
        public String family() {
            return inner.family();
        }

        @Override
        public Map<String, Object> parameters() {
            return inner.parameters();
        }

        @Override
        public FittedModel fit(Panel history) {
            record(history);
            return new SpyFit(inner.fit(history));
        }

        final class SpyFit implements FittedModel {
            final FittedModel fitted;

            SpyFit(FittedModel fitted) {
                this.fitted = fitted;
            }

            @Override
            public String family() {
                return fitted.family();
            }

            @Override
            public List<String> seriesIds() {
                return fitted.seriesIds();
            }

            @Override
            public Forecast forecast(ForecastRequest request) {
                return fitted.forecast(request);
            }

            @Override
            public FittedModel update(Panel history) {
                record(history);
                return new SpyFit(fitted.update(history));
            }

            @Override
            public UpdateMode updateMode() {
                return fitted.updateMode();
            }

            @Override
            public void save(Path directory) {
                throw new UnsupportedOperationException();
            }
        }
    }

    @Test
    void theNoiseIsNoise() {
        Panel p = noise();
        double[] v = p.values(0);
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        assertEquals(100, mean, 3);
    }
}
