package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantileLeadTimesTest {
    private static final double Z90 = 1.2815516;

    /** Series A: points 10, 12, -1; q0.1/q0.9 = point -/+ 1.2816 sigma_k with sigma_k = 3, 4, 2. */
    private static Forecast forecast() {
        double[] point = {10, 12, -1};
        double[] sigma = {3, 4, 2};
        double[] lo = new double[3];
        double[] mid = new double[3];
        double[] hi = new double[3];
        for (int k = 0; k < 3; k++) {
            lo[k] = point[k] - Z90 * sigma[k];
            mid[k] = point[k];
            hi[k] = point[k] + Z90 * sigma[k];
        }
        return new Forecast("m", new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1)), new String[] {"A"}, new int[] {10}, 3,
                point, new double[] {0.1, 0.5, 0.9}, new double[][] {lo, mid, hi});
    }

    @Test
    void sumsPointsAndPerStepVariances() {
        QuantileLeadTimes source = new QuantileLeadTimes(forecast(), false);
        NormalLeadTimeDemand two = source.demand("A", 2);
        assertEquals(22, two.mean(), 1e-9);
        assertEquals(5, two.standardDeviation(), 1e-6, "sqrt(3^2 + 4^2)");
        assertEquals(21, source.demand("A", 3).mean(), 1e-9);
        assertEquals(3, source.sigma1("A"), 1e-6);
        assertEquals(11, source.meanPerPeriod("A", 2), 1e-9);
        assertEquals("normal_from_quantiles", source.method());
    }

    @Test
    void clipsNegativePointsWhenTheModelDoes() {
        assertEquals(22, new QuantileLeadTimes(forecast(), true).demand("A", 3).mean(), 1e-9);
    }

    @Test
    void refusesWhatTheForecastDoesNotCover() {
        QuantileLeadTimes source = new QuantileLeadTimes(forecast(), false);
        assertThrows(IllegalArgumentException.class, () -> source.demand("B", 1));
        assertThrows(IllegalArgumentException.class, () -> source.demand("A", 4));
    }

    @Test
    void aRowOfThePlan() throws Exception {
        QuantileLeadTimes source = new QuantileLeadTimes(forecast(), false);
        InventoryRow row = new InventoryRow("A", 5, 2, 0, 2, 1, 4, Double.NaN, 1, 0, null, 2)
                .withDefaults(ServiceTarget.cycleService(0.95), 0.25);
        NormalBaseline baseline = NormalBaseline.of(source.meanPerPeriod("A", 3), source.sigma1("A"), 2, 1, row.target());
        SeriesPlan plan = SeriesPlan.of(row, source.method(), source.demand("A", 2), source.demand("A", 3), baseline);
        // D_{L+R} ~ N(21, sqrt(29)): S = 21 + 1.6449 * 5.3852 = 29.858; SS = 8.858; position 7 -> order 23
        assertEquals(29.8580, plan.orderUpTo(), 1e-3);
        assertEquals(8.8580, plan.safetyStock(), 1e-3);
        assertEquals(23, plan.orderQuantity());
        assertEquals(4 * 8.8580, plan.safetyStockValue(), 4e-3);
        assertEquals(0.25 * 4 * 8.8580, plan.safetyStockHoldingCost(), 1e-3);
        // D_L ~ N(22, 5): s = 22 + 1.6449 * 5 = 30.224
        assertEquals(30.2243, plan.reorderPoint(), 1e-3);
        // baseline: mu = 7 a period, sigma_1 = 3: S = 21 + 1.6449 * 3 * sqrt(3) = 29.547
        assertEquals(29.5470, plan.baseline().orderUpTo(), 1e-3);

        StringWriter csv = new StringWriter();
        PlanCsvWriter.write(List.of(plan), csv);
        String[] lines = csv.toString().split("\n");
        assertEquals(String.join(",", PlanCsvWriter.COLUMNS), lines[0]);
        assertEquals("A,2,1,cycle_service,0.95,normal_from_quantiles,22,5,21,8.8578,30.2243,29.8578,7,23,35.4312,8.8578,8.5469,20.9785,29.5469",
                lines[1]);
    }
}
