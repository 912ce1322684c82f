package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import org.junit.jupiter.api.Test;

class TsbTest {

    @Test
    void smoothsProbabilityEveryPeriodAndSizeAtDemands() {
        double[] y = {0, 4, 0, 0, 2};
        // p: 0 -> 0.5 (t1) -> 0.25 -> 0.125 -> 0.5625; d: 4 -> 3 (t4)
        double point = new Tsb(0.5, 0.5).fit(y).forecast(1, new double[0]).point()[0];
        assertEquals(0.5625 * 3, point, 1e-12);
    }

    @Test
    void statsforecastDefinition() {
        // statsforecast: SES (start at first value) on the demand sizes and on the 0/1 occurrences
        double[] y = {0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 1, 0, 0, 0, 4};
        double d = io.demandcast.core.model.stat.simple.Ses.simpleLevel(new double[] {3, 5, 2, 1, 4}, 0.1);
        double[] occ = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            occ[t] = y[t] > 0 ? 1 : 0;
        }
        double p = io.demandcast.core.model.stat.simple.Ses.simpleLevel(occ, 0.2);
        assertEquals(d * p, new Tsb(0.1, 0.2).fit(y).forecast(1, new double[0]).point()[0], 1e-12);
    }

    @Test
    void edgeCasesRoundTripAndValidation() {
        SimpleTestSupport.assertFiniteOnEdgeCases(new Tsb(0.1, 0.1));
        SimpleTestSupport.assertRoundTrip(new Tsb(0.1, 0.3), new double[] {0, 2, 0, 0, 5, 0, 1, 0, 0, 0, 3});
        assertEquals("alpha_p must be in (0, 1] (got 0.0)", assertThrows(IllegalArgumentException.class, () -> new Tsb(0.1, 0)).getMessage());
    }
}
