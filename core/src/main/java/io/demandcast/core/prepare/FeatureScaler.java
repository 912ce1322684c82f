package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits scalers on the train rows only (periods up to the last train period), so nothing about
 * validation or test values leaks into the features, and applies them to every row. The target is
 * not a numeric column and is never scaled; nor is the target before outlier treatment
 * ({@value OutlierTreatment#RAW_TARGET_COLUMN}), which is skipped when listed. NaN cells are
 * ignored when fitting and stay NaN.
 */
public final class FeatureScaler {
    private FeatureScaler() {
    }

    /**
     * @param columns         columns to scale, each a numeric column of the panel; {@value OutlierTreatment#RAW_TARGET_COLUMN}
     *                        is skipped (it is scored against, so it keeps the units of the target)
     * @param lastTrainPeriod last period whose rows the parameters are fitted on
     * @throws IllegalArgumentException when a column is absent or has no value in the train rows
     */
    public static List<ScalerParams> fit(Panel panel, List<String> columns, ScalingMethod method, int lastTrainPeriod) {
        if (method == ScalingMethod.none) {
            return List.of();
        }
        List<ScalerParams> fitted = new ArrayList<>();
        for (String name : columns) {
            if (name.equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
                continue;
            }
            if (!panel.hasNumeric(name)) {
                throw new IllegalArgumentException("cannot scale '" + name + "': no such numeric column; the panel has "
                        + panel.numericNames());
            }
            double[] col = panel.numericColumn(name);
            int count = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int r = 0; r < col.length; r++) {
                double v = col[r];
                if (panel.period(r) <= lastTrainPeriod && !Double.isNaN(v)) {
                    count++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("cannot scale '" + name + "': it has no value in the train split");
            }
            double mean = sum / count;
            double location;
            double spread;
            if (method == ScalingMethod.minmax) {
                location = min;
                spread = max - min;
            } else {
                double squares = 0;
                for (int r = 0; r < col.length; r++) {
                    double v = col[r];
                    if (panel.period(r) <= lastTrainPeriod && !Double.isNaN(v)) {
                        squares += (v - mean) * (v - mean);
                    }
                }
                location = mean;
                spread = Math.sqrt(squares / count);
            }
            fitted.add(new ScalerParams(name, method, location, spread > 0 ? spread : 1.0));
        }
        return List.copyOf(fitted);
    }

    /** Applies fitted scalers to every row of their columns. */
    public static Panel apply(Panel panel, List<ScalerParams> scalers) {
        Panel out = panel;
        for (ScalerParams p : scalers) {
            double[] col = out.numericColumn(p.column());
            for (int r = 0; r < col.length; r++) {
                col[r] = p.apply(col[r]);
            }
            // A derived feature stays float-stored once scaled (see Panel#withFloatNumeric).
            out = out.isFloat(p.column()) ? out.withFloatNumeric(p.column(), col) : out.withNumeric(p.column(), col);
        }
        return out;
    }
}
