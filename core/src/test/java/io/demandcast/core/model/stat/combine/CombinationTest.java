package io.demandcast.core.model.stat.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.StatFamilies;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import io.demandcast.core.model.stat.theta.ThetaFamilies;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelContext MONTHLY = new ModelContext(Frequency.MONTHLY, 12);
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final double[] Y = series();

    /** A registry-like lookup over naive, seasonal_naive, theta and combination itself. */
    private final Map<String, ModelFamily> families = new LinkedHashMap<>();
    private final MemberResolver resolver = MemberResolver.fromFamilies(name -> {
        ModelFamily f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model family '" + name + "'");
        }
        return f;
    });

    CombinationTest() {
        List<ModelFamily> all = new ArrayList<>(StatFamilies.all());
        all.addAll(ThetaFamilies.families());
        all.addAll(CombinationFamily.families(resolver));
        all.forEach(f -> families.put(f.name(), f));
    }

    private static double[] series() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + 15 * Math.sin(2 * Math.PI * t / 12) + (t % 5);
        }
        return y;
    }

    private SeriesMethod member(String family) {
        return resolver.resolve(family, JSON.createObjectNode(), MONTHLY);
    }

    private Combination combination(String params) throws Exception {
        return CombinationFamily.fromParams(JSON.readTree(params), MONTHLY, resolver);
    }

    @Test
    void meanAveragesMembersPointsAndQuantilesPerStep() throws Exception {
        Combination c = combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"]}");
        SeriesForecast combined = c.fit(Y).forecast(14, LEVELS);
        SeriesForecast[] parts = {member("naive").fit(Y).forecast(14, LEVELS), member("seasonal_naive").fit(Y).forecast(14, LEVELS),
                member("theta").fit(Y).forecast(14, LEVELS)};
        for (int step = 0; step < 14; step++) {
            double mean = (parts[0].point()[step] + parts[1].point()[step] + parts[2].point()[step]) / 3;
            assertEquals(mean, combined.point()[step], 1e-9);
            for (int l = 0; l < LEVELS.length; l++) {
                double q = (parts[0].quantiles()[l][step] + parts[1].quantiles()[l][step] + parts[2].quantiles()[l][step]) / 3;
                assertEquals(q, combined.quantiles()[l][step], 1e-9);
            }
        }
    }

    @Test
    void medianTakesTheMiddleMember() throws Exception {
        Combination c = combination("{\"members\": [\"naive\", {\"family\": \"seasonal_naive\", \"params\": {\"season_length\": 12}}, {\"family\": \"theta\"}], \"method\": \"median\"}");
        SeriesForecast combined = c.fit(Y).forecast(5, LEVELS);
        double[] a = member("naive").fit(Y).forecast(5, LEVELS).point();
        double[] b = member("seasonal_naive").fit(Y).forecast(5, LEVELS).point();
        double[] t = member("theta").fit(Y).forecast(5, LEVELS).point();
        for (int step = 0; step < 5; step++) {
            double[] v = {a[step], b[step], t[step]};
            java.util.Arrays.sort(v);
            assertEquals(v[1], combined.point()[step], 1e-12);
        }
        assertEquals("median", c.parameters().get("method"));
    }

    @Test
    void paramsErrorsNameTheMember() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> combination("{\"members\": [\"naive\", \"auto_nothing\"]}"));
        assertEquals("model.params.members[1] (auto_nothing): unknown model family 'auto_nothing'", unknown.getMessage());
        IllegalArgumentException badParam = assertThrows(IllegalArgumentException.class,
                () -> combination("{\"members\": [{\"family\": \"seasonal_naive\", \"params\": {\"lag\": 3}}]}"));
        assertTrue(badParam.getMessage().startsWith("model.params.members[0] (seasonal_naive): model.params.lag is not a parameter"), badParam.getMessage());
        assertThrows(IllegalArgumentException.class, () -> combination("{\"members\": []}"));
        assertThrows(IllegalArgumentException.class, () -> combination("{\"members\": [3]}"));
        assertThrows(IllegalArgumentException.class, () -> combination("{\"members\": [\"combination\"]}"));
        assertThrows(IllegalArgumentException.class, () -> combination("{\"method\": \"mode\", \"members\": [\"naive\"]}"));
        // the default members are auto_ets, auto_arima, theta: not in this lookup
        IllegalArgumentException defaults = assertThrows(IllegalArgumentException.class, () -> combination("{}"));
        assertTrue(defaults.getMessage().contains("auto_ets"), defaults.getMessage());
    }

    @Test
    void edgeCasesGiveFiniteForecasts() throws Exception {
        SimpleTestSupport.assertFiniteOnEdgeCases(combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"]}"));
        SimpleTestSupport.assertFiniteOnEdgeCases(combination("{\"members\": [\"naive\", \"theta\"], \"method\": \"median\"}"));
    }

    @Test
    void savedModelLoadsAndForecastsIdentically(@TempDir Path dir) throws Exception {
        LocalDate start = LocalDate.of(2020, 1, 1);
        Panel panel = new PanelBuilder(Frequency.MONTHLY, start).add("a", start, Y).add("b", start, java.util.Arrays.copyOf(Y, 7)).build();
        JsonNode params = JSON.readTree("{\"members\": [\"naive\", {\"family\": \"seasonal_naive\", \"params\": {\"season_length\": 6}}, \"theta\"]}");
        ModelFamily family = families.get(CombinationFamily.COMBINATION);
        FittedModel fitted = family.create(params, MONTHLY).fit(panel);
        fitted.save(dir);
        FittedModel loaded = family.load(dir);
        ForecastRequest request = new ForecastRequest(13, LEVELS);
        Forecast a = fitted.forecast(request);
        Forecast b = loaded.forecast(request);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(a.points(s), b.points(s));
            for (int l = 0; l < LEVELS.length; l++) {
                for (int step = 0; step < 13; step++) {
                    assertEquals(a.quantile(l, s, step), b.quantile(l, s, step));
                }
            }
        }
        Combination method = (Combination) ((LocalForecaster) family.create(params, MONTHLY)).method();
        assertEquals(Map.of("season_length", 6), method.members().get(1).parameters());
    }

    @Test
    void weightsAreNormalisedToSumToOne() throws Exception {
        Combination c = combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"], \"weights\": [2, 1, 1]}");
        assertEquals(Combination.Method.WEIGHTED, c.method());
        double[] w = c.weights();
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, w, 1e-15);
        assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-15);
        assertEquals("weighted", c.parameters().get("method"));
        assertEquals(List.of(0.5, 0.25, 0.25), c.parameters().get("weights"));
        // weights of other scales give the same combination
        assertArrayEquals(w, combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"], \"method\": \"weighted\", "
                + "\"weights\": [0.2, 0.1, 0.1]}").weights(), 1e-15);
    }

    @Test
    void weightedForecastIsTheWeightedSumOfTheMembers() throws Exception {
        Combination c = combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"], \"weights\": [0.6, 0.3, 0.1]}");
        SeriesForecast combined = c.fit(Y).forecast(14, LEVELS);
        SeriesForecast[] parts = {member("naive").fit(Y).forecast(14, LEVELS), member("seasonal_naive").fit(Y).forecast(14, LEVELS),
                member("theta").fit(Y).forecast(14, LEVELS)};
        double[] w = {0.6, 0.3, 0.1};
        for (int step = 0; step < 14; step++) {
            double point = 0;
            for (int i = 0; i < 3; i++) {
                point += w[i] * parts[i].point()[step];
            }
            assertEquals(point, combined.point()[step], 1e-9);
            for (int l = 0; l < LEVELS.length; l++) {
                double q = 0;
                for (int i = 0; i < 3; i++) {
                    q += w[i] * parts[i].quantiles()[l][step];
                }
                assertEquals(q, combined.quantiles()[l][step], 1e-9);
            }
        }
    }

    @Test
    void forecastsCombinedFromMembersMatchTheFittedWeightedCombination() throws Exception {
        LocalDate start = LocalDate.of(2020, 1, 1);
        Panel panel = new PanelBuilder(Frequency.MONTHLY, start).add("a", start, Y).build();
        Combination c = combination("{\"members\": [\"naive\", \"theta\"], \"weights\": [3, 1]}");
        ForecastRequest request = new ForecastRequest(6, LEVELS);
        Forecast whole = new LocalForecaster(c).fit(panel).forecast(request);
        Forecast combined = c.combine("combination", List.of(new LocalForecaster(member("naive")).fit(panel).forecast(request),
                new LocalForecaster(member("theta")).fit(panel).forecast(request)));
        assertArrayEquals(whole.points(0), combined.points(0), 1e-9);
    }

    @Test
    void invalidWeightsAreRefusedNamingTheKey() {
        for (String bad : List.of("[1, 2]", "[1, -1, 1]", "[0, 0, 0]", "[1, \"a\", 1]", "3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> combination("{\"members\": [\"naive\", \"seasonal_naive\", \"theta\"], \"weights\": " + bad + "}"));
            assertTrue(e.getMessage().startsWith("model.params.weights"), bad + ": " + e.getMessage());
        }
        IllegalArgumentException withMean = assertThrows(IllegalArgumentException.class,
                () -> combination("{\"members\": [\"naive\"], \"method\": \"mean\", \"weights\": [1]}"));
        assertTrue(withMean.getMessage().startsWith("model.params.weights"), withMean.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> combination("{\"members\": [\"naive\"], \"method\": \"weighted\"}"));
        assertTrue(missing.getMessage().startsWith("model.params.weights"), missing.getMessage());
    }

    @Test
    void savedWeightedCombinationLoadsWithItsWeights(@TempDir Path dir) throws Exception {
        LocalDate start = LocalDate.of(2020, 1, 1);
        Panel panel = new PanelBuilder(Frequency.MONTHLY, start).add("a", start, Y).build();
        JsonNode params = JSON.readTree("{\"members\": [\"naive\", \"theta\"], \"weights\": [1, 3]}");
        ModelFamily family = families.get(CombinationFamily.COMBINATION);
        FittedModel fitted = family.create(params, MONTHLY).fit(panel);
        fitted.save(dir);
        FittedModel loaded = family.load(dir);
        ForecastRequest request = new ForecastRequest(8, LEVELS);
        assertArrayEquals(fitted.forecast(request).points(0), loaded.forecast(request).points(0));
        Forecast naive = new LocalForecaster(member("naive")).fit(panel).forecast(request);
        Forecast theta = new LocalForecaster(member("theta")).fit(panel).forecast(request);
        for (int step = 0; step < 8; step++) {
            assertEquals(0.25 * naive.point(0, step) + 0.75 * theta.point(0, step), loaded.forecast(request).point(0, step), 1e-9);
        }
    }
}
