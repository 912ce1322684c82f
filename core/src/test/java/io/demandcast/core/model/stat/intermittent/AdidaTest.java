package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.simple.Ses;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import org.junit.jupiter.api.Test;

class AdidaTest {
    private static final double[] Y = {1, 0, 0, 3, 0, 0, 2, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 2, 0, 0, 5};

    @Test
    void aggregatesToTheMeanIntervalAndDisaggregates() {
        // demands at 0,3,6,10,13,17,20 -> intervals 1,3,3,4,3,4,3 -> mean 3 -> k = 3, n = 21: no remainder
        assertEquals(3, Adida.aggregationLevel(Demand.occurrences(Y)));
        double[] sums = {1, 3, 2, 4, 1, 2, 5};
        double alpha = Ses.optimizeSimple(sums, 0.1, 0.3);
        double expected = Ses.simpleLevel(sums, alpha) / 3;
        assertEquals(expected, Adida.adida().fit(Y).forecast(1, new double[0]).point()[0], 1e-12);
    }

    @Test
    void imapaAveragesEveryLevelUpToTheMeanInterval() {
        double sum = 0;
        for (int k = 1; k <= 3; k++) {
            sum += Adida.aggregate(Y, k, new double[Y.length]);
        }
        assertEquals(sum / 3, Adida.imapa().fit(Y).forecast(1, new double[0]).point()[0], 1e-12);
        // level 2 drops the first value (21 mod 2 = 1)
        double[] pairs = {0, 3, 2, 0, 4, 0, 1, 0, 2, 5};
        double alpha = Ses.optimizeSimple(pairs, 0.1, 0.3);
        assertEquals(Ses.simpleLevel(pairs, alpha) / 2, Adida.aggregate(Y, 2, new double[Y.length]), 1e-12);
    }

    /**
     * An update keeps the aggregation level, its alpha and the error quantiles, and re-aggregates
     * the longer series into blocks aligned on its new end.
     */
    @Test
    void updateKeepsLevelAndAlphaAndReaggregatesTheLongerSeries() {
        SeriesFit fit = Adida.adida().fit(Y);
        double alpha = fit.state().path("fitted").path("alphas").get(0).asDouble();
        double[] longer = java.util.Arrays.copyOf(Y, Y.length + 4);
        longer[Y.length + 2] = 3;
        SeriesFit updated = Adida.adida().update(fit, longer);
        // 25 values, k = 3: the first value is dropped, then 0+0+3, 0+0+2, 0+0+0, 4+0+0, 1+0+0, 0+2+0, 0+5+0, 0+3+0
        double[] sums = {3, 2, 0, 4, 1, 2, 5, 3};
        assertEquals(Ses.simpleLevel(sums, alpha) / 3, updated.forecast(1, new double[0]).point()[0], 1e-12);
        assertEquals(fit.state().path("fitted"), updated.state().path("fitted"));
        assertEquals(fit.state().path("error_quantiles"), updated.state().path("error_quantiles"));
    }

    @Test
    void edgeCasesAndRoundTrip() {
        SimpleTestSupport.assertFiniteOnEdgeCases(Adida.adida());
        SimpleTestSupport.assertFiniteOnEdgeCases(Adida.imapa());
        SimpleTestSupport.assertRoundTrip(Adida.adida(), Y);
        SimpleTestSupport.assertRoundTrip(Adida.imapa(), Y);
    }
}
