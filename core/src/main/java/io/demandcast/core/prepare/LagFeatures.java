package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.util.List;

/** Adds {@code lag_k}: the target k periods earlier in the same series, NaN before the series starts. */
public final class LagFeatures {
    private LagFeatures() {
    }

    /** @throws IllegalArgumentException when the panel is not regular or a lag is below 1 */
    public static Panel add(Panel panel, List<Integer> lags) {
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("lag features need a regular panel; fill gaps first");
        }
        double[] target = panel.targetColumn();
        Panel out = panel;
        for (int lag : lags) {
            if (lag < 1) {
                throw new IllegalArgumentException("lag must be >= 1 (got " + lag + ")");
            }
            double[] col = new double[target.length];
            for (int s = 0; s < panel.seriesCount(); s++) {
                int from = panel.rowStart(s);
                for (int r = from; r < panel.rowEnd(s); r++) {
                    col[r] = r - lag >= from ? target[r - lag] : Double.NaN;
                }
            }
            out = out.withFloatNumeric("lag_" + lag, col);
        }
        return out;
    }
}
