package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.model.stat.ets.EtsModel.Component;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A damped model and its undamped twin fitted side by side ({@link EtsEstimator#fitPair}) give the
 * same two fits, to the last bit, as fitting each alone: the selected model and the forecasts must
 * not change. Covers every form with a paired loop, a series length that leaves a season unfinished,
 * and a series too short for the damped model's extra parameter.
 */
class EtsPairedFitTest {
    private static void assertSameFit(EtsFit alone, EtsFit paired) {
        if (alone == null) {
            assertNull(paired);
            return;
        }
        assertEquals(alone.model(), paired.model());
        assertEquals(Double.doubleToLongBits(alone.stats().lik()), Double.doubleToLongBits(paired.stats().lik()),
                () -> alone.model().code() + ": lik " + alone.stats().lik() + " alone, " + paired.stats().lik() + " paired");
        assertArrayEquals(new double[] {alone.alpha(), alone.beta(), alone.gamma(), alone.phi(), alone.sigma2()},
                new double[] {paired.alpha(), paired.beta(), paired.gamma(), paired.phi(), paired.sigma2()}, 0.0);
        assertArrayEquals(alone.initialState(), paired.initialState(), 0.0);
        assertArrayEquals(alone.finalState(), paired.finalState(), 0.0);
    }

    @Test
    void pairedSearchesFindExactlyWhatSingleSearchesFind() throws Exception {
        double[] air = EtsMethodTest.airPassengers();
        int pairs = 0;
        for (Component error : List.of(Component.A, Component.M)) {
            for (Component season : Component.values()) {
                EtsModel damped = new EtsModel(error, Component.A, true, season);
                EtsModel undamped = new EtsModel(error, Component.A, false, season);
                if (!EtsEstimator.pairable(damped, undamped)) {
                    continue; // A,A,M is excluded as in R
                }
                for (int length : new int[] {air.length, 101}) {
                    double[] y = Arrays.copyOf(air, length);
                    EtsFit[] paired = EtsEstimator.fitPair(y, damped, undamped, 12);
                    assertSameFit(EtsEstimator.fit(y, damped, 12), paired[0]);
                    assertSameFit(EtsEstimator.fit(y, undamped, 12), paired[1]);
                    pairs++;
                }
            }
        }
        assertEquals(10, pairs);
    }

    @Test
    void shortNoisySeriesWithLevelShiftsGiveTheSameFitsPairedAsAlone() {
        // Dominick's-like series: the searches often step outside the region (answered +Inf with no
        // pass over the data, so the pair waits for both to be inside) and end many steps apart
        java.util.Random random = new java.util.Random(16);
        int pairs = 0;
        for (int k = 0; k < 40; k++) {
            int n = 8 + random.nextInt(140);
            double[] y = new double[n];
            double level = 500 + random.nextInt(20000);
            for (int t = 0; t < n; t++) {
                if (random.nextInt(12) == 0) {
                    level *= 0.5 + random.nextDouble();
                }
                y[t] = Math.max(1, level * (1 + 0.4 * random.nextGaussian()));
            }
            for (String error : List.of("A", "M")) {
                EtsModel damped = EtsModel.parse(error + "AdN");
                EtsModel undamped = EtsModel.parse(error + "AN");
                EtsFit[] paired = EtsEstimator.fitPair(y, damped, undamped, 1);
                assertSameFit(EtsEstimator.fit(y, damped, 1), paired[0]);
                assertSameFit(EtsEstimator.fit(y, undamped, 1), paired[1]);
                pairs++;
            }
        }
        assertEquals(80, pairs);
    }

    @Test
    void aSeriesTooShortForTheDampedModelStillFitsTheUndampedOne() throws Exception {
        // AAdN has 5 parameters, AAN 4: six values allow only the undamped model (parameters < n - 1)
        double[] y = Arrays.copyOf(EtsMethodTest.airPassengers(), 6);
        EtsModel damped = EtsModel.parse("AAdN");
        EtsModel undamped = EtsModel.parse("AAN");
        EtsFit[] paired = EtsEstimator.fitPair(y, damped, undamped, 1);
        assertNull(paired[0]);
        assertSameFit(EtsEstimator.fit(y, undamped, 1), paired[1]);
    }

    @Test
    void onlyADampedModelFollowedByItsUndampedTwinOfAPairedFormIsPaired() {
        assertTrue(EtsEstimator.pairable(EtsModel.parse("MAdM"), EtsModel.parse("MAM")));
        assertFalse(EtsEstimator.pairable(EtsModel.parse("AAN"), EtsModel.parse("AAdN")));
        assertFalse(EtsEstimator.pairable(EtsModel.parse("AAdN"), EtsModel.parse("MAN")));
        assertFalse(EtsEstimator.pairable(EtsModel.parse("MMdN"), EtsModel.parse("MMN")));
    }
}
