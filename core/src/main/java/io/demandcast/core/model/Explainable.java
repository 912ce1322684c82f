package io.demandcast.core.model;

import java.util.List;

/**
 * A fitted model that can say which inputs drive its forecasts. The verbs ask any
 * {@link FittedModel} whether it is one ({@code instanceof}), so they need not know the families:
 * the global ML families are; statistical families and combinations are not.
 */
public interface Explainable {

    /**
     * Global importance of each feature the model reads, most important first: shares are
     * non-negative and sum to 1 (all 0 when the model uses no feature).
     */
    List<FeatureImportance> importance();

    /**
     * The forecast of {@code request} with, for every series × step, the {@code top} features of
     * largest absolute contribution, computed on exactly the feature rows the forecast reads.
     *
     * @param top how many features to keep per forecast row, at least 1
     * @return one point per series × step, in {@link FittedModel#seriesIds()} then step order
     * @throws IllegalArgumentException as {@link FittedModel#forecast} does, or when {@code top < 1}
     */
    List<ExplainedPoint> explain(ForecastRequest request, int top);
}
