package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.Forecast;
import java.util.List;

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
 */
public record ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted,
                       double wallSeconds, List<FeatureImportance> importance) {

    public ModelRun {
        importance = List.copyOf(importance);
        forecasts = List.copyOf(forecasts);
        raw = List.copyOf(raw);
        refitted = List.copyOf(refitted);
        if (forecasts.size() != refitted.size()) {
            throw new IllegalArgumentException("one refit flag per window expected");
        }
    }

    /** A run without feature importance. */
    public ModelRun(BacktestModel model, List<Forecast> forecasts, List<Forecast> raw, List<Boolean> refitted, double wallSeconds) {
        this(model, forecasts, raw, refitted, wallSeconds, List.of());
    }
}
