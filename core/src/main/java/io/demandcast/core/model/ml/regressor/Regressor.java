package io.demandcast.core.model.ml.regressor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fitted regressor held as plain data (tree arrays, coefficients), never as a library object:
 * it predicts, explains and saves itself without Smile, so an upgrade of Smile cannot change a
 * saved model's forecasts. Immutable and safe to share between threads.
 */
public interface Regressor {

    /** What the saved data is, e.g. {@code trees} or {@code linear}. */
    String kind();

    /** Feature names in the order {@link #predict} reads a row. */
    List<String> featureNames();

    /** The prediction for one row of features, in {@link #featureNames()} order (NaN = missing). */
    double predict(float[] row);

    /**
     * The prediction for row {@code row} of column-major features ({@code columns[f][row]}, as in
     * {@link TrainingTable}), so callers holding columns need not copy each row out.
     */
    default double predict(float[][] columns, int row) {
        float[] values = new float[columns.length];
        for (int f = 0; f < columns.length; f++) {
            values[f] = columns[f][row];
        }
        return predict(values);
    }

    /**
     * Global importance of each feature, in {@link #featureNames()} order: non-negative, summing to 1
     * (total split gain for trees; |coefficient| × the feature's training standard deviation for
     * linear models), all 0 when the model uses no feature.
     */
    double[] importance();

    /**
     * Linear models' standardised coefficients, in {@link #featureNames()} order: coefficient ×
     * the feature's training standard deviation, signed; empty for models without coefficients.
     */
    default double[] standardisedCoefficients() {
        return new double[0];
    }

    /**
     * The mean prediction over the training rows (on the log scale for a {@link #logLink()}), the base of {@link #contributions}. For trees, each
     * tree's leaves weighted by their covers: the rows that tree was grown on (its subsample or
     * bootstrap sample), as path-dependent TreeSHAP defines it.
     */
    double expectedValue();

    /**
     * Whether the model adds up on the log scale: {@link #predict} is then {@code exp} of
     * {@code expectedValue() + sum(contributions(row))} (XGBoost's Poisson and Tweedie objectives).
     */
    default boolean logLink() {
        return false;
    }

    /**
     * Each feature's additive contribution to {@link #predict} for this row, so that
     * {@code predict(row) == expectedValue() + sum(contributions(row))} up to rounding (SHAP values
     * for trees; {@code w_i (x_i - mean_i)} for linear models); with a {@link #logLink()}, the sum
     * is the log of the prediction.
     */
    double[] contributions(float[] row);

    /**
     * Writes the fitted data as documented files ({@code regressor.json}, and {@code trees.bin} for
     * trees: see {@link Regressors}) into an existing empty directory; {@link Regressors#read} loads them.
     */
    void write(Path directory) throws IOException;
}
