package io.demandcast.core.model.stat.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.ml.MlForecaster;
import io.demandcast.core.model.stat.LocalForecaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code combination} with a global ML member ({@code ridge}) and a local one ({@code naive}). */
class GlobalMemberCombinationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelRegistry REGISTRY = ModelRegistry.standard();
    private static final TimeAxis AXIS = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
    private static final ModelContext CONTEXT = new ModelContext(Frequency.DAILY, 7, 7, List.of());
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final String RIDGE = "{\"family\": \"ridge\", \"params\": {\"lags\": [1, 2, 7], \"rolling\": [], \"covariates\": [\"price\"]}}";
    private static final String WEIGHTED = "{\"members\": [" + RIDGE + ", \"naive\"], \"weights\": [3, 1]}";
    private static final int SERIES = 4;

    /** Demand that falls with the price (which changes every few days) and has a weekly pattern. */
    private static double demand(int s, int t) {
        return 40 + 5 * s + 8 * Math.sin(2 * Math.PI * t / 7) - 6 * price(s, t) + (t * 7 + s) % 3;
    }

    private static double price(int s, int t) {
        return 2 + ((t / 5 + s) % 3);
    }

    /** Series s0..s3 on periods {@code from .. from+n-1}; targets NaN when {@code future}. */
    private static Panel panel(int from, int n, boolean future, double priceShift) {
        String[] ids = new String[SERIES];
        int[] offsets = new int[SERIES + 1];
        int[] periods = new int[SERIES * n];
        double[] y = new double[SERIES * n];
        double[] price = new double[SERIES * n];
        for (int s = 0; s < SERIES; s++) {
            ids[s] = "s" + s;
            offsets[s + 1] = (s + 1) * n;
            for (int t = 0; t < n; t++) {
                int r = s * n + t;
                periods[r] = from + t;
                y[r] = future ? Double.NaN : demand(s, from + t);
                price[r] = price(s, from + t) + priceShift;
            }
        }
        return new Panel(AXIS, ids, offsets, periods, y, Map.of("price", price), Map.of(), Map.of());
    }

    private static Forecaster create(String family, String params) throws Exception {
        return REGISTRY.family(family).create(JSON.readTree(params), CONTEXT);
    }

    private static void assertSameForecast(Forecast expected, Forecast actual) {
        assertEquals(expected.seriesIds(), actual.seriesIds());
        for (int s = 0; s < expected.seriesCount(); s++) {
            assertEquals(expected.firstPeriod(s), actual.firstPeriod(s));
            assertArrayEquals(expected.points(s), actual.points(s), 1e-9);
            for (int l = 0; l < expected.levels().length; l++) {
                for (int k = 0; k < expected.horizon(); k++) {
                    assertEquals(expected.quantile(l, s, k), actual.quantile(l, s, k), 1e-9);
                }
            }
        }
    }

    @Test
    void aWeightedCombinationForecastsTheWeightedMeanOfItsMembersPointsAndQuantiles() throws Exception {
        Panel history = panel(0, 100, false, 0);
        ForecastRequest request = new ForecastRequest(7, LEVELS, panel(100, 7, true, 0));
        Forecaster combination = create("combination", WEIGHTED);
        assertInstanceOf(CombinationForecaster.class, combination);
        Forecast combined = combination.fit(history).forecast(request);
        Forecast ridge = create("ridge", JSON.readTree(RIDGE).get("params").toString()).fit(history).forecast(request);
        Forecast naive = create("naive", "{}").fit(history).forecast(request);
        assertEquals("combination", combined.model());
        for (int s = 0; s < SERIES; s++) {
            assertEquals(100, combined.firstPeriod(s));
            for (int k = 0; k < 7; k++) {
                assertEquals(0.75 * ridge.point(s, k) + 0.25 * naive.point(s, k), combined.point(s, k), 1e-9);
                for (int l = 0; l < LEVELS.length; l++) {
                    assertEquals(0.75 * ridge.quantile(l, s, k) + 0.25 * naive.quantile(l, s, k), combined.quantile(l, s, k), 1e-9);
                }
            }
        }
        // the ridge member is not the naive one: the combination is not one member's forecast
        assertFalse(java.util.Arrays.equals(ridge.points(0), naive.points(0)));
    }

    @Test
    void theFutureCovariatesReachTheMlMember() throws Exception {
        Panel history = panel(0, 100, false, 0);
        FittedModel fitted = create("combination", WEIGHTED).fit(history);
        assertTrue(fitted.features().contains("price"), fitted.features().toString());
        Forecast planned = fitted.forecast(new ForecastRequest(7, LEVELS, panel(100, 7, true, 0)));
        Forecast dearer = fitted.forecast(new ForecastRequest(7, LEVELS, panel(100, 7, true, 1)));
        // a higher planned price lowers the ridge member's forecast, and so the combination's
        for (int s = 0; s < SERIES; s++) {
            for (int k = 0; k < 7; k++) {
                assertTrue(dearer.point(s, k) < planned.point(s, k) - 1, "s" + s + " step " + k);
            }
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(new ForecastRequest(7, LEVELS)));
        assertTrue(missing.getMessage().contains("price"), missing.getMessage());
    }

    @Test
    void savedAndLoadedThroughTheRegistryItForecastsIdentically(@TempDir Path dir) throws Exception {
        Panel history = panel(0, 100, false, 0);
        FittedModel fitted = create("combination", WEIGHTED).fit(history);
        fitted.save(dir);
        assertTrue(Files.exists(dir.resolve("combination.json")));
        assertTrue(Files.isDirectory(dir.resolve("members/0-ridge")));
        assertTrue(Files.isDirectory(dir.resolve("members/1-naive")));
        JsonNode saved = JSON.readTree(dir.resolve("combination.json").toFile());
        assertEquals(7, saved.path("parameters").path("context").path("horizon").asInt());
        assertEquals(List.of(0.75, 0.25), List.of(saved.path("parameters").path("weights").get(0).asDouble(),
                saved.path("parameters").path("weights").get(1).asDouble()));
        FittedModel loaded = REGISTRY.family("combination").load(dir);
        ForecastRequest request = new ForecastRequest(7, LEVELS, panel(100, 7, true, 0));
        assertSameForecast(fitted.forecast(request), loaded.forecast(request));
        assertEquals(fitted.features(), loaded.features());
        assertEquals(fitted.seriesIds(), loaded.seriesIds());
        assertEquals(UpdateMode.FILTER, loaded.updateMode());
    }

    @Test
    void aMemberDirectoryOutsideTheModelIsRefused(@TempDir Path dir) throws Exception {
        create("combination", WEIGHTED).fit(panel(0, 100, false, 0)).save(dir);
        Path file = dir.resolve("combination.json");
        Files.writeString(file, Files.readString(file).replace("members/1-naive", "../elsewhere"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> REGISTRY.family("combination").load(dir));
        assertTrue(e.getMessage().contains("members[1].directory"), e.getMessage());
    }

    @Test
    void anUpdateUpdatesEveryMember() throws Exception {
        Panel shorter = panel(0, 93, false, 0);
        Panel longer = panel(0, 100, false, 0);
        FittedModel fitted = create("combination", WEIGHTED).fit(shorter);
        assertEquals(UpdateMode.FILTER, fitted.updateMode());
        FittedModel updated = fitted.update(longer);
        ForecastRequest request = new ForecastRequest(7, LEVELS, panel(100, 7, true, 0));
        // ridge filters (keeps its regressors), naive reforecasts (equals a fit on the longer history)
        Forecast expected = new CombinationRule(Combination.Method.WEIGHTED, new double[] {3, 1}, 2).combine("combination", List.of(
                        create("ridge", JSON.readTree(RIDGE).get("params").toString()).fit(shorter).update(longer).forecast(request),
                        create("naive", "{}").fit(longer).forecast(request)));
        assertSameForecast(expected, updated.forecast(request));
        assertEquals(100, updated.forecast(request).firstPeriod(0));
    }

    @Test
    void theWholeContextReachesTheMlMember(@TempDir Path dir) throws Exception {
        ModelContext context = new ModelContext(Frequency.DAILY, 7, 14, List.of("traffic"));
        Forecaster f = REGISTRY.family("combination").create(JSON.readTree(
                "{\"members\": [{\"family\": \"ridge\", \"params\": {\"strategy\": \"direct\", \"lags\": [1, 7], \"rolling\": [], "
                        + "\"covariates\": [\"price\"]}}, \"seasonal_naive\"]}"), context);
        CombinationForecaster combination = assertInstanceOf(CombinationForecaster.class, f);
        assertEquals(context, ((MlForecaster) combination.members().get(0)).spec().context());
        @SuppressWarnings("unchecked")
        Map<String, Object> ctx = (Map<String, Object>) f.parameters().get("context");
        assertEquals(14, ctx.get("horizon"));
        assertEquals(List.of("traffic"), ctx.get("past_only"));
        FittedModel fitted = f.fit(panel(0, 100, false, 0));
        fitted.save(dir);
        FittedModel loaded = REGISTRY.family("combination").load(dir);
        // direct ridge models were fitted for 14 steps: the loaded combination forecasts 14 and refuses 15
        assertEquals(14, loaded.forecast(new ForecastRequest(14, LEVELS, panel(100, 14, true, 0))).horizon());
        assertThrows(IllegalArgumentException.class, () -> loaded.forecast(new ForecastRequest(15, LEVELS, panel(100, 15, true, 0))));
    }

    @Test
    void itsParametersAreAcceptedBackAsParams() throws Exception {
        Forecaster f = create("combination", WEIGHTED);
        com.fasterxml.jackson.databind.node.ObjectNode params = JSON.valueToTree(f.parameters());
        params.remove("context");
        assertEquals(f.parameters(), create("combination", params.toString()).parameters());
    }

    @Test
    void aCombinationOfLocalMembersStaysThePerSeriesCombination() throws Exception {
        Forecaster f = create("combination", "{\"members\": [\"naive\", \"theta\"], \"weights\": [1, 3]}");
        LocalForecaster local = assertInstanceOf(LocalForecaster.class, f);
        assertInstanceOf(Combination.class, local.method());
        assertEquals(Map.of("frequency", "daily", "season_length", 7), f.parameters().get("context"));
    }

    @Test
    void aNestedCombinationOrAnUnknownMemberIsRefusedNamingIt() {
        ModelFamily family = REGISTRY.family("combination");
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> family.create(JSON.readTree("{\"members\": [\"ridge\", \"combination\"]}"), CONTEXT));
        assertEquals("model.params.members[1]: a combination cannot be a member here", nested.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> family.create(JSON.readTree("{\"members\": [{\"family\": \"ridge\", \"params\": {\"trees\": 3}}, \"naive\"]}"), CONTEXT));
        assertTrue(bad.getMessage().startsWith("model.params.members[0] (ridge): "), bad.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> family.create(JSON.readTree("{\"members\": [\"ridge\", \"naive\"], \"weights\": [1]}"), CONTEXT));
        assertTrue(weights.getMessage().startsWith("model.params.weights"), weights.getMessage());
    }
}
