package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.List;

/** Adds {@code lag_k}: the target k periods earlier in the same series, NaN before the series starts. */
public final class LagFeatures {
    private LagFeatures() {
    }

    /** @throws IllegalArgumentException when the panel is not regular or a lag is below 1 */
    public static Panel add(Panel panel, List<Integer> lags) {
        return FeatureColumn.addAll(panel, columns(panel, lags));
    }

    /** The columns {@link #add} adds, in order, each computed when asked. */
    static List<FeatureColumn> columns(Panel panel, List<Integer> lags) {
        if (!panel.isRegular()) {
            throw new IllegalArgumentException("lag features need a regular panel; fill gaps first");
        }
        List<FeatureColumn> out = new ArrayList<>();
        for (int lag : lags) {
            if (lag < 1) {
                throw new IllegalArgumentException("lag must be >= 1 (got " + lag + ")");
            }
            out.add(new FeatureColumn("lag_" + lag, p -> lag(p, lag)));
        }
        return out;
    }

    private static float[] lag(Panel panel, int lag) {
        float[] col = new float[panel.rowCount()];
        for (int s = 0; s < panel.seriesCount(); s++) {
            int from = panel.rowStart(s);
            for (int r = from; r < panel.rowEnd(s); r++) {
                col[r] = r - lag >= from ? (float) panel.target(r - lag) : Float.NaN;
            }
        }
        return col;
    }
}
