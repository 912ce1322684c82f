package io.demandcast.core.plan;

/**
 * Where {@code plan} gets each series' demand over a protection interval: the seam between the
 * inventory policy and the estimators of lead-time demand (the model's forecast quantiles now; sample
 * paths of the fitted model and a bootstrap of backtest errors plug in here).
 */
public interface LeadTimeSource {

    /** The estimator's name, written to the plan's {@code method} column. */
    String method();

    /**
     * The distribution of the series' total demand over its next {@code periods} periods.
     *
     * @throws IllegalArgumentException when the series is unknown or {@code periods} is outside what
     *                                  the source can cover
     */
    LeadTimeDemand demand(String seriesId, int periods);
}
