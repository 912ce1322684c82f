package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.simple.RFixture;
import io.demandcast.core.model.stat.simple.Ses;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrostonTest {
    static Stream<RFixture> rCases() {
        return RFixture.read(CrostonTest.class, "croston_r.csv").stream();
    }

    /** R: croston(y, h = 3, alpha = 0.1 / 0.25)$mean, and the quantiles built from R's fitted values. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void matchesRCroston(RFixture c) {
        double[] y = c.get("y");
        assertArrayEquals(c.get("croston_0.1"), Croston.classic(0.1).fit(y).forecast(3, new double[0]).point(), 1e-9);
        assertArrayEquals(c.get("croston_0.25"), Croston.classic(0.25).fit(y).forecast(3, new double[0]).point(), 1e-9);
        double[] sba = Croston.sba(0.1).fit(y).forecast(3, new double[0]).point();
        assertEquals(c.get("croston_0.1")[0] * 0.95, sba[0], 1e-9);

        // the error quantiles come from the same one-step forecasts as R's croston fitted values
        double[] fitted = c.get("croston_0.1_fitted");
        int first = 0;
        while (y[first] <= 0) {
            first++;
        }
        double[] errors = new double[y.length - first - 1];
        for (int t = first + 1; t < y.length; t++) {
            errors[t - first - 1] = y[t] - fitted[t];
        }
        IntermittentFit expected = IntermittentFit.of(c.get("croston_0.1")[0], errors, JsonNodeFactory.instance.objectNode());
        double[] levels = {0.1, 0.5, 0.8, 0.95, 0.995};
        SeriesForecast ours = Croston.classic(0.1).fit(y).forecast(2, levels);
        SeriesForecast theirs = expected.forecast(2, levels);
        for (int l = 0; l < levels.length; l++) {
            assertArrayEquals(theirs.quantiles()[l], ours.quantiles()[l], 1e-9, "level " + levels[l]);
        }
    }

    @Test
    void optimizedAlphasStayInStatsforecastBounds() {
        double[] y = {0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 1, 0, 0, 0, 4, 0, 7, 0, 0, 2, 0, 0, 0, 0, 3};
        var state = Croston.optimized().fit(y).state().path("fitted");
        for (String key : new String[] {"alpha_demand", "alpha_interval"}) {
            double a = state.path(key).asDouble();
            assertTrue(a >= 0.1 - 1e-9 && a <= 0.3 + 1e-9, key + " = " + a);
        }
    }

    /**
     * With {@code alpha: optimized} an update keeps both fitted alphas and the error quantiles, and
     * re-smooths sizes and intervals through the longer series: here by hand, as SES started at
     * the first size and the first interval.
     */
    @Test
    void optimizedUpdateResmoothsSizesAndIntervalsWithTheFittedAlphas() {
        double[] y = {0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 1, 0, 0, 0, 4, 0, 7, 0, 0, 2, 0, 0, 0, 0, 3};
        double[] longer = java.util.Arrays.copyOf(y, y.length + 9);
        longer[y.length + 1] = 9;
        longer[y.length + 7] = 1;
        Croston method = Croston.optimized();
        SeriesFit fit = method.fit(y);
        SeriesFit updated = method.update(fit, longer);
        assertEquals(fit.state().path("fitted"), updated.state().path("fitted"));
        assertEquals(fit.state().path("error_quantiles"), updated.state().path("error_quantiles"));
        double alphaDemand = fit.state().path("fitted").path("alpha_demand").asDouble();
        double alphaInterval = fit.state().path("fitted").path("alpha_interval").asDouble();
        double[] sizes = {3, 5, 2, 1, 4, 7, 2, 3, 9, 1};
        double[] intervals = {3, 4, 2, 3, 4, 2, 3, 5, 2, 6};
        double expected = Ses.simpleLevel(sizes, alphaDemand) / Ses.simpleLevel(intervals, alphaInterval);
        assertEquals(expected, updated.forecast(1, new double[0]).point()[0], 1e-12);
        assertEquals(UpdateMode.FILTER, method.updateMode());
        // with a given alpha nothing was estimated: the update is the fit on the longer series
        assertEquals(UpdateMode.REFORECAST, Croston.classic(0.1).updateMode());
        assertEquals(Croston.classic(0.1).fit(longer).state(), Croston.classic(0.1).update(Croston.classic(0.1).fit(y), longer).state());
    }

    @Test
    void quantilesAreFiniteAndNeverNegative() {
        for (Croston m : new Croston[] {Croston.classic(0.1), Croston.optimized(), Croston.sba(0.1)}) {
            SimpleTestSupport.assertFiniteOnEdgeCases(m);
            for (double[] y : SimpleTestSupport.EDGE_CASES) {
                SeriesForecast f = m.fit(y).forecast(3, new double[] {0.01, 0.5, 0.99});
                for (double[] q : f.quantiles()) {
                    for (double v : q) {
                        assertTrue(v >= 0);
                    }
                }
            }
            SimpleTestSupport.assertRoundTrip(m, new double[] {0, 2, 0, 0, 5, 0, 1, 0, 0, 0, 3});
        }
        assertArrayEquals(new double[] {0, 0}, Croston.classic(0.1).fit(new double[20]).forecast(2, new double[0]).point());
        // negative values count as no demand
        assertArrayEquals(Croston.classic(0.1).fit(new double[] {0, 4, 0, 2}).forecast(1, new double[0]).point(),
                Croston.classic(0.1).fit(new double[] {-1, 4, -3, 2}).forecast(1, new double[0]).point());
    }
}
