package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InventoryPolicyTest {
    /** mu = 10 a period, sigma_1 = 3, L = 4, R = 1: D_L ~ N(40, 6), D_{L+R} ~ N(50, 3 sqrt 5). */
    private static final NormalLeadTimeDemand LEAD = new NormalLeadTimeDemand(40, 6);
    private static final NormalLeadTimeDemand LEAD_AND_REVIEW = new NormalLeadTimeDemand(50, 3 * Math.sqrt(5));
    /** Ten equally likely lead-time demands 0..9; over L + R the same paths plus 2 units. */
    private static final EmpiricalLeadTimeDemand DRAWS = new EmpiricalLeadTimeDemand(new double[] {3, 0, 7, 1, 9, 5, 2, 8, 4, 6});
    private static final EmpiricalLeadTimeDemand DRAWS_PLUS_REVIEW = new EmpiricalLeadTimeDemand(new double[] {5, 2, 9, 3, 11, 7, 4, 10, 6, 8});

    @Test
    void cycleServiceLevelTakesTheQuantileOfTheProtectionInterval() {
        // z_0.95 = 1.6449: ROP = 40 + 1.6449 * 3 * sqrt(4) = 49.869; S = 50 + 1.6449 * 3 * sqrt(5) = 61.034
        assertEquals(49.8691, InventoryPolicy.reorderPoint(LEAD, ServiceTarget.cycleService(0.95), 10), 1e-4);
        assertEquals(61.0340, InventoryPolicy.orderUpTo(LEAD, LEAD_AND_REVIEW, ServiceTarget.cycleService(0.95)), 1e-4);
    }

    @Test
    void fillRateMeetsTheExactShortagePerCycleJustBelowTheTextbookLevel() {
        // The textbook (one-term) level for G(k) = 0.029307 (k = 1.5, from the tables: phi(1.5) = 0.129518,
        // 1 - Phi(1.5) = 0.066807) is S = 50 + 1.5 * 6.70820 = 60.0623, at beta = 1 - 6.70820 * 0.029307 / 10.
        double beta = 1 - 6.708204 * 0.0293068 / 10;
        double s = InventoryPolicy.orderUpTo(LEAD, LEAD_AND_REVIEW, ServiceTarget.fillRate(beta));
        // The exact form subtracts the shortage carried in, E[(D_L - S)+] = 6 G(3.34) ~ 0.001 unit: a slightly lower S.
        assertTrue(s < 60.0623 && s > 60.0623 - 0.02, "S = " + s);
        double shortage = LEAD_AND_REVIEW.expectedShortage(s) - LEAD.expectedShortage(s);
        assertEquals((1 - beta) * 10, shortage, 1e-7);
    }

    @Test
    void empiricalCycleServiceLevelIsAnOrderStatistic() {
        // P(D_L <= 8) = 0.9: the 0.9-quantile of 0..9 is 8; of 2..11 it is 10.
        assertEquals(8, InventoryPolicy.reorderPoint(DRAWS, ServiceTarget.cycleService(0.9), 2));
        assertEquals(10, InventoryPolicy.orderUpTo(DRAWS, DRAWS_PLUS_REVIEW, ServiceTarget.cycleService(0.9)));
    }

    @Test
    void empiricalFillRateSolvesThePiecewiseLinearShortage() {
        // Demand per review period is 2. For 8 <= S <= 10 the shortage per cycle is
        // E[(D_{L+R} - S)+] - E[(D_L - S)+] = (21 - 2S) / 10: beta 0.95 allows 0.1 -> S = 10; beta 0.9 allows 0.2 -> S = 9.5.
        assertEquals(10, InventoryPolicy.orderUpTo(DRAWS, DRAWS_PLUS_REVIEW, ServiceTarget.fillRate(0.95)), 1e-6);
        assertEquals(9.5, InventoryPolicy.orderUpTo(DRAWS, DRAWS_PLUS_REVIEW, ServiceTarget.fillRate(0.9)), 1e-6);
        // (s, Q = 2): E[(D_L - s)+] - E[(D_L - s - 2)+] = (9 - s) / 10 for 8 <= s <= 9: 0.1 allowed -> s = 8.
        assertEquals(8, InventoryPolicy.reorderPoint(DRAWS, ServiceTarget.fillRate(0.95), 2), 1e-6);
    }

    @Test
    void noDemandPerCycleLeavesNoSafetyStockUnderAFillRate() {
        NormalLeadTimeDemand none = new NormalLeadTimeDemand(0, 0);
        assertEquals(0, InventoryPolicy.orderUpTo(none, none, ServiceTarget.fillRate(0.98)));
    }

    @Test
    void cycleLevelCoversTheWholeIntervalsDemand() {
        EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(9, InventoryPolicy.cycleLevel(d, ServiceTarget.cycleService(0.95)));
        // beta 0.9: allowed shortage 0.1 * 4.5 = 0.45; E[(D - 6.5)+] = (0.5 + 1.5 + 2.5) / 10 = 0.45
        assertEquals(6.5, InventoryPolicy.cycleLevel(d, ServiceTarget.fillRate(0.9)), 1e-6);
    }
}
