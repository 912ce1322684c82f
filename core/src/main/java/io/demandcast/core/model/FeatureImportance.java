package io.demandcast.core.model;

/**
 * One feature's global importance in a fitted model.
 *
 * @param feature     the feature's name as the model computes it (e.g. {@code lag_7}, {@code price_ratio})
 * @param share       its share of the model's importance, in [0, 1]
 * @param coefficient its standardised coefficient (coefficient × the feature's training standard
 *                    deviation, signed, on the model's transformed target) for linear models; NaN
 *                    for models without coefficients (trees)
 */
public record FeatureImportance(String feature, double share, double coefficient) {
}
