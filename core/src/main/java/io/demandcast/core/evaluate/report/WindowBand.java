package io.demandcast.core.evaluate.report;

import java.util.Objects;

/**
 * The forecast of one backtest window drawn over a {@link SeriesTrace}.
 *
 * <p>Arrays are not copied: this record carries values from the backtest to the writer, and neither
 * side changes them after construction.
 *
 * @param window  the window's number, as the backtest counts it (0 or 1 based)
 * @param start   index into {@link SeriesTrace#dates()} of the first forecast period
 * @param point   point forecast per step, from {@code start} on
 * @param lower   lower interval bound per step, or null when the model gave no interval
 * @param upper   upper interval bound per step, or null exactly when {@code lower} is
 * @param nominal nominal coverage of the interval, e.g. 0.8; NaN when there is no interval
 */
public record WindowBand(int window, int start, double[] point, double[] lower, double[] upper, double nominal) {

    /**
     * @throws IllegalArgumentException when {@code start} is negative, the bounds' lengths differ from
     *                                  the point forecast's, only one bound is given, or the nominal
     *                                  coverage of an interval is not strictly between 0 and 1
     */
    public WindowBand {
        if (start < 0) {
            throw new IllegalArgumentException("window " + window + ": start must be >= 0 (got " + start + ")");
        }
        Objects.requireNonNull(point, "point");
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("window " + window + ": give both interval bounds or neither");
        }
        if (lower != null) {
            if (lower.length != point.length || upper.length != point.length) {
                throw new IllegalArgumentException("window " + window + ": bounds have " + lower.length + " and "
                        + upper.length + " values, the point forecast " + point.length);
            }
            if (!(nominal > 0 && nominal < 1)) {
                throw new IllegalArgumentException("window " + window + ": nominal coverage must be in (0, 1) (got "
                        + nominal + ")");
            }
        }
    }

    /** Whether this window has an interval to shade. */
    public boolean hasInterval() {
        return lower != null;
    }
}
