package io.demandcast.core.evaluate.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One example series at one backtest cutoff, for the picture of its cumulative demand over the
 * protection interval: the forecast fan and the order-up-to levels the policies set from it.
 *
 * <p>Arrays are not copied: this record carries values from the backtest to the writer, and neither
 * side changes them after construction.
 *
 * @param seriesId the series
 * @param model    the model whose forecast and errors set the levels
 * @param dates    the cutoff, then the periods of the protection interval after it
 * @param forecast cumulative point forecast through each date (0 at the cutoff)
 * @param lower    lower bound of the cumulative fan through each date
 * @param upper    upper bound, same length
 * @param nominal  central coverage of the fan, e.g. 0.9
 * @param actual   cumulative actual demand through each date
 * @param levels   the order-up-to levels drawn as horizontal lines
 */
public record LevelFan(String seriesId, String model, List<LocalDate> dates, double[] forecast, double[] lower, double[] upper,
                       double nominal, double[] actual, List<Level> levels) {

    /**
     * @param label    e.g. {@code S csl_0.95_lt7}
     * @param value    the level in units
     * @param baseline true for the normal-approximation baseline's level
     */
    public record Level(String label, double value, boolean baseline) {
    }

    /** @throws IllegalArgumentException when the arrays' lengths differ from the dates' */
    public LevelFan {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(model, "model");
        dates = List.copyOf(dates);
        levels = List.copyOf(levels);
        for (double[] a : new double[][] {forecast, lower, upper, actual}) {
            if (a.length != dates.size()) {
                throw new IllegalArgumentException("series " + seriesId + ": " + a.length + " values for " + dates.size() + " dates");
            }
        }
    }
}
