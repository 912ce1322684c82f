package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagFeaturesTest {
    private static final double N = Double.NaN;

    @Test
    void lagsStayInsideTheirSeries() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1, 2, 3, 4).add("b", 2, 10, 20).build();
        Panel f = LagFeatures.add(p, List.of(1, 2));
        assertArrayEquals(new double[] {N, 1, 2, 3, N, 10}, f.numericColumn("lag_1"));
        assertArrayEquals(new double[] {N, N, 1, 2, N, N}, f.numericColumn("lag_2"));
    }
}
