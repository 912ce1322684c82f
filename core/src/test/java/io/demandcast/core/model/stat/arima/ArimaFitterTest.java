package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fixed-order fits against R 4.x {@code forecast::Arima} (numbers printed by R, see the comments). */
class ArimaFitterTest {

    private static ArimaModel fit(double[] y, ArimaOrder order) {
        ArimaFitter.Fit f = ArimaFitter.fit(y, order, EstimationMethod.CSS_ML);
        assertNotNull(f, order.toString());
        int npar = f.coef.length + 1;
        return f.toModel(f.rss / (f.nUsed() - npar + 1));
    }

    @Test
    void wwwUsageArima111MatchesR() {
        // Arima(WWWusage, order = c(1,1,1)): ar1 0.6503759762, ma1 0.5255958890, loglik -254.1497,
        // aicc 514.5521, sigma2 9.995325; forecast 218.8804967 218.1523987 217.6788612 217.3708838 217.1705828,
        // 95% upper 225.0769982 ... 256.5342696
        ArimaModel m = fit(ArimaFixtures.wwwUsage(), ArimaOrder.of(1, 1, 1));
        assertArrayEquals(new double[] {0.6503759762, 0.5255958890}, m.coefficients(), 1e-4);
        assertEquals(-254.1497, m.loglik(), 1e-3);
        assertEquals(514.5521, m.aicc(), 1e-3);
        assertEquals(9.995325, m.sigma2(), 1e-3);
        double[][] f = m.forecast(5);
        assertArrayEquals(new double[] {218.8804967, 218.1523987, 217.6788612, 217.3708838, 217.1705828}, f[0], 1e-3);
        assertEquals(225.0769982, f[0][0] + 1.959963985 * f[1][0], 1e-2);
        assertEquals(256.5342696, f[0][4] + 1.959963985 * f[1][4], 1e-2);
    }

    @Test
    void airPassengersSeasonalDifferencingMatchesR() {
        // Arima(AirPassengers, order = c(2,1,1), seasonal = c(0,1,0)): 0.5959807066 0.2142745536 -0.9818771697,
        // loglik -504.9239, aicc 1018.165, sigma2 132.3447; forecast 445.6349014 420.3949965 449.1983163
        ArimaModel m = fit(ArimaFixtures.airPassengers(), new ArimaOrder(2, 1, 1, 0, 1, 0, 12, false));
        assertArrayEquals(new double[] {0.5959807066, 0.2142745536, -0.9818771697}, m.coefficients(), 1e-4);
        assertEquals(-504.9239, m.loglik(), 1e-3);
        assertEquals(1018.165, m.aicc(), 1e-2);
        assertEquals(132.3447, m.sigma2(), 1e-2);
        assertArrayEquals(new double[] {445.6349014, 420.3949965, 449.1983163}, java.util.Arrays.copyOf(m.forecast(3)[0], 3), 1e-3);
    }

    @Test
    void meanIsEstimatedJointlyAsR() {
        // Arima(WWWusage, order = c(2,0,1)): 1.6612854870 -0.6792879146 0.5089214736 intercept 143.0072810152,
        // loglik -258.2461, aicc 527.1306; forecast 217.9640244 215.2316075 212.0752964
        ArimaModel m = fit(ArimaFixtures.wwwUsage(), ArimaOrder.of(2, 0, 1).withConstant());
        assertArrayEquals(new double[] {1.6612854870, -0.6792879146, 0.5089214736, 143.0072810152}, m.coefficients(), 5e-3);
        assertEquals(-258.2461, m.loglik(), 1e-3);
        assertEquals(527.1306, m.aicc(), 1e-2);
        assertArrayEquals(new double[] {217.9640244, 215.2316075, 212.0752964}, java.util.Arrays.copyOf(m.forecast(3)[0], 3), 5e-3);
    }

    @Test
    void seasonalArmaWithDriftReachesRsLikelihood() {
        // Arima(AirPassengers, order = c(1,0,1), seasonal = c(1,1,1), include.drift = TRUE): loglik -506.3777,
        // aicc 1025.427; forecast 448.5930717 423.4382240 457.3589188 (R stops at a slightly lower likelihood)
        ArimaModel m = fit(ArimaFixtures.airPassengers(), new ArimaOrder(1, 0, 1, 1, 1, 1, 12, true));
        assertTrue(m.loglik() >= -506.3777 - 1e-3, "loglik " + m.loglik());
        assertEquals(1025.427, m.aicc(), 0.01);
        assertArrayEquals(new double[] {448.5930717, 423.4382240, 457.3589188}, java.util.Arrays.copyOf(m.forecast(3)[0], 3), 0.1);
        assertEquals(2.5824018506, m.coefficients()[4], 0.01);
    }

    @Test
    void exactMaximumLikelihoodWithoutCssStart() {
        // arima(nottem, order = c(1,0,0), seasonal = c(2,1,0), method = "ML"): 0.2855992669 -0.8597953201 -0.2962915883,
        // loglik -526.5923486
        double[] y = ArimaFixtures.numbers(ArimaFixtures.resource("nottem.txt"));
        ArimaFitter.Fit f = ArimaFitter.fit(y, new ArimaOrder(1, 0, 0, 2, 1, 0, 12, false), EstimationMethod.ML);
        assertNotNull(f);
        assertArrayEquals(new double[] {0.2855992669, -0.8597953201, -0.2962915883}, f.coef, 1e-3);
        assertEquals(-526.5923486, f.loglik, 1e-3);
    }

    @Test
    void nonStationaryCssStartFailsLikeR() {
        // a deterministic exponential series: CSS gives an explosive AR(1), which R's arima rejects
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.pow(1.2, t);
        }
        assertEquals(null, ArimaFitter.fit(y, ArimaOrder.of(1, 0, 0), EstimationMethod.CSS_ML));
    }
}
