package io.demandcast.core.model.stat.ets;

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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtsFamiliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate START = LocalDate.of(1949, 1, 1);
    private static final ModelContext MONTHLY = ModelContext.of(Frequency.MONTHLY);

    private static Map<String, ModelFamily> families() {
        return EtsFamilies.families().stream().collect(Collectors.toMap(ModelFamily::name, f -> f));
    }

    private static Panel panel() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        double[] shortSeries = {5, 6, 5, 7, 6, 8, 7, 9};
        return new PanelBuilder(Frequency.MONTHLY, START).add("air", START, air).add("short", START, shortSeries).build();
    }

    @Test
    void listsTheFiveFamilies() {
        assertEquals(List.of("auto_ets", "ses", "holt", "damped_holt", "holt_winters"),
                EtsFamilies.families().stream().map(ModelFamily::name).toList());
    }

    @Test
    void saveLoadRoundTripForecastsIdentically(@TempDir Path dir) throws Exception {
        ModelFamily auto = families().get("auto_ets");
        FittedModel fitted = auto.create(null, MONTHLY).fit(panel());
        fitted.save(dir);
        FittedModel loaded = auto.load(dir);
        ForecastRequest request = new ForecastRequest(18, 0.05, 0.5, 0.95);
        Forecast a = fitted.forecast(request);
        Forecast b = loaded.forecast(request);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(a.points(s), b.points(s), a.model());
            for (int q = 0; q < 3; q++) {
                for (int step = 0; step < 18; step++) {
                    assertEquals(a.quantile(q, s, step), b.quantile(q, s, step));
                }
            }
        }
        assertThrows(java.io.IOException.class, () -> families().get("ses").load(dir));
    }

    @Test
    void stateIsPlainJsonThatReadsBack() throws Exception {
        EtsFit fit = new EtsMethod("auto_ets", "ZZZ", EtsMethod.Damping.AUTO, 12, EtsMethod.Criterion.AICC)
                .fit(EtsMethodTest.airPassengers());
        JsonNode state = JSON.readTree(JSON.writeValueAsString(fit.state()));
        assertEquals("MAdM", state.get("model").asText());
        assertEquals(1 + 1 + 12, state.get("state").size());
        EtsFit back = EtsFit.load(state);
        double[] levels = {0.1, 0.9};
        assertArrayEquals(fit.forecast(24, levels).point(), back.forecast(24, levels).point());
        assertArrayEquals(fit.forecast(24, levels).quantiles()[1], back.forecast(24, levels).quantiles()[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EtsFit.load(JSON.readTree("{\"model\":\"MAM\",\"m\":12,\"state\":[1,2]}")));
        assertTrue(e.getMessage().contains("state"), e.getMessage());
    }

    @Test
    void parametersAreReadWithKeyNamedErrors() throws Exception {
        Map<String, ModelFamily> f = families();
        JsonNode good = JSON.readTree("{\"model\":\"MAM\",\"damped\":false,\"season_length\":12,\"ic\":\"bic\"}");
        assertEquals("auto_ets", f.get("auto_ets").create(good, MONTHLY).family());
        JsonNode hw = JSON.readTree("{\"seasonal\":\"multiplicative\"}");
        assertEquals("MAM", f.get("holt_winters").create(hw, MONTHLY).parameters().get("model"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> f.get("ses").create(JSON.readTree("{\"alpha\":0.3}"), MONTHLY));
        assertTrue(unknown.getMessage().contains("alpha"), unknown.getMessage());
        IllegalArgumentException badModel = assertThrows(IllegalArgumentException.class,
                () -> f.get("auto_ets").create(JSON.readTree("{\"model\":\"AMN\"}"), MONTHLY));
        assertTrue(badModel.getMessage().contains("model.params") && badModel.getMessage().contains("AMN"), badModel.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> f.get("auto_ets").create(JSON.readTree("{\"ic\":\"hqc\"}"), MONTHLY));
    }

    @Test
    void namedFamiliesForecastFinitely() throws Exception {
        Panel p = panel();
        for (ModelFamily family : EtsFamilies.families()) {
            Forecast fc = family.create(null, MONTHLY).fit(p).forecast(new ForecastRequest(12, 0.1, 0.9));
            for (int s = 0; s < 2; s++) {
                for (int step = 0; step < 12; step++) {
                    assertTrue(Double.isFinite(fc.points(s)[step]) && Double.isFinite(fc.quantile(0, s, step))
                            && Double.isFinite(fc.quantile(1, s, step)), family.name());
                }
            }
        }
    }
}
