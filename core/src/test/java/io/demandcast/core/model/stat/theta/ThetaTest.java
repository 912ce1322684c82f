package io.demandcast.core.model.stat.theta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.simple.RFixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ThetaTest {
    private static final double[] LEVELS = {0.025, 0.9};
    /** Relative: the fixture holds 12 significant digits. */
    private static final double TOLERANCE = 1e-9;

    static Stream<RFixture> rCases() {
        return RFixture.read(ThetaTest.class, "thetaf_r.csv").stream();
    }

    /**
     * R: thetaf(ts(y, frequency = m), h) — see the fixture. SES is searched as R's ses() searches
     * (ets's Nelder-Mead), so the forecasts agree to rounding, including N1402_first30, where that
     * search stops at a local optimum (alpha 0.1018) that the least-squares optimum would leave.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void matchesRThetaf(RFixture c) {
        double[] mean = c.get("mean");
        SeriesForecast f = new Theta(c.m()).fit(c.get("y")).forecast(mean.length, LEVELS);
        double[] lo95 = c.get("lo95");
        double[] hi80 = c.get("hi80");
        for (int i = 0; i < mean.length; i++) {
            double scale = Math.max(1, Math.abs(mean[i]));
            assertEquals(mean[i], f.point()[i], TOLERANCE * scale, c.name() + " mean step " + (i + 1));
            assertEquals(lo95[i], f.quantiles()[0][i], TOLERANCE * scale, c.name() + " lo95 step " + (i + 1));
            assertEquals(hi80[i], f.quantiles()[1][i], TOLERANCE * scale, c.name() + " hi80 step " + (i + 1));
        }
        if (c.values().containsKey("r_alpha")) {
            assertEquals(c.get("r_alpha")[0], ((Theta.Fit) new Theta(c.m()).fit(c.get("y"))).alpha(), 1e-9, "R's alpha");
        }
    }

    /**
     * An update keeps alpha, the drift, sigma² and the seasonal indices: the longer series is
     * divided by the same indices (continuing their cycle), the SES level re-run from the fitted
     * initial level, and the forecast reseasonalised from where the longer series ends.
     */
    @Test
    void updateKeepsAlphaDriftAndSeasonalIndices() {
        double[] y = new double[54];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + t + (t * 7 % 5);
        }
        Theta method = new Theta(12);
        Theta.Fit fit = (Theta.Fit) method.fit(java.util.Arrays.copyOf(y, 48));
        assertTrue(fit.season() != null, "the fitted series is seasonal");
        Theta.Fit updated = (Theta.Fit) method.update(fit, y);
        assertEquals(fit.alpha(), updated.alpha());
        assertEquals(fit.drift(), updated.drift());
        assertEquals(fit.sigma2(), updated.sigma2());
        assertEquals(54, updated.n());
        double level = fit.initialLevel();
        for (int t = 0; t < y.length; t++) {
            // fit.season()[j] is the index of period 48 + j, i.e. of every period t with t % 12 == j
            level += fit.alpha() * (y[t] / fit.season()[t % 12] - level);
        }
        double offset = (1 - Math.pow(1 - fit.alpha(), 54)) / fit.alpha();
        SeriesForecast f = updated.forecast(12, new double[0]);
        for (int h = 0; h < 12; h++) {
            double index = fit.season()[(54 + h) % 12];
            assertEquals(index, updated.season()[h], 0.0);
            assertEquals((level + fit.drift() * (h + offset)) * index, f.point()[h], 1e-9, "step " + (h + 1));
        }
    }

    @Test
    void seasonalityTestFollowsThetaf() {
        double[] seasonal = new double[48];
        for (int t = 0; t < seasonal.length; t++) {
            seasonal[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + t;
        }
        assertTrue(Theta.isSeasonal(seasonal, 12));
        // needs more than 2m values
        assertFalse(Theta.isSeasonal(java.util.Arrays.copyOf(seasonal, 24), 12));
        assertFalse(Theta.isSeasonal(seasonal, 1));
    }

    @Test
    void edgeCasesGiveFiniteForecasts() {
        Theta theta = new Theta(12);
        List<double[]> inputs = List.of(new double[0], new double[] {5}, new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
                new double[30], new double[] {0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new double[] {1, 2});
        for (double[] y : inputs) {
            SeriesForecast f = theta.fit(y).forecast(13, LEVELS);
            for (int i = 0; i < 13; i++) {
                assertTrue(Double.isFinite(f.point()[i]), "point for n=" + y.length);
                assertTrue(Double.isFinite(f.quantiles()[0][i]) && Double.isFinite(f.quantiles()[1][i]), "quantiles for n=" + y.length);
            }
        }
        assertArrayEquals(new double[] {0, 0}, theta.fit(new double[0]).forecast(2, LEVELS).point());
        assertArrayEquals(new double[] {3, 3}, theta.fit(new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3})
                .forecast(2, LEVELS).point(), 1e-9);
        assertArrayEquals(new double[] {5, 5}, theta.fit(new double[] {5}).forecast(2, LEVELS).point(), 1e-12);
    }

    @Test
    void stateRoundTripForecastsIdentically() throws Exception {
        RFixture c = rCases().findFirst().orElseThrow();
        Theta theta = new Theta(c.m());
        SeriesFit fit = theta.fit(c.get("y"));
        ObjectMapper json = new ObjectMapper();
        SeriesFit loaded = theta.load(json.readTree(json.writeValueAsString(fit.state())));
        SeriesForecast a = fit.forecast(20, LEVELS);
        SeriesForecast b = loaded.forecast(20, LEVELS);
        assertArrayEquals(a.point(), b.point());
        assertArrayEquals(a.quantiles()[1], b.quantiles()[1]);
    }
}
