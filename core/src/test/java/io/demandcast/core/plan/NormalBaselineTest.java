package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalBaselineTest {

    @Test
    void cycleServiceLevelIsTheTextbookFormula() {
        // mu = 10, sigma_1 = 3, L = 4, R = 1, alpha = 0.95 (z = 1.6449):
        // ROP = 10 * 4 + 1.6449 * 3 * sqrt(4) = 40 + 9.87 = 49.87; SS = 1.6449 * 3 * sqrt(5) = 11.03; S = 61.03
        NormalBaseline b = NormalBaseline.of(10, 3, 4, 1, ServiceTarget.cycleService(0.95));
        assertEquals(49.87, b.reorderPoint(), 0.005);
        assertEquals(11.03, b.safetyStock(), 0.005);
        assertEquals(61.03, b.orderUpTo(), 0.005);
    }

    @Test
    void fillRateSolvesTheNormalLossFunction() {
        // sigma_{L+R} G(k) = (1 - beta) mu R with G(1.5) = 0.029307 (tables) and sigma_{L+R} = 3 sqrt(5) = 6.7082:
        // beta = 1 - 6.7082 * 0.029307 / 10 = 0.980340 gives k = 1.5, S = 50 + 1.5 * 6.7082 = 60.062.
        NormalBaseline b = NormalBaseline.of(10, 3, 4, 1, ServiceTarget.fillRate(1 - 6.708204 * 0.0293068 / 10));
        assertEquals(60.0623, b.orderUpTo(), 1e-3);
        assertEquals(10.0623, b.safetyStock(), 1e-3);
        // (s, Q = 10): sigma_L G(k) = 6 G(k) = 0.19660 -> G(k) = 0.032766 -> k = 1.4506 (G(1.45) = 0.03281)
        assertEquals(40 + 6 * 1.4506, b.reorderPoint(), 1e-3);
    }

    @Test
    void lossFunctionMatchesTheTables() {
        assertEquals(0.3989, NormalLeadTimeDemand.loss(0), 1e-4);
        assertEquals(0.0293, NormalLeadTimeDemand.loss(1.5), 1e-4);
        assertEquals(1.5, NormalBaseline.kForLoss(6.708204 * 0.0293068, 6.708204), 1e-4);
    }

    @Test
    void noUncertaintyMeansNoSafetyStock() {
        NormalBaseline b = NormalBaseline.of(5, 0, 2, 7, ServiceTarget.fillRate(0.99));
        assertEquals(0, b.safetyStock());
        assertEquals(10, b.reorderPoint());
        assertEquals(45, b.orderUpTo());
        assertThrows(IllegalArgumentException.class, () -> NormalBaseline.of(5, -1, 2, 7, ServiceTarget.cycleService(0.9)));
    }
}
