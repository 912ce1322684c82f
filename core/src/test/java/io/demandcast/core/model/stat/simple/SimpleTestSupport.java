package io.demandcast.core.model.stat.simple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.List;

/** Checks every local method must pass: finite output on edge cases, identical forecasts after a JSON round trip. */
public final class SimpleTestSupport {
    /** Constant, all zeros, shorter than two weekly/monthly seasons, single non-zero, empty, one value. */
    public static final List<double[]> EDGE_CASES = List.of(
            new double[0],
            new double[] {4},
            new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
            new double[30],
            new double[] {0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5},
            new double[] {1, 2, 3, 2, 1});

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimpleTestSupport() {
    }

    /** Every point and quantile finite, quantiles non-decreasing across levels. */
    public static void assertFiniteOnEdgeCases(SeriesMethod method) {
        double[] levels = {0.05, 0.5, 0.95};
        for (double[] y : EDGE_CASES) {
            SeriesForecast f = method.fit(y).forecast(15, levels);
            for (int i = 0; i < 15; i++) {
                assertTrue(Double.isFinite(f.point()[i]), method.family() + ": point not finite for " + java.util.Arrays.toString(y));
                for (int l = 0; l < levels.length; l++) {
                    assertTrue(Double.isFinite(f.quantiles()[l][i]), method.family() + ": quantile not finite for " + java.util.Arrays.toString(y));
                    if (l > 0) {
                        assertTrue(f.quantiles()[l][i] >= f.quantiles()[l - 1][i], method.family() + ": quantiles cross");
                    }
                }
            }
        }
    }

    /**
     * Through the family as the registry uses it: create with {@code params}, fit a small panel
     * (a seasonal series, an intermittent one, a single value), save, load, and compare forecasts.
     */
    public static void assertFamilyRoundTrip(io.demandcast.core.model.ModelFamily family, String params,
                                             io.demandcast.core.model.ModelContext context, java.nio.file.Path dir) {
        try {
            java.time.LocalDate start = java.time.LocalDate.of(2021, 1, 1);
            double[] seasonal = new double[40];
            for (int t = 0; t < seasonal.length; t++) {
                seasonal[t] = 50 + t + 10 * Math.sin(2 * Math.PI * t / 7) + (t % 3);
            }
            io.demandcast.core.data.Panel panel = new io.demandcast.core.data.PanelBuilder(io.demandcast.core.data.Frequency.DAILY, start)
                    .add("seasonal", start, seasonal)
                    .add("intermittent", start, new double[] {0, 0, 3, 0, 0, 1, 0, 0, 0, 4, 0, 2, 0, 0, 0, 0, 5, 0})
                    .add("single", start, new double[] {7})
                    .build();
            io.demandcast.core.model.FittedModel fitted = family.create(JSON.readTree(params), context).fit(panel);
            fitted.save(dir);
            io.demandcast.core.model.FittedModel loaded = family.load(dir);
            io.demandcast.core.model.ForecastRequest request = new io.demandcast.core.model.ForecastRequest(10, 0.05, 0.5, 0.95);
            io.demandcast.core.model.Forecast a = fitted.forecast(request);
            io.demandcast.core.model.Forecast b = loaded.forecast(request);
            for (int s = 0; s < 3; s++) {
                assertArrayEquals(a.points(s), b.points(s), family.name() + " series " + s);
                for (int l = 0; l < 3; l++) {
                    for (int k = 0; k < 10; k++) {
                        assertTrue(Double.isFinite(a.quantile(l, s, k)));
                        org.junit.jupiter.api.Assertions.assertEquals(a.quantile(l, s, k), b.quantile(l, s, k));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fit read back from its JSON state forecasts identically. */
    public static void assertRoundTrip(SeriesMethod method, double[] y) {
        try {
            SeriesFit fit = method.fit(y);
            SeriesFit loaded = method.load(JSON.readTree(JSON.writeValueAsString(fit.state())));
            double[] levels = {0.1, 0.9};
            SeriesForecast a = fit.forecast(17, levels);
            SeriesForecast b = loaded.forecast(17, levels);
            assertArrayEquals(a.point(), b.point());
            assertArrayEquals(a.quantiles()[0], b.quantiles()[0]);
            assertArrayEquals(a.quantiles()[1], b.quantiles()[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
