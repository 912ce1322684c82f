package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-12;
    private static final double NaN = Double.NaN;

    // Pairs used: (2,1), (0,1), (4,6); the last actual is missing and is skipped.
    private final double[] y = {2, 0, 4, NaN};
    private final double[] f = {1, 1, 6, 5};

    @Test
    void scaleDependentErrors() {
        assertEquals(4.0 / 3, Metrics.mae(y, f), EPS);
        assertEquals(2.0, Metrics.mse(y, f), EPS);
        assertEquals(Math.sqrt(2), Metrics.rmse(y, f), EPS);
        assertEquals(3, Metrics.count(y));
    }

    @Test
    void mapeSkipsZeroActuals() {
        // (100*1/2 + 100*2/4) / 2; the zero actual is skipped
        assertEquals(50.0, Metrics.mape(y, f), EPS);
        assertTrue(Double.isNaN(Metrics.mape(new double[] {0, 0}, new double[] {1, 2})));
    }

    @Test
    void smapeIsTheM3Definition() {
        // 200*1/3, 200*1/1, 200*2/10
        assertEquals((200.0 / 3 + 200 + 40) / 3, Metrics.smape(y, f), EPS);
        // y = f = 0 counts 0, not NaN
        assertEquals(100.0, Metrics.smape(new double[] {0, 0}, new double[] {0, 2}), EPS);
        assertEquals(0.0, Metrics.smape(new double[] {0}, new double[] {0}), EPS);
    }

    @Test
    void scaledErrorsDivideByTheScale() {
        assertEquals(2.0 / 3, Metrics.mase(y, f, 2), EPS);
        assertEquals(Math.sqrt(2) / 2, Metrics.rmsse(y, f, 2), EPS);
        assertTrue(Double.isNaN(Metrics.mase(y, f, 0)), "zero scale (constant training series)");
        assertTrue(Double.isNaN(Metrics.rmsse(y, f, NaN)), "undefined scale (too short training series)");
    }

    @Test
    void totalsAndBias() {
        assertEquals(4.0 / 6, Metrics.wape(y, f), EPS);
        assertEquals(2.0 / 3, Metrics.bias(y, f), EPS);
        assertEquals(2.0 / 6, Metrics.relativeBias(y, f), EPS);
        assertTrue(Double.isNaN(Metrics.wape(new double[] {0, 0}, new double[] {1, 1})));
        assertTrue(Double.isNaN(Metrics.relativeBias(new double[] {1, -1}, new double[] {1, 1})));
    }

    @Test
    void rSquared() {
        // mean(y) = 2, SS_tot = 0 + 4 + 4 = 8, SS_res = 1 + 1 + 4 = 6
        assertEquals(0.25, Metrics.r2(y, f), EPS);
        assertEquals(1.0, Metrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 3}), EPS);
        assertTrue(Double.isNaN(Metrics.r2(new double[] {3, 3}, new double[] {1, 2})), "constant actuals");
    }

    @Test
    void noActualGivesNaN() {
        double[] none = {NaN, NaN};
        double[] g = {1, 2};
        assertTrue(Double.isNaN(Metrics.mae(none, g)));
        assertTrue(Double.isNaN(Metrics.smape(none, g)));
        assertTrue(Double.isNaN(Metrics.r2(none, g)));
        assertEquals(0, Metrics.count(none));
    }

    @Test
    void rejectsMismatchedOrNonFiniteInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(new double[] {1, 2}, new double[] {1}));
        assertEquals("actual has 2 values, forecast 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mse(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        // a non-finite forecast where the actual is missing is never used
        assertEquals(0.0, Metrics.mae(new double[] {1, NaN}, new double[] {1, NaN}), EPS);
    }
}
