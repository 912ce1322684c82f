package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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
            if (name.equals(OutlierTreatment.RAW_TARGET_COLUMN) || name.equals(Censoring.COLUMN)) {
                continue;
            }
            if (!panel.hasNumeric(name)) {
                throw new IllegalArgumentException("cannot scale '" + name + "': no such numeric column; the panel has "
                        + panel.numericNames());
            }
            ScalerParams p = fit(name, method, lastTrainPeriod, panel, s -> panel.numericValues(name, s));
            if (p == null) {
                throw new IllegalArgumentException("cannot scale '" + name + "': it has no value in the train split");
            }
            fitted.add(p);
        }
        return List.copyOf(fitted);
    }

    /**
     * Fits one column, given series by series (so it never needs the whole column as doubles).
     *
     * @param rows         the panel whose periods tell train rows apart (the column is row-aligned with it)
     * @param seriesValues the column's values of series {@code s}, as doubles
     * @return the scaler, or null when the column has no value in the train rows
     */
    static ScalerParams fit(String name, ScalingMethod method, int lastTrainPeriod, Panel rows, IntFunction<double[]> seriesValues) {
        int count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int s = 0; s < rows.seriesCount(); s++) {
            double[] col = seriesValues.apply(s);
            int start = rows.rowStart(s);
            for (int i = 0; i < col.length; i++) {
                double v = col[i];
                if (rows.period(start + i) <= lastTrainPeriod && !Double.isNaN(v)) {
                    count++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        double mean = sum / count;
        double location;
        double spread;
        if (method == ScalingMethod.minmax) {
            location = min;
            spread = max - min;
        } else {
            // A second pass rather than a running sum of squares: the same numbers as the one-column fit always gave.
            double squares = 0;
            for (int s = 0; s < rows.seriesCount(); s++) {
                double[] col = seriesValues.apply(s);
                int start = rows.rowStart(s);
                for (int i = 0; i < col.length; i++) {
                    double v = col[i];
                    if (rows.period(start + i) <= lastTrainPeriod && !Double.isNaN(v)) {
                        squares += (v - mean) * (v - mean);
                    }
                }
            }
            location = mean;
            spread = Math.sqrt(squares / count);
        }
        return new ScalerParams(name, method, location, spread > 0 ? spread : 1.0);
    }

    /** Applies fitted scalers to every row of their columns (one copy of each scaled column, made and scaled in place). */
    public static Panel apply(Panel panel, List<ScalerParams> scalers) {
        Panel out = panel;
        for (ScalerParams p : scalers) {
            // A derived feature stays float-stored once scaled (see Panel#withFloatNumeric).
            if (out.isFloat(p.column())) {
                float[] col = out.floatColumn(p.column());
                scale(p, col, 0, col.length);
                out = out.withFloatNumeric(p.column(), col);
            } else {
                double[] col = out.numericColumn(p.column());
                scale(p, col, 0, col.length);
                out = out.withNumeric(p.column(), col);
            }
        }
        return out;
    }

    /** Scales {@code values[from..to-1]} in place, in double precision, rounding back to float. */
    static void scale(ScalerParams p, float[] values, int from, int to) {
        for (int r = from; r < to; r++) {
            values[r] = (float) p.apply(values[r]);
        }
    }

    /** Scales {@code values[from..to-1]} in place. */
    static void scale(ScalerParams p, double[] values, int from, int to) {
        for (int r = from; r < to; r++) {
            values[r] = p.apply(values[r]);
        }
    }
}
