package io.demandcast.core.plan;

/**
 * Where {@code plan} gets each series' demand over a protection interval: the seam between the
 * inventory policy and the estimators of lead-time demand ({@link QuantileLeadTimes}, the model's
 * forecast quantiles; {@link SampledLeadTimes}, the fitted model's sample paths; a bootstrap of
 * backtest errors would plug in here too).
 */
public interface LeadTimeSource {

    /** The estimator's name, reported in {@code plan}'s summary. */
    String method();

    /**
     * How this series' demand was estimated, written to the plan's {@code method} column: an
     * estimator that mixes methods per series (sample paths where the fit can simulate, a normal
     * approximation where it cannot) names each series' own.
     */
    default String method(String seriesId) {
        return method();
    }

    /**
     * The distribution of the series' total demand over its next {@code periods} periods.
     *
     * @throws IllegalArgumentException when the series is unknown or {@code periods} is outside what
     *                                  the source can cover
     */
    LeadTimeDemand demand(String seriesId, int periods);
}
