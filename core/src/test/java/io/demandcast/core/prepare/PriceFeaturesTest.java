package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.PrepareConfig.PriceConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import org.junit.jupiter.api.Test;

class PriceFeaturesTest {
    private static final double N = Double.NaN;

    @Test
    void changeAndRelativeToTheTrailingMean() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 0, 0, 0, 0, 0).covariate("sell_price", 2, 2, 1, N, 4).build();
        Panel f = PriceFeatures.add(p, new PriceConfig("sell_price", 2));
        // Derived features are float-stored: equal to about 7 significant digits.
        assertArrayEquals(new double[] {N, 0, -0.5, N, N}, f.numericColumn("price_change"), 1e-7);
        assertArrayEquals(new double[] {1, 1, 1 / 1.5, N, 1}, f.numericColumn("price_rel_2"), 1e-7);
    }

    @Test
    void needsThePriceColumn() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> PriceFeatures.add(p, new PriceConfig("sell_price", 2)));
    }
}
