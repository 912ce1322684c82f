package io.demandcast.core.model.ml.regressor;

import java.util.Map;

/**
 * An unfitted regressor: a learner (e.g. Smile's gradient tree boosting) and its hyper-parameters.
 * Fitting converts the library's model into a {@link Regressor} of plain data.
 */
public interface RegressorSpec {

    /** The learner's name as written in configs, e.g. {@code gbm}, {@code ridge}. */
    String name();

    /** Hyper-parameters as plain values, recorded in artifact manifests and tune leaderboards. */
    Map<String, Object> parameters();

    /**
     * Fits on every row of the table. Deterministic for a given seed.
     *
     * @throws IllegalArgumentException when the table does not suit the learner (no rows, ...)
     */
    Regressor fit(TrainingTable table, long seed);

    /**
     * This learner with its hyper-parameters, fitted instead with the pinball (quantile) loss of
     * level {@code tau}, so that it predicts the {@code tau} quantile of the target given the row.
     *
     * @throws IllegalArgumentException when the learner has no quantile loss, or {@code tau} is not in (0, 1)
     */
    default RegressorSpec withQuantile(double tau) {
        throw new IllegalArgumentException(name() + " has no quantile loss");
    }

    /**
     * Checks, before any table is built, that this learner's settings suit a model with these
     * features (e.g. a monotone constraint names a column the model has a feature of).
     *
     * @throws IllegalArgumentException naming the setting and the features when they do not
     */
    default void checkFeatures(java.util.List<String> features) {
    }
}
