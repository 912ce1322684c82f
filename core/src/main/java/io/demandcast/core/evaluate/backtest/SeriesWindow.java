package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.SeriesMetrics;
import java.util.Objects;

/**
 * The scores of one series in one window of one model: a row of {@code per_series.csv}.
 *
 * @param window      window index, oldest 0
 * @param seriesId    the series
 * @param demandClass Syntetos–Boylan class of the series' history before the cutoff
 * @param volume      sum of the actuals over the {@code horizon} periods before the cutoff (the weight of volume-weighted means)
 * @param scale       MASE scale of the history before the cutoff (NaN when undefined)
 * @param metrics     point-forecast metrics
 * @param model       probabilistic scores of the model's own quantiles (null without quantiles)
 * @param conformal   probabilistic scores of conformal quantiles (null when the window has no calibration)
 * @param censored    forecast periods left out of every metric because they were out of stock (censored demand)
 */
public record SeriesWindow(int window, String seriesId, String demandClass, double volume, double scale,
                           SeriesMetrics metrics, io.demandcast.core.evaluate.ProbabilisticScore model,
                           io.demandcast.core.evaluate.ProbabilisticScore conformal, int censored) {

    public SeriesWindow {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(demandClass, "demandClass");
        Objects.requireNonNull(metrics, "metrics");
    }
}
