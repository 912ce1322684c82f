package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.model.Forecaster;
import java.util.Objects;

/**
 * One model of a backtest leaderboard.
 *
 * @param name       leaderboard name, unique in a run
 * @param role       why it is in the run
 * @param forecaster the family and parameters fitted on every window
 * @param source     where its spec came from: {@code config}, or the artifact {@code name@version}
 */
public record BacktestModel(String name, Role role, Forecaster forecaster, String source) {

    /** Why a model is in the run. */
    public enum Role {
        /** A model under evaluation; the gate checks these by default. */
        CANDIDATE,
        /** Seasonal naive, always scored so no number stands alone. */
        BASELINE,
        /** The store's current LATEST version of the candidate's model name (champion/challenger). */
        PRODUCTION;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BacktestModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(forecaster, "forecaster");
        source = source == null ? "config" : source;
    }
}
