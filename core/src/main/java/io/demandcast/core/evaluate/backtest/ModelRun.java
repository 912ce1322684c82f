package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.FitOutcome;
import io.demandcast.core.model.Forecast;
import java.util.List;
import java.util.Map;

/**
 * Every forecast one model made in a backtest, one per window (oldest first), as the model made
 * them (its own quantiles, clipped at zero when the run clips).
 *
 * @param model       the model
 * @param forecasts   one forecast per window, of the series the window includes
 * @param raw         the same forecasts before adjustment (clipping), which combinations of this
 *                    model with others start from
 * @param refitted    per window: true when the model was fitted on that window, false when the
 *                    model fitted on an earlier window was updated with the new actuals
 * @param wallSeconds wall-clock time of all fits, updates and forecasts of this model
 * @param importance  the feature importance of the model fitted on the last refit window (the most
 *                    recent data), most important first; empty when the model cannot explain itself
 *                    ({@link io.demandcast.core.model.Explainable}: statistical families, combinations)
 * @param fits        per window, the {@link io.demandcast.core.model.FittedModel#fitSummary()} of the model
 *                    fitted on it (empty for updated windows and for families that report nothing)
 * @param lastFit     the {@link io.demandcast.core.model.FittedModel#fitOutcomes()} of the model fitted
 *                    on the last refit window (the most recent data), as {@code evaluate}'s
 *                    {@code fit_report.csv} reports them; empty when not known
 */
public record ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted,
                       double wallSeconds, List<FeatureImportance> importance, List<Map<String, Object>> fits,
                       List<FitOutcome> lastFit) {

    public ModelRun {
        lastFit = List.copyOf(lastFit);
        importance = List.copyOf(importance);
        fits = fits.isEmpty() ? java.util.Collections.nCopies(forecasts.size(), Map.of()) : List.copyOf(fits);
        if (fits.size() != forecasts.size()) {
            throw new IllegalArgumentException("one fit summary per window expected");
        }
        forecasts = List.copyOf(forecasts);
        raw = List.copyOf(raw);
        refitted = List.copyOf(refitted);
        if (forecasts.size() != refitted.size()) {
            throw new IllegalArgumentException("one refit flag per window expected");
        }
    }

    /** A run without fit outcomes. */
    public ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted, double wallSeconds,
                    List<FeatureImportance> importance, List<Map<String, Object>> fits) {
        this(model, forecasts, raw, refitted, wallSeconds, importance, fits, List.of());
    }

    /** A run without fit summaries. */
    public ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted, double wallSeconds,
                    List<FeatureImportance> importance) {
        this(model, forecasts, raw, refitted, wallSeconds, importance, List.of(), List.of());
    }

    /** A run without feature importance or fit summaries. */
    public ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted, double wallSeconds) {
        this(model, forecasts, raw, refitted, wallSeconds, List.of(), List.of(), List.of());
    }
}
