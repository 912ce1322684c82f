package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.model.stat.SeriesFit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ArimaModel#filter} through {@link ArimaMethod#update}: coefficients fixed, Kalman state recomputed. */
class ArimaModelTest {

    private static ArimaModel model(SeriesFit fit) {
        return ((ArimaSeriesFit) fit).model();
    }

    /**
     * AR(1) with a mean, by hand: after the data the state is exact, so
     * {@code f(h) = mu + phi^h (y(n) - mu)} and {@code var(h) = sigma2 * sum_{j<h} phi^(2j)}, with the
     * coefficients and sigma2 fitted on the first 15 years of nottem and y(n) the last of all 20.
     */
    @Test
    void ar1UpdateForecastsFromTheNewLastValueWithTheFittedCoefficients() {
        double[] y = ArimaFixtures.numbers(ArimaFixtures.resource("nottem.txt"));
        ArimaMethod method = ArimaMethod.fixed(ArimaOrder.of(1, 0, 0).withConstant());
        SeriesFit fit = method.fit(Arrays.copyOf(y, 180));
        ArimaModel fitted = model(fit);
        ArimaModel updated = model(method.update(fit, y));
        double phi = fitted.coefficients()[0];
        double mu = fitted.coefficients()[1];
        assertTrue(Math.abs(phi) > 0.3, "nottem is autocorrelated: phi " + phi);
        assertArrayEquals(fitted.coefficients(), updated.coefficients());
        assertEquals(fitted.sigma2(), updated.sigma2());
        assertEquals(y.length, updated.length());
        double[][] f = updated.forecast(12);
        double last = y[y.length - 1];
        double variance = 0;
        for (int h = 1; h <= 12; h++) {
            variance += Math.pow(phi, 2 * (h - 1));
            assertEquals(mu + Math.pow(phi, h) * (last - mu), f[0][h - 1], 1e-9, "mean at step " + h);
            assertEquals(Math.sqrt(fitted.sigma2() * variance), f[1][h - 1], 1e-9, "sd at step " + h);
        }
    }

    /**
     * auto_arima on AirPassengers' first 8 years, updated with all 12: the same forecasts as the
     * model with the same orders and coefficients fixed ({@code Arima(fixed = ...)}, which estimates
     * only the variance), and not those of a refit, which moves the coefficients.
     */
    @Test
    void autoArimaUpdateIsTheFixedCoefficientModelNotARefit() {
        double[] air = ArimaFixtures.airPassengers();
        ArimaMethod method = ArimaMethod.automatic(AutoArima.Options.defaults(12));
        SeriesFit fit = method.fit(Arrays.copyOf(air, 96));
        ArimaModel fitted = model(fit);
        ArimaModel updated = model(method.update(fit, air));
        assertEquals(fitted.order(), updated.order());
        assertArrayEquals(fitted.coefficients(), updated.coefficients());
        assertEquals(fitted.sigma2(), updated.sigma2());
        assertSameMeansAsFixedCoefficients(updated, air);

        ArimaModel refit = model(method.fit(air));
        double[] a = updated.forecast(12)[0];
        double[] b = refit.forecast(12)[0];
        double largest = 0;
        for (int i = 0; i < 12; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        assertTrue(!refit.order().equals(fitted.order()) || !Arrays.equals(refit.coefficients(), fitted.coefficients()));
        assertTrue(largest > 1, "update and refit forecast alike: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
    }

    /** With a drift the constant's regressor continues from the new length. */
    @Test
    void driftModelUpdateContinuesTheDriftFromTheNewEnd() {
        double[] www = ArimaFixtures.wwwUsage();
        ArimaMethod method = ArimaMethod.fixed(ArimaOrder.of(1, 1, 1).withConstant());
        SeriesFit fit = method.fit(Arrays.copyOf(www, 70));
        ArimaModel fitted = model(fit);
        assertTrue(fitted.order().constant() && fitted.order().differences() == 1, fitted.toString());
        ArimaModel updated = model(method.update(fit, www));
        assertSameMeansAsFixedCoefficients(updated, www);
        // on the fitted data the update gives back the fit
        ArimaModel same = model(method.update(fit, Arrays.copyOf(www, 70)));
        assertArrayEquals(fitted.forecast(8)[0], same.forecast(8)[0], 1e-9);
        assertArrayEquals(fitted.forecast(8)[1], same.forecast(8)[1], 1e-9);
    }

    /** Means equal to the model with the same coefficients fixed; sds differ only by the variance kept. */
    private static void assertSameMeansAsFixedCoefficients(ArimaModel updated, double[] y) {
        ArimaModel fixed = ArimaFitter.fixed(y, updated.order(), updated.coefficients());
        assertNotNull(fixed);
        double[][] a = updated.forecast(18);
        double[][] b = fixed.forecast(18);
        double ratio = Math.sqrt(updated.sigma2() / fixed.sigma2());
        for (int h = 0; h < 18; h++) {
            assertEquals(b[0][h], a[0][h], 1e-9 * Math.abs(b[0][h]), "mean at step " + (h + 1));
            assertEquals(b[1][h] * ratio, a[1][h], 1e-9 * b[1][h] * ratio, "sd at step " + (h + 1));
        }
    }
}
