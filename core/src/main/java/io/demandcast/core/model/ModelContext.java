package io.demandcast.core.model;

import io.demandcast.core.data.Frequency;
import java.util.Objects;

/**
 * What a family may need to know about the data when it builds a forecaster from its parameters.
 *
 * @param frequency    frequency of the panel
 * @param seasonLength the experiment's season length ({@code data.season_length}, else the frequency's default)
 */
public record ModelContext(Frequency frequency, int seasonLength) {
    public ModelContext {
        Objects.requireNonNull(frequency, "frequency");
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season length must be >= 1 (got " + seasonLength + ")");
        }
    }

    /** The frequency's default season length. */
    public static ModelContext of(Frequency frequency) {
        return new ModelContext(frequency, frequency.defaultSeasonLength());
    }
}
