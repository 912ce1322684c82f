package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.demandcast.core.config.PrepareConfig.OutlierAction;
import io.demandcast.core.config.PrepareConfig.OutlierConfig;
import io.demandcast.core.config.PrepareConfig.OutlierMethod;
import io.demandcast.core.data.Panel;
import org.junit.jupiter.api.Test;

class OutlierTreatmentTest {
    private final Panel panel = TestPanels.oneSeries(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
            new double[] {1, 1, 2, 1, 50, 1, 2, 1, 1});
    private static final double UPPER = 2 + 3 * 1.4826;

    @Test
    void flagAddsAColumnAndKeepsTheTarget() {
        OutlierTreatment.Result r = OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.hampel, 2, 3.0, OutlierAction.flag));
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, r.panel().numericColumn("outlier"));
        assertArrayEquals(panel.targetColumn(), r.panel().targetColumn());
        assertArrayEquals(new int[] {1}, r.outliers());
    }

    @Test
    void clipMovesToTheBand() {
        OutlierTreatment.Result r = OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.hampel, 2, 3.0, OutlierAction.clip));
        assertArrayEquals(new double[] {1, 1, 2, 1, UPPER, 1, 2, 1, 1}, r.panel().targetColumn(), 1e-12);
    }

    @Test
    void replaceUsesTheRollingMedian() {
        OutlierTreatment.Result r = OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.hampel, 2, 3.0, OutlierAction.replace));
        assertArrayEquals(new double[] {1, 1, 2, 1, 2, 1, 2, 1, 1}, r.panel().targetColumn());
    }

    @Test
    void iqrReplaceUsesTheSeriesMedian() {
        Panel p = TestPanels.oneSeries(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, new double[] {5, 1, 2, 3, 4, 100, 6, 7, 8});
        OutlierTreatment.Result r = OutlierTreatment.apply(p, new OutlierConfig(OutlierMethod.iqr, null, null, OutlierAction.replace));
        assertArrayEquals(new double[] {5, 1, 2, 3, 4, 5, 6, 7, 8}, r.panel().targetColumn());
        assertArrayEquals(new int[] {1}, r.outliers());
    }

    @Test
    void noneReturnsThePanel() {
        OutlierTreatment.Result r = OutlierTreatment.apply(panel, new OutlierConfig(null, null, null, null));
        assertSame(panel, r.panel());
        assertArrayEquals(new int[] {0}, r.outliers());
    }

    @Test
    void clipAndReplaceKeepTheTargetBeforeTreatment() {
        for (OutlierAction action : new OutlierAction[] {OutlierAction.clip, OutlierAction.replace}) {
            OutlierTreatment.Result r = OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.hampel, 2, 3.0, action));
            assertArrayEquals(new double[] {1, 1, 2, 1, 50, 1, 2, 1, 1}, r.panel().numericColumn(OutlierTreatment.RAW_TARGET_COLUMN),
                    action + " keeps the spike in " + OutlierTreatment.RAW_TARGET_COLUMN);
        }
    }

    @Test
    void flagAndNoneAddNoRawTarget() {
        assertFalse(OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.hampel, 2, 3.0, OutlierAction.flag))
                .panel().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN));
        assertFalse(OutlierTreatment.apply(panel, new OutlierConfig(OutlierMethod.none, 2, 3.0, OutlierAction.clip))
                .panel().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN));
    }
}
