package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapFillerTest {
    private static final double N = Double.NaN;
    private static final int M = Categorical.MISSING;

    /** s0: periods 0,1,4 (2 and 3 absent), target NaN at 1; s1: periods 2,3 complete. */
    private final Panel raw = TestPanels.withCovariates(new int[] {0, 3, 5}, new int[] {0, 1, 4, 2, 3},
            new double[] {1, N, 5, 7, 8}, new double[] {2.0, N, 3.0, 9.0, 9.5}, new int[] {0, M, 1, M, 0},
            List.of("Sporting", "Cultural"));

    @Test
    void insertsAbsentPeriodsAndFillsByTheTargetRule() {
        GapFiller.Result r = GapFiller.fill(raw, new GapConfig(Fill.zero, Fill.ffill));
        Panel p = r.panel();
        assertTrue(p.isRegular());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 2, 3}, p.periodColumn());
        assertArrayEquals(new double[] {1, 0, 0, 0, 5, 7, 8}, p.targetColumn());
        assertArrayEquals(new int[] {2, 0}, r.filledPeriods());
        assertArrayEquals(new int[] {1, 0}, r.imputedCells());
    }

    @Test
    void aRegularPanelKeepsItsColumnsAndOnlyEmptyCellsAreFilled() {
        // s0 periods 0..2, s1 periods 1..2: no absent period
        Panel regular = TestPanels.withCovariates(new int[] {0, 3, 5}, new int[] {0, 1, 2, 1, 2},
                new double[] {1, N, 5, 7, 8}, new double[] {2.0, N, 3.0, 9.0, 9.5}, new int[] {0, M, 1, M, 0},
                List.of("Sporting", "Cultural"));
        GapFiller.Result r = GapFiller.fill(regular, new GapConfig(Fill.zero, Fill.ffill));
        assertArrayEquals(new double[] {1, 0, 5, 7, 8}, r.panel().targetColumn());
        assertArrayEquals(new double[] {2, 2, 3, 9, 9.5}, r.panel().numericColumn("price"));
        assertArrayEquals(new int[] {0, M, 1, M, 0}, r.panel().categorical("event_type_1").codes());
        assertTrue(r.panel().categorical("event_type_1") == regular.categorical("event_type_1"), "shared, not copied");
        assertArrayEquals(new int[] {0, 0}, r.filledPeriods());
        assertArrayEquals(new int[] {1, 0}, r.imputedCells());
        assertArrayEquals(new int[] {1, 0}, r.imputedCovariates());

        Panel complete = TestPanels.withCovariates(new int[] {0, 2}, new int[] {0, 1}, new double[] {1, 2},
                new double[] {2.0, 3.0}, new int[] {0, M}, List.of("Sporting"));
        assertTrue(GapFiller.fill(complete, new GapConfig(Fill.zero, Fill.ffill)).panel() == complete,
                "nothing to fill: the panel itself, not a copy of its columns");
    }

    @Test
    void covariatesForwardFilledAndCategoricalsMissingOnInsertedRows() {
        GapFiller.Result r = GapFiller.fill(raw, new GapConfig(Fill.zero, Fill.ffill));
        Panel p = r.panel();
        assertArrayEquals(new double[] {2, 2, 2, 2, 3, 9, 9.5}, p.numericColumn("price"));
        assertArrayEquals(new int[] {0, M, M, M, 1, M, 0}, p.categorical("event_type_1").codes());
        assertArrayEquals(new int[] {3, 0}, r.imputedCovariates());
        assertEquals("store1", p.staticValue("store", 1));
    }

    @Test
    void linearTargetInterpolatesAcrossInsertedPeriods() {
        GapFiller.Result r = GapFiller.fill(raw, new GapConfig(Fill.linear, Fill.missing));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 7, 8}, r.panel().targetColumn());
        assertArrayEquals(new int[] {1, 0}, r.imputedCells());
        assertArrayEquals(new double[] {2, N, N, N, 3, 9, 9.5}, r.panel().numericColumn("price"));
        assertArrayEquals(new int[] {0, 0}, r.imputedCovariates());
    }

    @Test
    void repeatedPeriodIsADataError() {
        Panel dup = TestPanels.oneSeries(new int[] {0, 2, 2}, new double[] {1, 2, 3});
        DataException e = assertThrows(DataException.class, () -> GapFiller.fill(dup, new GapConfig(null, null)));
        assertEquals("series 'a' has 2024-01-03 twice; each series needs one row per date, sorted by date", e.getMessage());
    }

    @Test
    void emptySeriesStaysEmpty() {
        Panel p = new Panel(TestPanels.DAILY, new String[] {"empty", "b"}, new int[] {0, 0, 2}, new int[] {3, 5},
                new double[] {1, 2}, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        GapFiller.Result r = GapFiller.fill(p, new GapConfig(null, null));
        assertEquals(0, r.panel().length(0));
        assertArrayEquals(new double[] {1, 0, 2}, r.panel().targetColumn());
    }

    @Test
    void missingRuleStillInsertsPeriods() {
        GapFiller.Result r = GapFiller.fill(raw, new GapConfig(Fill.missing, Fill.ffill));
        assertArrayEquals(new double[] {1, N, N, N, 5, 7, 8}, r.panel().targetColumn());
        assertArrayEquals(new int[] {2, 0}, r.filledPeriods());
        assertArrayEquals(new int[] {0, 0}, r.imputedCells());
        assertNull(r.panel().categorical("event_type_1").level(2));
    }
}
