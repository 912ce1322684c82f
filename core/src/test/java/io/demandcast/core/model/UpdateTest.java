package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FittedModel#update} for every registered family, on a daily panel cut at three cutoffs
 * (56, 70 and 84 days) as a rolling-origin backtest cuts it: a trending weekly-seasonal series,
 * the same with missing values (interior, and the last fitted day), an intermittent one, a
 * constant one, one that starts three days before the first cutoff, and one all zero until after it.
 */
class UpdateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int[] CUTOFFS = {56, 70, 84};
    private static final ForecastRequest REQUEST = new ForecastRequest(10, 0.1, 0.5, 0.9);
    /** Fitted for the horizon the tests request: a family may refuse a longer one (lstm). */
    private static final ModelContext DAILY = ModelContext.of(Frequency.DAILY).withHorizon(REQUEST.horizon());
    /** Families that need a parameter to be usable at all, or to be quick on this tiny panel (a small network). */
    private static final Map<String, String> REQUIRED_PARAMS = Map.of("arima", "{\"order\": [1, 1, 1]}",
            "lstm", "{\"units\": 8, \"epochs\": 2, \"ensemble\": 1}", "attention", "{\"units\": 8, \"heads\": 2, \"epochs\": 2, \"ensemble\": 1}");
    private static final Panel FULL = panel();
    /** Fits at the first cutoff, by family: fitted models are immutable, so the tests share them. */
    private static final Map<String, FittedModel> FITTED = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<String> families() {
        return ModelRegistry.standard().families().stream().map(ModelFamily::name);
    }

    private static Panel panel() {
        int n = CUTOFFS[2];
        double[] seasonal = new double[n];
        double[] gappy = new double[n];
        double[] intermittent = new double[n];
        double[] constant = new double[n];
        double[] zerosFirst = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = 20 + 5 * Math.sin(2 * Math.PI * t / 7) + 0.1 * t + ((t * 37) % 11 - 5) * 0.4;
            gappy[t] = t % 10 == 4 || t == CUTOFFS[0] - 1 ? Double.NaN : 30 - 0.05 * t + ((t * 17) % 7) * 0.8;
            intermittent[t] = t % 9 == 0 ? 4 : t % 13 == 5 ? 2 : 0;
            constant[t] = 5;
            zerosFirst[t] = t > CUTOFFS[0] + 3 && t % 3 == 0 ? 6 : 0;
        }
        int lateStart = CUTOFFS[0] - 3;
        double[] late = new double[n - lateStart];
        for (int t = 0; t < late.length; t++) {
            late[t] = 8 + (t % 4);
        }
        return new PanelBuilder(Frequency.DAILY, START)
                .add("seasonal", START, seasonal)
                .add("gappy", START, gappy)
                .add("intermittent", START, intermittent)
                .add("constant", START, constant)
                .add("late", lateStart, late)
                .add("zeros_first", START, zerosFirst)
                .build();
    }

    /** The panel up to (excluding) a cutoff period. */
    private static Panel until(int cutoff) {
        return FULL.sliceUntil(cutoff - 1);
    }

    private static Forecaster forecaster(String family) {
        try {
            return ModelRegistry.standard().family(family).create(JSON.readTree(REQUIRED_PARAMS.getOrDefault(family, "{}")), DAILY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FittedModel fitted(String family) {
        return FITTED.computeIfAbsent(family, f -> forecaster(f).fit(until(CUTOFFS[0])));
    }

    private static void assertSameForecast(Forecast expected, Forecast actual, String what) {
        assertEquals(expected.seriesIds(), actual.seriesIds(), what);
        for (int s = 0; s < expected.seriesCount(); s++) {
            String where = what + ", series " + expected.seriesId(s);
            assertEquals(expected.firstPeriod(s), actual.firstPeriod(s), where);
            for (int step = 0; step < expected.horizon(); step++) {
                assertClose(expected.point(s, step), actual.point(s, step), where + ", point at step " + step);
                for (int q = 0; q < expected.levels().length; q++) {
                    assertClose(expected.quantile(q, s, step), actual.quantile(q, s, step), where + ", quantile " + q + " at step " + step);
                }
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void updateWithTheFittedDataForecastsAsTheFit(String family) {
        FittedModel fitted = fitted(family);
        Forecast before = fitted.forecast(REQUEST);
        assertSameForecast(before, fitted.update(until(CUTOFFS[0])).forecast(REQUEST), family + " updated with its own data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void updatedModelForecastsFromTheNewEndAndLeavesTheOriginalUnchanged(String family) {
        FittedModel fitted = fitted(family);
        Forecast before = fitted.forecast(REQUEST);
        Panel longer = until(CUTOFFS[1]);
        FittedModel updated = fitted.update(longer);
        assertEquals(fitted.family(), updated.family());
        assertEquals(fitted.updateMode(), updated.updateMode());
        assertEquals(fitted.seriesIds(), updated.seriesIds());
        Forecast after = updated.forecast(REQUEST);
        for (int s = 0; s < after.seriesCount(); s++) {
            assertEquals(longer.lastPeriod(longer.indexOf(after.seriesId(s))) + 1, after.firstPeriod(s), family + " " + after.seriesId(s));
        }
        Forecast again = fitted.forecast(REQUEST);
        for (int s = 0; s < before.seriesCount(); s++) {
            assertEquals(before.firstPeriod(s), again.firstPeriod(s));
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.points(s), again.points(s), family + ": the original changed");
            for (int q = 0; q < before.levels().length; q++) {
                for (int step = 0; step < before.horizon(); step++) {
                    assertEquals(before.quantile(q, s, step), again.quantile(q, s, step), family + ": the original changed");
                }
            }
        }
    }

    /**
     * What {@code refit_every: N} relies on: updating window by window ends where one update to the
     * last window does. Not for a series that had nothing to estimate when fitted (no demand yet):
     * its first update with demand fits it, later ones update that fit, so there the path matters.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void chainedUpdatesEqualOneUpdate(String family) {
        FittedModel fitted = fitted(family);
        int[] withDemandWhenFitted = java.util.stream.IntStream.range(0, FULL.seriesCount())
                .filter(s -> !FULL.seriesId(s).equals("zeros_first")).toArray();
        Panel middle = until(CUTOFFS[1]).select(withDemandWhenFitted);
        Panel last = until(CUTOFFS[2]).select(withDemandWhenFitted);
        assertSameForecast(fitted.update(last).forecast(REQUEST), fitted.update(middle).update(last).forecast(REQUEST),
                family + " updated twice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void reforecastFamiliesUpdateAsAFitOnTheLongerHistory(String family) {
        FittedModel fitted = fitted(family);
        if (fitted.updateMode() != UpdateMode.REFORECAST) {
            return; // FILTER families keep estimated parameters, so they differ from a refit (see the per-family tests)
        }
        Panel longer = until(CUTOFFS[2]);
        assertSameForecast(forecaster(family).fit(longer).forecast(REQUEST), fitted.update(longer).forecast(REQUEST),
                family + " updated vs refitted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void updatesSurviveSaveAndLoad(String family) throws IOException {
        ModelFamily loader = ModelRegistry.standard().family(family);
        FittedModel fitted = fitted(family);
        Path first = Files.createDirectory(dir.resolve("fitted"));
        fitted.save(first);
        FittedModel updated = fitted.update(until(CUTOFFS[1]));
        assertSameForecast(updated.forecast(REQUEST), loader.load(first).update(until(CUTOFFS[1])).forecast(REQUEST),
                family + " loaded, then updated");
        Path second = Files.createDirectory(dir.resolve("updated"));
        updated.save(second);
        FittedModel reloaded = loader.load(second);
        assertSameForecast(updated.forecast(REQUEST), reloaded.forecast(REQUEST), family + " updated, saved and loaded");
        assertSameForecast(updated.update(until(CUTOFFS[2])).forecast(REQUEST), reloaded.update(until(CUTOFFS[2])).forecast(REQUEST),
                family + " updated, saved, loaded and updated again");
    }
}
