package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.simple.RFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ArimaMethod#update} (coefficients and sigma2 fixed, Kalman filter re-run) against R: an
 * ARIMA(2,1,1)(0,1,0)[12] fitted by R's {@code Arima} on AirPassengers' first 137 months, fed months
 * 138..144, forecasts as R's {@code Arima(y_long, model = fit)}, which keeps the coefficients and
 * sigma2 too (fixture written by {@code scripts/fixtures/update_r.R}). Means and 80%/95% bounds agree
 * to 1e-6 relative.
 */
class ArimaUpdateAgainstRTest {
    /** R's qnorm(0.9) and qnorm(0.975). */
    private static final double Z80 = 1.2815515655446004;
    private static final double Z95 = 1.959963984540054;

    @Test
    void rCoefficientsFedSevenMonthsForecastAsRsArimaWithTheModelKept() {
        RFixture r = RFixture.read(ArimaUpdateAgainstRTest.class, "/io/demandcast/core/model/update_r.csv").stream()
                .filter(f -> f.name().equals("arima_211_010")).findFirst().orElseThrow();
        double[] yLong = r.get("y");
        double[] yShort = Arrays.copyOf(yLong, yLong.length - 7);
        ArimaMethod method = ArimaMethod.fixed(new ArimaOrder(2, 1, 1, 0, 1, 0, 12, false));
        // Our own fit on the short series, its coefficients and sigma2 replaced by R's: the update then filters R's model.
        ObjectNode saved = ((ArimaSeriesFit) method.fit(yShort)).model().toJson();
        ArrayNode coef = saved.putArray("coef");
        Arrays.stream(r.get("coef")).forEach(coef::add);
        saved.put("sigma2", r.get("sigma2")[0]);
        SeriesFit fitted = new ArimaSeriesFit(ArimaModel.fromJson(saved).filter(yShort));

        ArimaModel updated = ((ArimaSeriesFit) method.update(fitted, yLong)).model();
        assertEquals(yLong.length, updated.length());
        double[][] f = updated.forecast(12);
        double[] mean = r.get("mean");
        assertClose(mean, f[0], "mean");
        double[][] bounds = new double[4][12];
        for (int i = 0; i < 12; i++) {
            bounds[0][i] = f[0][i] - Z80 * f[1][i];
            bounds[1][i] = f[0][i] + Z80 * f[1][i];
            bounds[2][i] = f[0][i] - Z95 * f[1][i];
            bounds[3][i] = f[0][i] + Z95 * f[1][i];
        }
        assertClose(r.get("lo80"), bounds[0], "lo80");
        assertClose(r.get("hi80"), bounds[1], "hi80");
        assertClose(r.get("lo95"), bounds[2], "lo95");
        assertClose(r.get("hi95"), bounds[3], "hi95");
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])),
                    what + " [" + i + "]: R " + Arrays.toString(expected) + " ours " + Arrays.toString(actual));
        }
    }
}
