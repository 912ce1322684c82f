package io.demandcast.core.model.stat.simple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeriesForecast;
import org.junit.jupiter.api.Test;

class WindowAverageTest {
    private static final double[] NONE = new double[0];

    @Test
    void averagesTheLastWindow() {
        SeriesForecast f = WindowAverage.plain(3).fit(new double[] {10, 1, 2, 6}).forecast(4, NONE);
        assertArrayEquals(new double[] {3, 3, 3, 3}, f.point(), 1e-12);
        // shorter than the window: the mean of what there is
        assertArrayEquals(new double[] {4.5}, WindowAverage.plain(7).fit(new double[] {3, 6}).forecast(1, NONE).point(), 1e-12);
    }

    @Test
    void seasonalAveragesEachPositionOverTheLastSeasons() {
        double[] y = {100, 100, 1, 2, 3, 5, 7, 9};
        SeriesForecast f = WindowAverage.seasonal(3, 2).fit(y).forecast(4, NONE);
        // next positions: (y[2]+y[5])/2, (y[3]+y[6])/2, (y[4]+y[7])/2, then repeats
        assertArrayEquals(new double[] {3, 4.5, 6, 3}, f.point(), 1e-12);
    }

    @Test
    void intervalsUseInSampleOneStepErrors() {
        // window 1 = naive: errors 1, -2, 3 -> sigma sqrt(14/3)
        SeriesForecast f = WindowAverage.plain(1).fit(new double[] {1, 2, 0, 3}).forecast(2, new double[] {0.5, 0.975});
        assertEquals(3, f.quantiles()[0][1], 1e-12);
        assertEquals(3 + 1.959963984540054 * Math.sqrt(14.0 / 3), f.quantiles()[1][1], 1e-9);
    }

    @Test
    void familiesReadParamsAndDefaultToTheSeasonLength() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ModelContext weekly = new ModelContext(Frequency.DAILY, 7);
        ModelFamily window = SimpleFamilies.families().stream().filter(f -> f.name().equals("window_average")).findFirst().orElseThrow();
        assertEquals(7, ((LocalForecaster) window.create(json.createObjectNode(), weekly)).parameters().get("window"));
        assertEquals(3, ((LocalForecaster) window.create(json.readTree("{\"window\": 3}"), weekly)).parameters().get("window"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> window.create(json.readTree("{\"window\": 0}"), weekly));
        assertEquals("model.params.window must be an integer in [1, 100000] (got 0)", e.getMessage());
        ModelFamily seasonal = SimpleFamilies.families().stream().filter(f -> f.name().equals("seasonal_window_average")).findFirst().orElseThrow();
        assertEquals(java.util.Map.of("season_length", 7, "windows", 2),
                ((LocalForecaster) seasonal.create(json.createObjectNode(), weekly)).parameters());
    }

    @Test
    void edgeCasesAndRoundTrip() {
        SimpleTestSupport.assertFiniteOnEdgeCases(WindowAverage.plain(7));
        SimpleTestSupport.assertFiniteOnEdgeCases(WindowAverage.seasonal(12, 2));
        SimpleTestSupport.assertRoundTrip(WindowAverage.seasonal(3, 2), new double[] {1, 5, 2, 7, 3, 8, 4, 9});
        SimpleTestSupport.assertRoundTrip(WindowAverage.plain(4), new double[] {1, 5, 2, 7, 3, 8, 4, 9});
    }
}
