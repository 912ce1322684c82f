package io.demandcast.core.plan;

/**
 * The distribution of one series' demand summed over a protection interval: the lead time, plus the
 * review period for a periodic-review policy. What {@code predict --lead-time}, {@code plan} and the
 * backtest's policy simulation read; each estimator (sample paths of a fitted model, a bootstrap of
 * backtest errors, a count-aware bootstrap for intermittent series, the normal approximation) gives
 * one of these per series.
 */
public interface LeadTimeDemand {

    /** Expected demand over the interval. */
    double mean();

    /** Standard deviation of the demand over the interval. */
    double standardDeviation();

    /**
     * The smallest stock level {@code x} with {@code P(D <= x) >= p}: the reorder point or
     * order-up-to level that meets a cycle service level {@code p}.
     *
     * @throws IllegalArgumentException when {@code p} is not in (0, 1)
     */
    double quantile(double p);

    /** {@code P(D <= x)}: the chance that a stock of {@code x} covers the interval's demand. */
    double cdf(double x);

    /**
     * Expected units short, {@code E[max(D - x, 0)]}, when the interval starts with stock {@code x}:
     * what fill-rate policies solve for. Non-increasing in {@code x}.
     */
    double expectedShortage(double x);
}
