package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.PriceConfig;
import io.demandcast.core.data.Panel;
import java.util.List;

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
        return FeatureColumn.addAll(panel, columns(panel, config));
    }

    /** The columns {@link #add} adds, in order, each computed when asked. */
    static List<FeatureColumn> columns(Panel panel, PriceConfig config) {
        if (!panel.hasNumeric(config.column())) {
            throw new IllegalArgumentException("price column '" + config.column() + "' is not a numeric covariate; the panel has "
                    + panel.numericNames());
        }
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("price features need a regular panel; fill gaps first");
        }
        String column = config.column();
        int w = config.window();
        return List.of(new FeatureColumn(CHANGE_COLUMN, p -> change(p, column)),
                new FeatureColumn(RELATIVE_PREFIX + w, p -> relative(p, column, w)));
    }

    private static float[] change(Panel panel, String column) {
        float[] out = new float[panel.rowCount()];
        for (int s = 0; s < panel.seriesCount(); s++) {
            double[] price = panel.numericValues(column, s);
            int start = panel.rowStart(s);
            for (int i = 0; i < price.length; i++) {
                double prev = i > 0 ? price[i - 1] : Double.NaN;
                out[start + i] = (float) (prev != 0 && !Double.isNaN(prev) ? price[i] / prev - 1.0 : Double.NaN);
            }
        }
        return out;
    }

    private static float[] relative(Panel panel, String column, int w) {
        float[] out = new float[panel.rowCount()];
        for (int s = 0; s < panel.seriesCount(); s++) {
            double[] price = panel.numericValues(column, s);
            int start = panel.rowStart(s);
            double sum = 0;
            int count = 0;
            for (int i = 0; i < price.length; i++) {
                if (!Double.isNaN(price[i])) {
                    sum += price[i];
                    count++;
                }
                if (i - w >= 0 && !Double.isNaN(price[i - w])) {
                    sum -= price[i - w];
                    count--;
                }
                double mean = count == 0 ? 0.0 : sum / count;
                out[start + i] = (float) (mean == 0 ? Double.NaN : price[i] / mean);
            }
        }
        return out;
    }
}
