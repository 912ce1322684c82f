package io.demandcast.core.model;

import io.demandcast.core.data.Panel;
import java.util.Map;

/**
 * The contract every model family implements: an immutable specification (family and
 * hyper-parameters) that fits a training panel, with its covariates, into a {@link FittedModel}.
 * Local families fit one model per series; global families one model across series.
 */
public interface Forecaster {

    /** Family name as written in the YAML {@code model.family} key, e.g. {@code seasonal_naive}. */
    String family();

    /** Hyper-parameters as plain values (numbers, strings, lists), recorded in artifact manifests. */
    Map<String, Object> parameters();

    /**
     * Fits every series of the panel.
     *
     * @param history a regular panel; NaN targets are allowed and handled by the family
     * @throws IllegalArgumentException when the panel does not suit the family
     */
    FittedModel fit(io.demandcast.core.data.Panel history);

    /**
     * Fits as {@link #fit(Panel)}, stepping {@code task} once per series as the work progresses
     * (the default steps it once for all series at the end; local families step per series).
     */
    default FittedModel fit(Panel history, io.demandcast.core.Progress.Task task) {
        FittedModel fitted = fit(history);
        task.step(history.seriesCount());
        return fitted;
    }

    /** Convenience: fit, then forecast. */
    default Forecast fitForecast(Panel history, ForecastRequest request) {
        return fit(history).forecast(request);
    }
}
