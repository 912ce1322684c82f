package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.config.PrepareConfig.RollingConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingFeaturesTest {
    private static final double N = Double.NaN;

    @Test
    void windowEndsTheRowBeforeSoTheCurrentValueNeverLeaks() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1, 2, 3, 4, 100).build();
        Panel f = RollingFeatures.add(p, new RollingConfig(List.of(2), List.of("mean", "std")));
        assertArrayEquals(new double[] {N, N, 1.5, 2.5, 3.5}, f.numericColumn("roll_mean_2"));
        double sd = Math.sqrt(0.5);
        assertArrayEquals(new double[] {N, N, sd, sd, sd}, f.numericColumn("roll_std_2"), 1e-7, "float-stored");
    }

    @Test
    void nanInTheWindowGivesNaNAndSeriesDoNotMix() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1, 2, N, 4, 5, 6).add("b", 0, 7, 8, 9).build();
        Panel f = RollingFeatures.add(p, new RollingConfig(List.of(2), null));
        assertEquals(List.of("roll_mean_2"), f.numericNames());
        assertArrayEquals(new double[] {N, N, 1.5, N, N, 4.5, N, N, 7.5}, f.numericColumn("roll_mean_2"));
    }
}
