package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlanJob#plans}: any {@link LeadTimeSource} plugs in; rows keep their own targets and terms. */
class PlanJobTest {

    /** Ten equally likely paths: demand over L is 0..9, over L + R the same plus 2. */
    private static final LeadTimeSource DRAWS = new LeadTimeSource() {
        @Override
        public String method() {
            return "test-draws";
        }

        @Override
        public LeadTimeDemand demand(String seriesId, int periods) {
            double[] d = new double[10];
            for (int i = 0; i < 10; i++) {
                d[i] = i + (periods == 3 ? 2 : 0);
            }
            return new EmpiricalLeadTimeDemand(d);
        }
    };

    /** A flat forecast of 1 a period with sigma 1 per step, for the baseline. */
    private static QuantileLeadTimes baseline() {
        int h = 3;
        double[] point = {1, 1, 1, 1, 1, 1};
        double[] lo = new double[6];
        double[] hi = new double[6];
        java.util.Arrays.fill(lo, 1 - 1.2815515655446004);
        java.util.Arrays.fill(hi, 1 + 1.2815515655446004);
        Forecast f = new Forecast("m", new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1)), new String[] {"A", "B"}, new int[] {0, 0}, h,
                point, new double[] {0.1, 0.9}, new double[][] {lo, hi});
        return new QuantileLeadTimes(f, true);
    }

    @Test
    void empiricalDrawsSetTheLevelsAndTheOrder() {
        Inventory stock = new Inventory("inv.csv", 0, List.of(
                new InventoryRow("A", 4, 1, 0, 2, 1, 3, Double.NaN, 4, 0, null, 2),
                new InventoryRow("B", 4, 1, 2, 2, 1, Double.NaN, Double.NaN, 1, 7, ServiceTarget.fillRate(0.9), 3)));
        List<SeriesPlan> plans = PlanJob.plans(stock, ServiceTarget.cycleService(0.9), 0.2, DRAWS, baseline());

        SeriesPlan a = plans.get(0);
        assertEquals("test-draws", a.method());
        assertEquals(8, a.reorderPoint(), "0.9-quantile of 0..9");
        assertEquals(10, a.orderUpTo(), "0.9-quantile of 2..11");
        assertEquals(3.5, a.safetyStock(), "10 - mean 6.5");
        assertEquals(5, a.inventoryPosition());
        assertEquals(8, a.orderQuantity(), "10 - 5 = 5 units, in packs of 4");
        assertEquals(10.5, a.safetyStockValue(), 1e-12);
        assertEquals(2.1, a.safetyStockHoldingCost(), 1e-12);
        // baseline: mu = 1, sigma_1 = 1, L = 2, R = 1: S = 3 + 1.2816 sqrt(3)
        assertEquals(3 + 1.2815515655446004 * Math.sqrt(3), a.baseline().orderUpTo(), 1e-9);

        SeriesPlan b = plans.get(1);
        assertEquals(ServiceTarget.fillRate(0.9), b.target());
        assertEquals(9.5, b.orderUpTo(), 1e-6, "(21 - 2S)/10 <= 0.2");
        assertEquals(3, b.inventoryPosition(), "4 + 1 - 2 owed");
        assertEquals(7, b.orderQuantity(), "6.5 -> 7 units, the minimum is 7");
    }
}
