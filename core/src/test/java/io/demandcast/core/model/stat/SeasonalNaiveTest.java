package io.demandcast.core.model.stat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonalNaiveTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    private static Panel panel(double... values) {
        return new PanelBuilder(Frequency.DAILY, MONDAY).add("a", MONDAY, values).build();
    }

    @Test
    void repeatsTheLastSeason() {
        Forecast f = SeasonalNaive.seasonal(3).fitForecast(panel(1, 2, 3, 4, 5, 6), new ForecastRequest(7));
        assertArrayEquals(new double[] {4, 5, 6, 4, 5, 6, 4}, f.points(0));
        assertEquals(6, f.firstPeriod(0));
    }

    @Test
    void naiveRepeatsTheLastValue() {
        Forecast f = SeasonalNaive.naive().fitForecast(panel(1, 2, 3, 9), new ForecastRequest(3));
        assertArrayEquals(new double[] {9, 9, 9}, f.points(0));
        assertEquals("naive", f.model());
    }

    @Test
    void intervalsWidenOncePerSeason() {
        // seasonal differences 3,3,3 -> sigma 3; steps 1-3 use k=0, steps 4-6 k=1.
        Forecast f = SeasonalNaive.seasonal(3).fitForecast(panel(1, 2, 3, 4, 5, 6), new ForecastRequest(6, 0.5, 0.975));
        double z = 1.959963984540054;
        assertEquals(4, f.quantile(0, 0, 0), 1e-12);
        assertEquals(4 + z * 3, f.quantile(1, 0, 0), 1e-9);
        assertEquals(4 + z * 3 * Math.sqrt(2), f.quantile(1, 0, 3), 1e-9);
    }

    @Test
    void missingValuesAreInterpolatedOrCarriedAndShortSeriesUseTheLastValue() {
        // trailing NaN carries the last observed value, interior NaN is interpolated
        Forecast f = SeasonalNaive.seasonal(2).fitForecast(panel(5, 7, 1, Double.NaN), new ForecastRequest(2));
        assertArrayEquals(new double[] {1, 1}, f.points(0));
        Forecast interior = SeasonalNaive.seasonal(2).fitForecast(panel(5, Double.NaN, 1, 9), new ForecastRequest(2));
        assertArrayEquals(new double[] {1, 9}, interior.points(0));
        Forecast shortSeries = SeasonalNaive.seasonal(7).fitForecast(panel(2, 3), new ForecastRequest(7));
        assertArrayEquals(new double[] {3, 3, 3, 3, 3, 2, 3}, shortSeries.points(0));
    }

    @Test
    void allNaNSeriesForecastsZero() {
        Forecast f = SeasonalNaive.seasonal(2).fitForecast(panel(Double.NaN, Double.NaN), new ForecastRequest(2, 0.1, 0.9));
        assertArrayEquals(new double[] {0, 0}, f.points(0));
        assertEquals(0, f.quantile(0, 0, 1));
    }

    @Test
    void saveLoadRoundTripForecastsIdentically(@TempDir Path dir) throws Exception {
        FittedModel fitted = SeasonalNaive.seasonal(3).fit(panel(1, 2, 3, 4, 5, 7.5));
        fitted.save(dir);
        FittedModel loaded = StatFamilies.all().get(1).load(dir);
        ForecastRequest request = new ForecastRequest(5, 0.1, 0.9);
        Forecast a = fitted.forecast(request);
        Forecast b = loaded.forecast(request);
        assertArrayEquals(a.points(0), b.points(0));
        assertEquals(a.quantile(1, 0, 4), b.quantile(1, 0, 4));
        assertThrows(java.io.IOException.class, () -> StatFamilies.all().get(0).load(dir));
        assertEquals(4, f0(loaded).length);
    }

    private static double[] f0(FittedModel m) {
        return m.forecast(new ForecastRequest(4)).points(0);
    }

    @Test
    void rejectsBadSeasonLength() {
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.seasonal(0));
    }
}
