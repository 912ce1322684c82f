package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import java.util.Objects;

/**
 * Fitted scaling of one numeric column: {@code scaled = (x − location) / scale}.
 * For {@code minmax} the location is the train minimum and the scale the train range
 * ({@code max − min}); for {@code standard} the train mean and population standard deviation.
 * A constant column gets scale 1, so it maps to 0 instead of dividing by zero. Stored in the
 * prepared dataset and artifacts so later verbs apply exactly the same transform and can invert it.
 *
 * @param column   numeric column name
 * @param method   {@code minmax} or {@code standard}
 * @param location train minimum or mean
 * @param scale    train range or standard deviation (1 when that is 0)
 */
public record ScalerParams(String column, ScalingMethod method, double location, double scale) {

    public ScalerParams {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(method, "method");
        if (method == ScalingMethod.none) {
            throw new IllegalArgumentException("a fitted scaler needs method minmax or standard, got none");
        }
        if (!Double.isFinite(location) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scaler for '" + column + "' needs a finite location and a positive scale, got "
                    + location + " and " + scale);
        }
    }

    /** Scales a value (NaN stays NaN). */
    public double apply(double x) {
        return (x - location) / scale;
    }

    /** Undoes {@link #apply(double)}. */
    public double invert(double scaled) {
        return scaled * scale + location;
    }
}
