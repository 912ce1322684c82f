package io.demandcast.core.model.ml;

import io.demandcast.core.model.ml.features.FeatureLayout;
import io.demandcast.core.model.ml.regressor.Regressor;

/**
 * One fitted regressor and the forecast steps it predicts: all of them for the recursive strategy
 * (its {@link FeatureLayout#minLag()} is 1), one step for direct, a block of steps for hybrid (its
 * minimum lag is the block's last step).
 *
 * @param firstStep     first forecast step predicted, 1-based
 * @param lastStep      last forecast step predicted (the fitted horizon for recursive)
 * @param residualGrid  {@link ResidualQuantiles} of its in-sample residuals
 * @param quantiles     its quantile regressors ({@code quantiles: loss}), reading the same rows; {@link LossQuantiles#NONE} otherwise
 */
record StepModel(int firstStep, int lastStep, FeatureLayout layout, Regressor regressor, double[] residualGrid,
                 LossQuantiles quantiles) {
}
