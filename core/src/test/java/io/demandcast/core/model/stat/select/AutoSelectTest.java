package io.demandcast.core.model.stat.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.stat.FittedLocalModel;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoSelectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate D = LocalDate.of(2024, 1, 1);
    private static final ModelContext DAILY = ModelContext.of(Frequency.DAILY);

    private static ModelFamily auto() {
        return ModelRegistry.standard().family("auto");
    }

    private static String chosen(FittedModel m, int series) {
        return ((FittedLocalModel) m).fit(series).state().path("chosen").asText();
    }

    @Test
    void classSelectionGivesIntermittentSeriesSbaAndSmoothOnesEts() throws Exception {
        double[] smooth = new double[60];
        double[] sparse = new double[60];
        for (int t = 0; t < 60; t++) {
            smooth[t] = 20 + (t % 7) + 0.1 * t;
            sparse[t] = t % 5 == 0 ? 3 : 0;
        }
        double[] zeros = new double[30];
        Panel p = new PanelBuilder(Frequency.DAILY, D).add("smooth", D, smooth).add("sparse", D, sparse).add("zeros", D, zeros).build();
        FittedModel fitted = auto().create(JSON.createObjectNode(), DAILY).fit(p);
        assertEquals("auto_ets", chosen(fitted, 0));
        assertEquals("sba", chosen(fitted, 1));
        assertEquals("naive", chosen(fitted, 2));
        Forecast f = fitted.forecast(new ForecastRequest(7, 0.1, 0.9));
        assertArrayEquals(new double[7], f.points(2));
    }

    @Test
    void validationSelectionKeepsTheCandidateWithTheLowestHoldOutError() throws Exception {
        double[] weekly = new double[70];
        for (int t = 0; t < 70; t++) {
            weekly[t] = new double[] {1, 9, 1, 9, 1, 30, 2}[t % 7];
        }
        Panel p = new PanelBuilder(Frequency.DAILY, D).add("a", D, weekly).build();
        var params = JSON.readTree("{\"selection\": \"validation\", \"candidates\": [\"naive\", \"seasonal_naive\", \"mean\"], \"validation_horizon\": 14}");
        FittedModel fitted = auto().create(params, DAILY).fit(p);
        assertEquals("seasonal_naive", chosen(fitted, 0));
        assertTrue(((FittedLocalModel) fitted).fit(0).state().path("reason").asText().startsWith("validation mae 0"));
    }

    @Test
    void savedModelForecastsIdentically(@TempDir Path dir) throws Exception {
        double[] y = new double[50];
        for (int t = 0; t < 50; t++) {
            y[t] = t % 3 == 0 ? 0 : 5 + t % 4;
        }
        Panel p = new PanelBuilder(Frequency.DAILY, D).add("a", D, y).build();
        var params = JSON.readTree("{\"smooth\": {\"family\": \"seasonal_naive\", \"params\": {\"season_length\": 7}}, \"erratic\": \"drift\"}");
        FittedModel fitted = auto().create(params, DAILY).fit(p);
        fitted.save(dir);
        FittedModel loaded = auto().load(dir);
        ForecastRequest r = new ForecastRequest(10, 0.1, 0.5, 0.9);
        assertArrayEquals(fitted.forecast(r).points(0), loaded.forecast(r).points(0));
        assertEquals(fitted.forecast(r).quantile(2, 0, 9), loaded.forecast(r).quantile(2, 0, 9));
    }

    @Test
    void badParamsNameTheKey() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> auto().create(JSON.readTree("{\"smooth\": \"nonsense\"}"), DAILY));
        assertTrue(e.getMessage().startsWith("model.params.smooth (nonsense): unknown model family 'nonsense'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> auto().create(JSON.readTree("{\"smooth\": \"auto\"}"), DAILY));
        assertThrows(IllegalArgumentException.class, () -> auto().create(JSON.readTree("{\"selection\": \"magic\"}"), DAILY));
    }
}
