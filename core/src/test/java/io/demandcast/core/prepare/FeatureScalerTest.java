package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureScalerTest {
    private static final double N = Double.NaN;
    private final Panel panel = new PanelBuilder(TestPanels.DAILY).add("a", 0, 5, 6, 7, 8, 9)
            .covariate("x", 0, 10, N, 20, 100).covariate("c", 3, 3, 3, 3, 3).build();

    @Test
    void minmaxFitsOnTrainRowsOnly() {
        List<ScalerParams> fitted = FeatureScaler.fit(panel, List.of("x"), ScalingMethod.minmax, 3);
        assertEquals(List.of(new ScalerParams("x", ScalingMethod.minmax, 0, 20)), fitted);
        Panel scaled = FeatureScaler.apply(panel, fitted);
        assertArrayEquals(new double[] {0, 0.5, N, 1, 5}, scaled.numericColumn("x"));
        assertArrayEquals(new double[] {5, 6, 7, 8, 9}, scaled.targetColumn(), "target untouched");
    }

    @Test
    void standardUsesTrainMeanAndPopulationStd() {
        ScalerParams p = FeatureScaler.fit(panel, List.of("x"), ScalingMethod.standard, 3).get(0);
        assertEquals(10.0, p.location(), 1e-12);
        assertEquals(Math.sqrt(200.0 / 3), p.scale(), 1e-12);
        assertEquals(20.0, p.invert(p.apply(20.0)), 1e-12);
    }

    @Test
    void constantColumnGetsScaleOne() {
        ScalerParams p = FeatureScaler.fit(panel, List.of("c"), ScalingMethod.standard, 4).get(0);
        assertEquals(1.0, p.scale());
        assertEquals(0.0, p.apply(3));
    }

    @Test
    void noneFitsNothingAndUnknownColumnsFail() {
        assertEquals(List.of(), FeatureScaler.fit(panel, List.of("x"), ScalingMethod.none, 3));
        assertThrows(IllegalArgumentException.class, () -> FeatureScaler.fit(panel, List.of("y"), ScalingMethod.minmax, 3));
    }

    @Test
    void neverScalesTheRawTarget() {
        Panel withRaw = panel.withNumeric(OutlierTreatment.RAW_TARGET_COLUMN, new double[] {5, 60, 7, 8, 9});
        List<ScalerParams> fitted = FeatureScaler.fit(withRaw, List.of("x", OutlierTreatment.RAW_TARGET_COLUMN), ScalingMethod.standard, 3);
        assertEquals(List.of("x"), fitted.stream().map(ScalerParams::column).toList());
        Panel scaled = FeatureScaler.apply(withRaw, fitted);
        assertArrayEquals(new double[] {5, 60, 7, 8, 9}, scaled.numericColumn(OutlierTreatment.RAW_TARGET_COLUMN));
    }
}
