package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.PrepareConfig.NegativePolicy;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import org.junit.jupiter.api.Test;

class NegativeValuesTest {
    private final Panel panel = TestPanels.oneSeries(new int[] {0, 1, 3}, new double[] {2, -1, -3});

    @Test
    void keepLeavesThePanelButCounts() {
        NegativeValues.Result r = NegativeValues.apply(panel, NegativePolicy.keep);
        assertSame(panel, r.panel());
        assertArrayEquals(new int[] {2}, r.negatives());
    }

    @Test
    void zeroAndMissingReplaceNegatives() {
        assertArrayEquals(new double[] {2, 0, 0}, NegativeValues.apply(panel, NegativePolicy.zero).panel().targetColumn());
        assertArrayEquals(new double[] {2, Double.NaN, Double.NaN},
                NegativeValues.apply(panel, NegativePolicy.missing).panel().targetColumn());
        assertArrayEquals(new double[] {2, -1, -3}, panel.targetColumn(), "input unchanged");
    }

    @Test
    void errorNamesSeriesAndDate() {
        DataException e = assertThrows(DataException.class, () -> NegativeValues.apply(panel, NegativePolicy.error));
        assertEquals("series 'a' has a negative target -1.0 on 2024-01-02; set prepare.negatives to keep, zero or missing"
                + " to accept negative values", e.getMessage());
    }
}
