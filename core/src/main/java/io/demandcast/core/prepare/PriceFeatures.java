package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.PriceConfig;
import io.demandcast.core.data.Panel;

/**
 * Adds {@code price_change} (relative change against the previous period: {@code p_t / p_{t−1} − 1},
 * NaN at the series start, where either price is NaN or the previous price is 0) and
 * {@code price_rel_w} (price divided by the mean of the non-NaN prices over the {@code w} periods up
 * to and including the current one; NaN where that mean is 0 or undefined). Prices are known in advance, so the current price is no leak.
 */
public final class PriceFeatures {
    /** Name of the relative price change column. */
    public static final String CHANGE_COLUMN = "price_change";
    /** Prefix of the price-over-rolling-mean column ({@code price_rel_<window>}). */
    public static final String RELATIVE_PREFIX = "price_rel_";

    private PriceFeatures() {
    }

    /** @throws IllegalArgumentException when the price column is absent or the panel is not regular */
    public static Panel add(Panel panel, PriceConfig config) {
        if (!panel.hasNumeric(config.column())) {
            throw new IllegalArgumentException("price column '" + config.column() + "' is not a numeric covariate; the panel has "
                    + panel.numericNames());
        }
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("price features need a regular panel; fill gaps first");
        }
        double[] price = panel.numericColumn(config.column());
        int w = config.window();
        double[] change = new double[price.length];
        double[] rel = new double[price.length];
        for (int s = 0; s < panel.seriesCount(); s++) {
            int from = panel.rowStart(s);
            double sum = 0;
            int count = 0;
            for (int r = from; r < panel.rowEnd(s); r++) {
                double prev = r > from ? price[r - 1] : Double.NaN;
                change[r] = prev != 0 && !Double.isNaN(prev) ? price[r] / prev - 1.0 : Double.NaN;
                if (!Double.isNaN(price[r])) {
                    sum += price[r];
                    count++;
                }
                if (r - w >= from && !Double.isNaN(price[r - w])) {
                    sum -= price[r - w];
                    count--;
                }
                double mean = count == 0 ? 0.0 : sum / count;
                rel[r] = mean == 0 ? Double.NaN : price[r] / mean;
            }
        }
        return panel.withFloatNumeric(CHANGE_COLUMN, change).withFloatNumeric(RELATIVE_PREFIX + w, rel);
    }
}
