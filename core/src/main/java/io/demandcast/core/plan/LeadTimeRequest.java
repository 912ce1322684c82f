package io.demandcast.core.plan;

/**
 * What a lead-time demand estimate covers and how it is drawn.
 *
 * @param leadTime     periods from an order to its arrival, {@code >= 1}
 * @param reviewPeriod periods between reviews of a periodic-review policy, {@code >= 0} (0: continuous
 *                     review); the protection interval is {@code leadTime + reviewPeriod} periods
 * @param paths        sample paths per series, {@code >= 1}
 * @param seed         seed of the paths: the same seed gives the same draws
 * @param clipAtZero   clip every simulated period at 0 before summing (demand is never negative)
 */
public record LeadTimeRequest(int leadTime, int reviewPeriod, int paths, long seed, boolean clipAtZero) {
    /** Sample paths per series when none is asked for. */
    public static final int DEFAULT_PATHS = io.demandcast.core.config.PredictConfig.DEFAULT_SAMPLE_PATHS;
    /** Seed when none is asked for. */
    public static final long DEFAULT_SEED = io.demandcast.core.config.PredictConfig.DEFAULT_SEED;
    /** The longest protection interval, in periods (ten years of days). */
    public static final int MAX_INTERVAL = 3660;
    /** The most paths per series (memory and time grow with it). */
    public static final int MAX_PATHS = 1_000_000;
    /**
     * The most simulated values per series, paths x interval: one series' paths are held at once
     * (per worker thread), 8 bytes each, so this keeps them under 160 MB.
     */
    public static final long MAX_CELLS = 20_000_000L;

    /** @throws IllegalArgumentException naming the value out of range */
    public LeadTimeRequest {
        if (leadTime < 1) {
            throw new IllegalArgumentException("lead time must be >= 1 period (got " + leadTime + ")");
        }
        if (reviewPeriod < 0) {
            throw new IllegalArgumentException("review period must be >= 0 periods (got " + reviewPeriod + ")");
        }
        if ((long) leadTime + reviewPeriod > MAX_INTERVAL) {
            throw new IllegalArgumentException("lead time + review period must be at most " + MAX_INTERVAL + " periods (got "
                    + ((long) leadTime + reviewPeriod) + ")");
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("the number of sample paths must be in [1, " + MAX_PATHS + "] (got " + paths + ")");
        }
        if ((long) paths * (leadTime + reviewPeriod) > MAX_CELLS) {
            throw new IllegalArgumentException(paths + " sample paths of " + (leadTime + reviewPeriod) + " periods are more than "
                    + MAX_CELLS + " values per series: ask for fewer paths or a shorter interval");
        }
    }

    /** Periods of the protection interval: lead time plus review period. */
    public int interval() {
        return leadTime + reviewPeriod;
    }
}
