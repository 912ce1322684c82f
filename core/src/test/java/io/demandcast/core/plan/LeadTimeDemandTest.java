package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LeadTimeDemandTest {

    @Test
    void empiricalQuantilesAreOrderStatistics() {
        EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(new double[] {5, 1, 3, 2, 4, 6, 8, 7, 10, 9});
        assertEquals(5.5, d.mean(), 1e-12);
        assertEquals(Math.sqrt(82.5 / 9), d.standardDeviation(), 1e-12);
        assertEquals(10, d.quantile(0.95));
        assertEquals(9, d.quantile(0.9));
        assertEquals(1, d.quantile(0.05));
        assertEquals(5, d.quantile(0.5));
        assertEquals(0.3, d.cdf(3.5), 1e-12);
        assertEquals(1.0, d.cdf(10), 1e-12);
        assertEquals(0.0, d.cdf(0.5), 1e-12);
    }

    @Test
    void empiricalExpectedShortageIsTheMeanExcess() {
        EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(new double[] {0, 0, 2, 4, 10});
        assertEquals((0 + 0 + 0 + 1 + 7) / 5.0, d.expectedShortage(3), 1e-12);
        assertEquals(16 / 5.0, d.expectedShortage(0), 1e-12);
        assertEquals(0, d.expectedShortage(10), 1e-12);
        assertEquals(d.mean() + 1, d.expectedShortage(-1), 1e-12);
    }

    @Test
    void normalMatchesTextbookValues() {
        NormalLeadTimeDemand d = new NormalLeadTimeDemand(100, 20);
        assertEquals(1.6448536, NormalLeadTimeDemand.z(0.95), 1e-6);
        assertEquals(100 + 20 * 2.3263479, d.quantile(0.99), 1e-5);
        assertEquals(0.95, d.cdf(d.quantile(0.95)), 1e-9);
        // G(0) = phi(0) = 0.398942; G(1.645) = 0.020906 (standard unit normal loss table)
        assertEquals(0.3989423, NormalLeadTimeDemand.loss(0), 1e-6);
        assertEquals(0.0209, NormalLeadTimeDemand.loss(1.645), 1e-4);
        assertEquals(20 * 0.3989423, d.expectedShortage(100), 1e-5);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalLeadTimeDemand(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalLeadTimeDemand(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new NormalLeadTimeDemand(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalLeadTimeDemand(new double[] {1}).quantile(1));
    }
}
