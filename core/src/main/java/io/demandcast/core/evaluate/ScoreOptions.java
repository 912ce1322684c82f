package io.demandcast.core.evaluate;

import java.util.Objects;

/**
 * How {@link Scorer} scales and weights errors.
 *
 * @param seasonLength season length {@code m} of the MASE scale (12 for monthly, 7 for daily data,
 *                     1 for non-seasonal data)
 * @param rmsseLag     lag of the differences in the RMSSE scale (M5: 1)
 * @param rmsseStart   where the RMSSE scale's training window begins (M5: first non-zero value)
 * @param weights      per-series weights for WRMSSE, or null to skip WRMSSE
 */
public record ScoreOptions(int seasonLength, int rmsseLag, ScaleStart rmsseStart, SeriesWeights weights) {

    /** @throws IllegalArgumentException naming the field when a value is out of range */
    public ScoreOptions {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        if (rmsseLag < 1) {
            throw new IllegalArgumentException("rmsse_lag must be >= 1 (got " + rmsseLag + ")");
        }
        Objects.requireNonNull(rmsseStart, "rmsseStart");
    }

    /** MASE with season {@code seasonLength}; RMSSE as in M5 (lag 1, from the first non-zero value); no weights. */
    public static ScoreOptions of(int seasonLength) {
        return new ScoreOptions(seasonLength, 1, ScaleStart.FIRST_NON_ZERO, null);
    }

    /** The same options with WRMSSE weights. */
    public ScoreOptions withWeights(SeriesWeights newWeights) {
        return new ScoreOptions(seasonLength, rmsseLag, rmsseStart, newWeights);
    }

    /** The same options with another RMSSE scaling. */
    public ScoreOptions withRmsseScale(int lag, ScaleStart start) {
        return new ScoreOptions(seasonLength, lag, start, weights);
    }
}
