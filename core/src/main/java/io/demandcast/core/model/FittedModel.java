package io.demandcast.core.model;

import io.demandcast.core.data.Panel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model fitted on a panel. Immutable: forecasting does not change it, so one fitted model can
 * serve many requests, from many threads.
 */
public interface FittedModel {

    /** Family name, the key under which {@link ModelFamily} finds its loader. */
    String family();

    /** Ids of the series this model can forecast, in fit order. */
    java.util.List<String> seriesIds();

    /**
     * Forecasts {@code request.horizon()} steps past the end of every fitted series.
     *
     * @return one row per fitted series, in {@link #seriesIds()} order, without NaN
     * @throws IllegalArgumentException when the request lacks covariates the model needs
     */
    Forecast forecast(ForecastRequest request);

    /**
     * This model with its fitted parameters kept and its state brought up to the end of
     * {@code history}, so it forecasts from a later cutoff without a refit (backtests that refit only
     * every N windows, forecasts from newer actuals). For every series of this model,
     * {@code history} holds its whole history from the same first period the model was fitted on,
     * extended by newer periods (it may also be exactly the fitted data). The result forecasts each
     * updated series from the period after its new end; what it keeps and what it recomputes is
     * {@link #updateMode()}, detailed by each family.
     *
     * <p>Series of this model absent from {@code history} keep their state and their forecast
     * origin. Missing targets are handled as {@link Forecaster#fit} handles them. This model is
     * unchanged: the update returns a new model.
     *
     * @throws IllegalArgumentException naming the series when {@code history} holds one this model
     *                                  does not know, or a known one whose first observed period is
     *                                  not the fitted one or whose last period is before the fitted
     *                                  end; when {@code history} has another frequency or an axis not
     *                                  aligned with the model's; when a loaded model's saved state
     *                                  lacks what the update needs (saved by an older version)
     */
    FittedModel update(Panel history);

    /**
     * The date of the last period of {@code seriesId}'s history when this model was fitted (or last
     * updated): its forecasts start the period after. {@code predict} compares it with the newest data
     * to decide whether to {@link #update} first. Null when the series had no history or the model does
     * not hold it. Every family answers; the default is for test doubles that never meet {@code predict}.
     */
    default java.time.LocalDate fittedEnd(String seriesId) {
        throw new UnsupportedOperationException("the " + family() + " model does not record where its data ended");
    }

    /** How {@link #update} treats this model's family. */
    UpdateMode updateMode();

    /**
     * Names of the panel columns the model reads as inputs, in model order; empty for univariate
     * models. Recorded in the artifact manifest.
     */
    default java.util.List<String> features() {
        return java.util.List.of();
    }

    /**
     * Per series, in {@link #seriesIds()} order, the family asked and the family the fit really used
     * (see {@link FitOutcome}); what {@code train} writes as {@code fit_report.csv}. The default says
     * every series was fitted as asked, which is true of the families that never fall back (the
     * global ML and deep families read short series as they are: missing lags or window periods are
     * flagged inputs, not a simpler model). Local families report per series; combinations and
     * {@code auto} report their members' outcomes ({@link FitOutcome#ofMembers}).
     */
    default java.util.List<FitOutcome> fitOutcomes() {
        return seriesIds().stream().map(id -> FitOutcome.asAsked(id, family())).toList();
    }

    /**
     * How the fit went, for benchmarks and the backtest's {@code metrics.json} (per refit window):
     * families that train in epochs say how many ran, the best one, seconds per epoch, the backend.
     * Plain JSON values under snake_case keys; empty (the default) when a family has nothing to say.
     */
    default java.util.Map<String, Object> fitSummary() {
        return java.util.Map.of();
    }

    /**
     * Writes the fitted state as plain files (JSON or a documented binary, never Java
     * serialization) into an existing empty directory, so every later version can load it.
     */
    void save(Path directory) throws IOException;
}
