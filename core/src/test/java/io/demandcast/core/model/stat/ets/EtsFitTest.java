package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.ets.EtsMethod.Criterion;
import io.demandcast.core.model.stat.ets.EtsMethod.Damping;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link EtsFit#filter} and {@link EtsMethod#update}: fixed parameters, state re-run through a
 * longer series. AirPassengers fitted on its first 8 years, updated with all 12.
 */
class EtsFitTest {
    private static final int FITTED_YEARS = 8;

    private static double[] head(double[] y, int length) {
        return Arrays.copyOf(y, length);
    }

    /**
     * Additive Holt-Winters by hand, in its textbook error-correction form ({@code e = y - l - b - s(t-m)},
     * {@code l += b + alpha e}, {@code b += beta e}, {@code s(t) = s(t-m) + gamma e}) from the fit's
     * initial state: the update must end in the same state and forecast from it.
     */
    @Test
    void holtWintersUpdateIsTheHandRunRecursionWithFixedParameters() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        EtsMethod method = new EtsMethod("holt_winters", "AAA", Damping.FALSE, 12, Criterion.AICC);
        EtsFit fitted = method.fit(head(air, 12 * FITTED_YEARS));
        assertEquals("AAA", fitted.model().code());
        EtsFit updated = (EtsFit) method.update(fitted, air);

        double[] init = fitted.initialState();
        double level = init[0];
        double trend = init[1];
        // seasons[0] is the most recent seasonal state, seasons[11] the one for the next period
        double[] seasons = Arrays.copyOfRange(init, 2, 14);
        for (double y : air) {
            double s = seasons[11];
            double e = y - level - trend - s;
            level = level + trend + fitted.alpha() * e;
            trend = trend + fitted.beta() * e;
            System.arraycopy(seasons, 0, seasons, 1, 11);
            seasons[0] = s + fitted.gamma() * e;
        }
        double[] expectedState = new double[14];
        expectedState[0] = level;
        expectedState[1] = trend;
        System.arraycopy(seasons, 0, expectedState, 2, 12);
        assertArrayEquals(expectedState, updated.finalState(), 1e-8);
        double[] mean = updated.mean(24);
        for (int h = 1; h <= 24; h++) {
            assertEquals(level + h * trend + seasons[11 - (h - 1) % 12], mean[h - 1], 1e-8, "step " + h);
        }
        // parameters and variance are the fitted ones: the one-step interval has the fitted width
        assertEquals(fitted.alpha(), updated.alpha());
        assertEquals(fitted.beta(), updated.beta());
        assertEquals(fitted.gamma(), updated.gamma());
        assertEquals(fitted.sigma2(), updated.sigma2());
        SeriesForecast f = updated.forecast(1, new double[] {0.9});
        assertEquals(mean[0] + NormalIntervals.z(0.9) * Math.sqrt(fitted.sigma2()), f.quantiles()[0][0], 1e-8);
        // and the original fit still forecasts from 1956
        assertArrayEquals(method.fit(head(air, 12 * FITTED_YEARS)).finalState(), fitted.finalState());
    }

    /** SES by hand, with its interval {@code sd(h) = sigma * sqrt(1 + (h-1) alpha^2)} from the fitted sigma. */
    @Test
    void sesUpdateIsTheHandRunLevelWithTheFittedVariance() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        EtsMethod method = new EtsMethod("ses", "ANN", Damping.FALSE, 1, Criterion.AICC);
        EtsFit fitted = method.fit(head(air, 12 * FITTED_YEARS));
        EtsFit updated = (EtsFit) method.update(fitted, air);
        double level = fitted.initialState()[0];
        for (double y : air) {
            level += fitted.alpha() * (y - level);
        }
        SeriesForecast f = updated.forecast(6, new double[] {0.1, 0.9});
        for (int h = 1; h <= 6; h++) {
            double sd = Math.sqrt(fitted.sigma2() * (1 + (h - 1) * fitted.alpha() * fitted.alpha()));
            assertEquals(level, f.point()[h - 1], 1e-8);
            assertEquals(level + NormalIntervals.z(0.9) * sd, f.quantiles()[1][h - 1], 1e-8);
        }
    }

    /** Auto ETS keeps its selected form and estimates where a refit on the longer series picks others. */
    @Test
    void autoEtsUpdateKeepsFormAndParametersWhereARefitChangesThem() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        EtsMethod method = new EtsMethod("auto_ets", "ZZZ", Damping.AUTO, 12, Criterion.AICC);
        EtsFit fitted = method.fit(head(air, 12 * FITTED_YEARS));
        EtsFit updated = (EtsFit) method.update(fitted, air);
        EtsFit refit = method.fit(air);
        assertEquals(fitted.model(), updated.model());
        assertEquals(fitted.alpha(), updated.alpha());
        assertEquals(fitted.beta(), updated.beta());
        assertEquals(fitted.gamma(), updated.gamma());
        assertEquals(fitted.phi(), updated.phi());
        assertEquals(fitted.sigma2(), updated.sigma2());
        assertNotEquals(fitted.alpha(), refit.alpha(), 1e-3, "a refit on four more years moves alpha");
        double[] a = updated.mean(12);
        double[] b = refit.mean(12);
        double largest = 0;
        for (int i = 0; i < 12; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        assertTrue(largest > 1, "update and refit forecast alike: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
        // it is the fitted model carried forward, not the old forecast: it starts near the last year's level
        assertTrue(Math.abs(a[0] - air[air.length - 12]) < 0.25 * air[air.length - 12], Arrays.toString(a));
    }

    @Test
    void aStateSavedWithoutItsInitialStateForecastsButCannotUpdate() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        EtsMethod method = new EtsMethod("holt", "AAN", Damping.FALSE, 1, Criterion.AICC);
        EtsFit fitted = method.fit(head(air, 24));
        ObjectNode old = fitted.state();
        old.remove("initial_state");
        EtsFit loaded = EtsFit.load(old);
        assertArrayEquals(fitted.mean(5), loaded.mean(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> method.update(loaded, air));
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
        assertArrayEquals(fitted.initialState(), EtsFit.load(fitted.state()).initialState());
    }
}
