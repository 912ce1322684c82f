package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.model.stat.ets.EtsModel.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-form loops of {@link EtsLikelihood} give {@link EtsRecursion#run}'s criterion to the
 * last bit (the likelihood search, and so the fitted model, must not change), for every form,
 * damped or not, at random parameters and states, including R's guards against division by zero.
 */
class EtsLikelihoodTest {
    private static List<EtsModel> allForms() {
        List<EtsModel> out = new ArrayList<>();
        for (Component e : List.of(Component.A, Component.M)) {
            for (Component t : Component.values()) {
                for (Component s : Component.values()) {
                    for (boolean damped : List.of(false, true)) {
                        if (damped && t == Component.N) {
                            continue;
                        }
                        out.add(new EtsModel(e, t, damped, s));
                    }
                }
            }
        }
        return out;
    }

    private static void assertSameBits(EtsModel model, int m, double[] y, double alpha, double beta, double gamma, double phi,
                                       double level, double trend, double[] seasons) {
        double expected = EtsRecursion.run(y, model, m, alpha, beta, gamma, phi, level, trend, seasons.clone(), new double[m], null, null);
        double actual = EtsLikelihood.of(EtsLikelihood.formOf(model), y, model, m, alpha, beta, gamma, phi, level, trend,
                seasons.clone(), new double[m]);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> model.code() + " m=" + m + ": run " + expected + ", per-form loop " + actual);
    }

    @Test
    void everyFormGivesTheGeneralRecursionsValueBitForBit() throws Exception {
        Random random = new Random(16);
        double[] air = EtsMethodTest.airPassengers();
        int checked = 0;
        for (EtsModel model : allForms()) {
            for (int m : new int[] {1, 4, 12}) {
                if (model.hasSeason() && m == 1) {
                    continue;
                }
                for (int round = 0; round < 40; round++) {
                    // a length that is not a multiple of m, so a season is left unfinished
                    double[] y = java.util.Arrays.copyOf(air, 100 + round % 7);
                    double alpha = 0.01 + 0.98 * random.nextDouble();
                    double beta = model.hasTrend() ? alpha * random.nextDouble() : 0;
                    double gamma = model.hasSeason() ? (1 - alpha) * random.nextDouble() : 0;
                    double phi = model.damped() ? 0.8 + 0.18 * random.nextDouble() : 1;
                    double level = 100 + 50 * random.nextGaussian();
                    double trend = model.trend() == Component.M ? 1 + 0.01 * random.nextGaussian() : random.nextGaussian();
                    double[] seasons = new double[m];
                    for (int j = 0; j < m; j++) {
                        seasons[j] = model.season() == Component.M ? 1 + 0.2 * random.nextGaussian() : 20 * random.nextGaussian();
                    }
                    assertSameBits(model, m, y, alpha, beta, gamma, phi, level, trend, seasons);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void guardsAgainstZeroDivisorsAndNonFiniteValuesAgree() {
        double[] y = {1, 2, 0, 3, 4, 0, 2, 5, 1, 0, 3, 2, 4};
        for (EtsModel model : allForms()) {
            int m = model.hasSeason() ? 3 : 1;
            // a seasonal state of zero and a level of zero trigger R's HUGE; an infinite level gives +Inf
            assertSameBits(model, m, y, 0.5, model.hasTrend() ? 0.1 : 0, model.hasSeason() ? 0.2 : 0,
                    model.damped() ? 0.9 : 1, 0, model.trend() == Component.M ? 1 : 0, new double[] {0, 1e-12, 2}.clone());
            assertSameBits(model, m, y, 0.3, model.hasTrend() ? 0.2 : 0, model.hasSeason() ? 0.3 : 0,
                    model.damped() ? 0.85 : 1, Double.POSITIVE_INFINITY, 0, new double[] {1, 1, 1});
            assertSameBits(model, m, new double[] {5, 5, 5, 5, 5, 5}, 0.5, model.hasTrend() ? 0.1 : 0, model.hasSeason() ? 0.1 : 0,
                    model.damped() ? 0.9 : 1, 5, model.trend() == Component.M ? 1 : 0, new double[] {0, 0, 0});
        }
    }
}
