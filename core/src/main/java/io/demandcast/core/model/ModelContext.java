package io.demandcast.core.model;

import io.demandcast.core.data.Frequency;
import java.util.List;
import java.util.Objects;

/**
 * What a family may need to know about the data when it builds a forecaster from its parameters.
 *
 * @param frequency      frequency of the panel
 * @param seasonLength   the experiment's season length ({@code data.season_length}, else the frequency's default)
 * @param horizon        the longest horizon the experiment forecasts (predict or backtest horizon), for
 *                       families whose fit depends on it (direct multi-step strategies, past-only lags)
 * @param pastOnly       names of the panel's covariate columns (numeric or categorical) observed only up
 *                       to a forecast's cutoff: a {@link ForecastRequest#futureCovariates()} panel never
 *                       holds them, so a family may use them only at periods up to the end of its history.
 *                       Every other covariate column is known over the forecast periods.
 * @param quantileLevels the quantile levels the experiment requests ({@code predict.quantiles}), ascending
 *                       and distinct, for families that fit one model per level (quantile losses)
 */
public record ModelContext(Frequency frequency, int seasonLength, int horizon, List<String> pastOnly, List<Double> quantileLevels) {
    /** {@code predict.quantiles}' default. */
    public static final List<Double> DEFAULT_QUANTILE_LEVELS = List.of(0.1, 0.5, 0.9);

    public ModelContext {
        Objects.requireNonNull(frequency, "frequency");
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season length must be >= 1 (got " + seasonLength + ")");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        quantileLevels = quantileLevels == null ? DEFAULT_QUANTILE_LEVELS : quantileLevels.stream().sorted().distinct().toList();
        for (double q : quantileLevels) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("quantile levels must be in (0, 1) (got " + q + ")");
            }
        }
    }

    /** A context requesting the default quantile levels. */
    public ModelContext(Frequency frequency, int seasonLength, int horizon, List<String> pastOnly) {
        this(frequency, seasonLength, horizon, pastOnly, DEFAULT_QUANTILE_LEVELS);
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
        return new ModelContext(frequency, seasonLength, newHorizon, pastOnly, quantileLevels);
    }

    public ModelContext withPastOnly(List<String> columns) {
        return new ModelContext(frequency, seasonLength, horizon, columns, quantileLevels);
    }

    /** This context requesting {@code levels} (each in (0, 1); sorted and deduplicated). */
    public ModelContext withQuantileLevels(double[] levels) {
        return new ModelContext(frequency, seasonLength, horizon, pastOnly, java.util.Arrays.stream(levels).boxed().toList());
    }
}
