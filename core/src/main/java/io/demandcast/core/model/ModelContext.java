package io.demandcast.core.model;

import io.demandcast.core.data.Frequency;
import java.util.List;
import java.util.Objects;

/**
 * What a family may need to know about the data when it builds a forecaster from its parameters.
 *
 * @param frequency    frequency of the panel
 * @param seasonLength the experiment's season length ({@code data.season_length}, else the frequency's default)
 * @param horizon      the longest horizon the experiment forecasts (predict or backtest horizon), for
 *                     families whose fit depends on it (direct multi-step strategies, past-only lags)
 * @param pastOnly     names of the panel's covariate columns (numeric or categorical) observed only up
 *                     to a forecast's cutoff: a {@link ForecastRequest#futureCovariates()} panel never
 *                     holds them, so a family may use them only at periods up to the end of its history.
 *                     Every other covariate column is known over the forecast periods.
 */
public record ModelContext(Frequency frequency, int seasonLength, int horizon, List<String> pastOnly) {
    public ModelContext {
        Objects.requireNonNull(frequency, "frequency");
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season length must be >= 1 (got " + seasonLength + ")");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
    }

    /** A context whose horizon is one season and whose covariates are all known. */
    public ModelContext(Frequency frequency, int seasonLength) {
        this(frequency, seasonLength, seasonLength, List.of());
    }

    /** The frequency's default season length. */
    public static ModelContext of(Frequency frequency) {
        return new ModelContext(frequency, frequency.defaultSeasonLength());
    }

    public ModelContext withHorizon(int newHorizon) {
        return new ModelContext(frequency, seasonLength, newHorizon, pastOnly);
    }

    public ModelContext withPastOnly(List<String> columns) {
        return new ModelContext(frequency, seasonLength, horizon, columns);
    }
}
