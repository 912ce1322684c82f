package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.stat.simple.RFixture;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link FittedModel#update} of the families that estimate nothing, through the path {@code predict}
 * takes (a fitted panel model fed a longer panel), against R (fixture written by
 * {@code scripts/fixtures/update_r.R}) and against a refit on the longer series:
 * <ul>
 *   <li>seasonal naive (season 12) fitted on AirPassengers' first 137 months, fed months 138..144:
 *       R's {@code snaive(y_long)} (means and 80%/95% bounds) and our own fit on all 144;</li>
 *   <li>Croston with {@code alpha: 0.1} fitted on the first 186 days of an intermittent M5 series
 *       (FOODS_2_096_WI_3), fed days 187..193 (two demands): R's {@code croston(y_long, alpha = 0.1)}.</li>
 * </ul>
 * ETS and ARIMA, which keep estimated parameters, are compared with R in {@code EtsUpdateAgainstRTest}
 * and {@code ArimaUpdateAgainstRTest}.
 */
class UpdateAgainstRTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ForecastRequest REQUEST = new ForecastRequest(12, 0.025, 0.1, 0.9, 0.975);

    private static RFixture fixture(String name) {
        return RFixture.read(UpdateAgainstRTest.class, "/io/demandcast/core/model/update_r.csv").stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Panel panel(double[] y) {
        return new PanelBuilder(Frequency.DAILY, START).add("s", START, y).build();
    }

    private static FittedModel fit(String family, String params, double[] y) throws Exception {
        return ModelRegistry.standard().family(family).create(JSON.readTree(params), ModelContext.of(Frequency.DAILY).withHorizon(12))
                .fit(panel(y));
    }

    @Test
    void seasonalNaiveFedSevenPeriodsIsRsSnaiveAndOurRefitOnTheLongerSeries() throws Exception {
        RFixture r = fixture("snaive");
        double[] yLong = r.get("y");
        FittedModel fitted = fit("seasonal_naive", "{\"season_length\": 12}", Arrays.copyOf(yLong, yLong.length - 7));
        FittedModel updated = fitted.update(panel(yLong));
        Forecast f = updated.forecast(REQUEST);
        assertEquals(yLong.length, f.firstPeriod(0), "forecasts start after the fed periods");
        assertClose(r.get("mean"), f.points(0), "mean");
        String[] kinds = {"lo95", "lo80", "hi80", "hi95"};
        for (int q = 0; q < kinds.length; q++) {
            assertClose(r.get(kinds[q]), row(f, q), kinds[q]);
        }
        Forecast refit = fit("seasonal_naive", "{\"season_length\": 12}", yLong).forecast(REQUEST);
        assertClose(refit.points(0), f.points(0), "refit mean");
        for (int q = 0; q < kinds.length; q++) {
            assertClose(row(refit, q), row(f, q), "refit " + kinds[q]);
        }
    }

    @Test
    void crostonWithAGivenAlphaFedSevenDaysIsRsCrostonOnTheLongerSeries() throws Exception {
        RFixture r = fixture("croston_0.1");
        double[] yLong = r.get("y");
        FittedModel fitted = fit("croston", "{\"alpha\": 0.1}", Arrays.copyOf(yLong, yLong.length - 7));
        Forecast before = fitted.forecast(new ForecastRequest(7));
        Forecast f = fitted.update(panel(yLong)).forecast(new ForecastRequest(7));
        assertEquals(yLong.length, f.firstPeriod(0));
        assertClose(r.get("mean"), f.points(0), "mean");
        assertEquals(true, Math.abs(before.point(0, 0) - f.point(0, 0)) > 1e-3, "the fed demands moved the forecast");
    }

    private static double[] row(Forecast f, int level) {
        double[] out = new double[f.horizon()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.quantile(level, 0, i);
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])),
                    what + " [" + i + "]: expected " + Arrays.toString(expected) + " got " + Arrays.toString(actual));
        }
    }
}
