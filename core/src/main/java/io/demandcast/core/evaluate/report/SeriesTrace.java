package io.demandcast.core.evaluate.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One series as a model forecast it across the backtest windows, for a picture of the actuals with
 * each window's forecast and interval.
 *
 * <p>Arrays are not copied: this record carries values from the backtest to the writer, and neither
 * side changes them after construction.
 *
 * @param seriesId the series
 * @param model    the model whose forecasts are drawn
 * @param label    why this series was picked: {@code best}, {@code worst} or {@code typical}
 * @param score    the series' score that placed it there, e.g. its RMSSE over all windows
 * @param dates    the periods drawn, ascending: a tail of history followed by every window
 * @param actual   the actual value per date, NaN where there is none
 * @param windows  the forecast of each window, in window order
 */
public record SeriesTrace(String seriesId, String model, String label, double score, List<LocalDate> dates,
                          double[] actual, List<WindowBand> windows) {

    /**
     * @throws IllegalArgumentException when {@code actual} and {@code dates} differ in length, the
     *                                  dates are not ascending, or a window runs past the last date
     */
    public SeriesTrace {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(label, "label");
        dates = List.copyOf(dates);
        Objects.requireNonNull(actual, "actual");
        windows = List.copyOf(windows);
        if (actual.length != dates.size()) {
            throw new IllegalArgumentException("series " + seriesId + ": " + actual.length + " actual values for "
                    + dates.size() + " dates");
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("series " + seriesId + ": dates must ascend (" + dates.get(i - 1)
                        + " then " + dates.get(i) + ")");
            }
        }
        for (WindowBand w : windows) {
            if (w.start() + w.point().length > dates.size()) {
                throw new IllegalArgumentException("series " + seriesId + ": window " + w.window() + " ends at index "
                        + (w.start() + w.point().length - 1) + ", past the last of " + dates.size() + " dates");
            }
        }
    }
}
