package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.simple.RFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link EtsMethod#update} (the state re-run with the fitted parameters and initial state fixed) against
 * R: an ETS(A,A,A) fitted by R's {@code ets} on AirPassengers' first 137 months, fed months 138..144,
 * forecasts as R's {@code ets(y_long, model = fit, use.initial.values = TRUE)} (fixture written by
 * {@code scripts/fixtures/update_r.R}); and so does our own fit of the same model, whose parameters are R's.
 *
 * <p>{@code use.initial.values = TRUE}, not R's default: with {@code FALSE} R re-estimates the
 * initial states on the longer series, which is a partial refit; demandcast's update keeps them.
 * With {@code TRUE} R keeps the smoothing parameters and the initial state, as the update does, but
 * re-estimates the error variance on the longer series while the update keeps the fitted one: the
 * point forecasts and final states agree to ~1e-9 relative, and the interval half-widths agree once
 * scaled by {@code sqrt(sigma2_long / sigma2_short)} (for an additive-error model the forecast
 * variance is proportional to sigma2).
 */
class EtsUpdateAgainstRTest {
    private static final double[] LEVELS = {0.025, 0.1, 0.9, 0.975};
    private static final String[] R_KINDS = {"lo95", "lo80", "hi80", "hi95"};

    @Test
    void rFittedAaaFedSevenMonthsForecastsAsRsRefitWithTheInitialValuesKept() {
        RFixture r = RFixture.read(EtsUpdateAgainstRTest.class, "/io/demandcast/core/model/update_r.csv").stream()
                .filter(f -> f.name().equals("ets_aaa")).findFirst().orElseThrow();
        double[] yLong = r.get("y");
        double[] yShort = Arrays.copyOf(yLong, yLong.length - 7);
        double[] init = r.get("initial_state");
        double sigma2Short = r.get("sigma2_short")[0];

        ObjectNode saved = JsonNodeFactory.instance.objectNode();
        saved.put("model", "AAA").put("m", 12);
        saved.put("alpha", r.get("alpha")[0]).put("beta", r.get("beta")[0]).put("gamma", r.get("gamma")[0]).put("phi", 1.0);
        saved.put("sigma2", sigma2Short);
        Arrays.stream(init).forEach(saved.putArray("state")::add);
        Arrays.stream(init).forEach(saved.putArray("initial_state")::add);
        saved.put("n", yShort.length).put("parameters", 17).put("lik", 0.0);
        EtsFit fitted = EtsFit.load(saved).filter(yShort);

        EtsMethod method = new EtsMethod("holt_winters", "AAA", EtsMethod.Damping.FALSE, 12, EtsMethod.Criterion.AICC);
        EtsFit updated = (EtsFit) method.update(fitted, yLong);

        assertEquals(sigma2Short, updated.sigma2(), 0, "the update keeps the fitted variance");
        assertClose(r.get("final_state"), updated.finalState(), 1e-9, "final state");
        SeriesForecast f = updated.forecast(12, LEVELS);
        double[] mean = r.get("mean");
        assertClose(mean, f.point(), 1e-9, "mean");
        double scale = Math.sqrt(r.get("sigma2_long")[0] / sigma2Short);
        for (int q = 0; q < LEVELS.length; q++) {
            double[] rHalf = new double[12];
            double[] ourHalf = new double[12];
            for (int i = 0; i < 12; i++) {
                rHalf[i] = r.get(R_KINDS[q])[i] - mean[i];
                ourHalf[i] = (f.quantiles()[q][i] - f.point()[i]) * scale;
            }
            assertClose(rHalf, ourHalf, 1e-6, R_KINDS[q] + " half-width, scaled to R's re-estimated sigma2");
        }
    }

    /**
     * The same with our own fit: {@code holt_winters} (ETS(A,A,A)) fitted by demandcast on the 137 months
     * finds R's parameters and initial state (to 1e-6 relative), and its update forecasts as R's
     * {@code ets(y_long, model = fit, use.initial.values = TRUE)}.
     */
    @Test
    void ourFittedAaaFedSevenMonthsForecastsAsRsRefitWithTheInitialValuesKept() {
        RFixture r = RFixture.read(EtsUpdateAgainstRTest.class, "/io/demandcast/core/model/update_r.csv").stream()
                .filter(f -> f.name().equals("ets_aaa")).findFirst().orElseThrow();
        double[] yLong = r.get("y");
        EtsMethod method = new EtsMethod("holt_winters", "AAA", EtsMethod.Damping.FALSE, 12, EtsMethod.Criterion.AICC);
        EtsFit fitted = method.fit(Arrays.copyOf(yLong, yLong.length - 7));
        assertClose(new double[] {r.get("alpha")[0], r.get("beta")[0], r.get("gamma")[0], r.get("sigma2_short")[0]},
                new double[] {fitted.alpha(), fitted.beta(), fitted.gamma(), fitted.sigma2()}, 1e-6, "our parameters against R's");
        assertClose(r.get("initial_state"), fitted.initialState(), 1e-6, "our initial state against R's");

        EtsFit updated = (EtsFit) method.update(fitted, yLong);
        assertClose(r.get("mean"), updated.forecast(12, LEVELS).point(), 1e-6, "mean");
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + " [" + i + "]: R " + Arrays.toString(expected) + " ours " + Arrays.toString(actual));
        }
    }
}
