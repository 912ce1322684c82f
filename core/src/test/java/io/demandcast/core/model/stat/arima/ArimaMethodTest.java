package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two families through the local-model framework: params, forecasts, save and load. */
class ArimaMethodTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate START = LocalDate.of(1949, 1, 1);

    private static ModelFamily family(String name) {
        return ArimaFamilies.families().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Panel panel() {
        return new PanelBuilder(Frequency.MONTHLY, START)
                .add("air", START, ArimaFixtures.airPassengers())
                .add("www", START, ArimaFixtures.wwwUsage())
                .add("flat", START, new double[] {3, 3, 3, 3, 3, 3})
                .add("short", START, new double[] {4, 9})
                .build();
    }

    @Test
    void autoArimaFamilyForecastsEverySeriesAndReloadsIdentically(@TempDir Path dir) throws Exception {
        ModelFamily auto = family(ArimaFamilies.AUTO_ARIMA);
        FittedModel fitted = auto.create(JSON.readTree("{}"), ModelContext.of(Frequency.MONTHLY)).fit(panel());
        ForecastRequest request = new ForecastRequest(18, 0.1, 0.5, 0.9);
        Forecast a = fitted.forecast(request);
        // AirPassengers: auto.arima's first three forecasts
        assertArrayEquals(new double[] {445.6349014, 420.3949965, 449.1983163}, java.util.Arrays.copyOf(a.points(0), 3), 1e-2);
        assertArrayEquals(new double[] {3, 3}, java.util.Arrays.copyOf(a.points(2), 2), 1e-12);
        for (int s = 0; s < 4; s++) {
            for (double v : a.points(s)) {
                assertTrue(Double.isFinite(v));
            }
        }
        fitted.save(dir);
        FittedModel loaded = auto.load(dir);
        Forecast b = loaded.forecast(request);
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(a.points(s), b.points(s), 0, "series " + s);
            for (int l = 0; l < 3; l++) {
                assertEquals(a.quantile(l, s, 17), b.quantile(l, s, 17), 0);
            }
        }
    }

    @Test
    void fixedArimaFamilyFitsTheGivenOrders(@TempDir Path dir) throws Exception {
        ModelFamily arima = family(ArimaFamilies.ARIMA);
        var params = JSON.readTree("{\"order\": [2, 1, 1], \"seasonal_order\": [0, 1, 0], \"season_length\": 12}");
        FittedModel fitted = arima.create(params, ModelContext.of(Frequency.MONTHLY)).fit(panel());
        Forecast a = fitted.forecast(new ForecastRequest(3, 0.05, 0.95));
        assertArrayEquals(new double[] {445.6349014, 420.3949965, 449.1983163}, a.points(0), 1e-2);
        for (int s = 1; s < 4; s++) {
            for (double v : a.points(s)) {
                assertTrue(Double.isFinite(v), "series " + s);
            }
        }
        fitted.save(dir);
        Forecast b = arima.load(dir).forecast(new ForecastRequest(3, 0.05, 0.95));
        assertArrayEquals(a.points(0), b.points(0), 0);
        assertEquals(a.quantile(1, 0, 2), b.quantile(1, 0, 2), 0);
    }

    @Test
    void savedStateIsPlainNumbersAndLoadsIntoTheSameForecast() {
        ArimaMethod method = ArimaMethod.automatic(AutoArima.Options.defaults(12));
        SeriesFit fit = method.fit(ArimaFixtures.airPassengers());
        ObjectNode state = fit.state();
        assertEquals(2, state.path("order").path("p").asInt());
        assertEquals(3, state.path("coef").size());
        assertEquals(13, state.path("last_z").size());
        SeriesForecast a = fit.forecast(24, new double[] {0.025, 0.975});
        SeriesForecast b = method.load(state).forecast(24, new double[] {0.025, 0.975});
        assertArrayEquals(a.point(), b.point(), 0);
        assertArrayEquals(a.quantiles()[1], b.quantiles()[1], 0);
        // 95% upper bound at step 1 as R's forecast(auto.arima(AirPassengers))
        assertEquals(468.1847498, a.quantiles()[1][0], 1e-2);
    }

    @Test
    void paramsAreValidatedWithTheKeyInTheMessage() {
        ModelContext ctx = ModelContext.of(Frequency.MONTHLY);
        var e = assertThrows(IllegalArgumentException.class,
                () -> family(ArimaFamilies.AUTO_ARIMA).create(JSON.readTree("{\"max_p\": -1}"), ctx));
        assertTrue(e.getMessage().contains("max_p"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> family(ArimaFamilies.AUTO_ARIMA).create(JSON.readTree("{\"ic\": \"hqic\"}"), ctx));
        assertTrue(e.getMessage().contains("ic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> family(ArimaFamilies.ARIMA).create(JSON.readTree("{}"), ctx));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> family(ArimaFamilies.ARIMA).create(JSON.readTree("{\"order\": [1, 1]}"), ctx));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> family(ArimaFamilies.ARIMA).create(JSON.readTree("{\"order\": [0, 2, 1], \"include_constant\": true}"), ctx));
        assertTrue(e.getMessage().contains("include_constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> family(ArimaFamilies.AUTO_ARIMA).create(JSON.readTree("{\"stepwize\": true}"), ctx));
        assertTrue(e.getMessage().contains("stepwize"), e.getMessage());
    }

    @Test
    void recordedParametersRebuildTheMethod() {
        ArimaMethod method = ArimaMethod.automatic(new AutoArima.Options(4, 3, 2, 1, 1, 1, 0, false, true, AutoArima.Criterion.BIC));
        var saved = JSON.valueToTree(method.parameters());
        assertEquals(method.parameters(), ArimaMethod.automatic(ArimaFamilies.autoOptions(saved, 1)).parameters());
        ArimaMethod fixed = ArimaMethod.fixed(new ArimaOrder(1, 1, 0, 0, 1, 1, 12, false));
        var savedFixed = JSON.valueToTree(fixed.parameters());
        assertEquals(fixed.parameters(), ArimaMethod.fixed(ArimaFamilies.fixedOrder(savedFixed, 1)).parameters());
    }
}
