package io.demandcast.core.evaluate;

import java.util.List;

/**
 * Probabilistic accuracy of one series over one backtest window, made by
 * {@link ProbabilisticMetrics#score}. Scaled values are NaN when the scale was not finite and
 * {@code > 0}; every mean is NaN when {@code n} is 0. Immutable: the lists are copies.
 *
 * @param n          periods scored (those with an actual)
 * @param scale      the scale the scaled values divide by, as given
 * @param levels     one entry per quantile level, in the levels' (ascending) order
 * @param crps       quantile-averaged CRPS, see {@link ProbabilisticMetrics#crps}
 * @param scaledCrps {@code crps / scale}
 * @param intervals  one entry per central interval, by nominal coverage ascending
 */
public record ProbabilisticScore(int n, double scale, List<LevelScore> levels, double crps, double scaledCrps,
                                 List<IntervalScore> intervals) {

    public ProbabilisticScore {
        levels = List.copyOf(levels);
        intervals = List.copyOf(intervals);
    }

    /**
     * Pinball loss at one quantile level.
     *
     * @param level         the quantile level
     * @param pinball       mean pinball loss, in the series' units
     * @param scaledPinball {@code pinball / scale} (M5's scaled pinball loss when the scale is M5's)
     */
    public record LevelScore(double level, double pinball, double scaledPinball) {
    }

    /**
     * One central interval over the window.
     *
     * @param nominal     nominal coverage, e.g. 0.8
     * @param inside      periods whose actual lies in {@code [lower, upper]}, bounds included
     * @param n           periods scored (with an actual)
     * @param meanWidth   mean of {@code upper - lower} over the scored periods
     * @param scaledWidth {@code meanWidth / scale}
     */
    public record IntervalScore(double nominal, int inside, int n, double meanWidth, double scaledWidth) {

        /** {@code inside / n}: the share of periods covered, NaN when {@code n} is 0. */
        public double coverage() {
            return n == 0 ? Double.NaN : (double) inside / n;
        }
    }

    /** The quantile levels scored, ascending, as a new array. */
    public double[] levelValues() {
        return levels.stream().mapToDouble(LevelScore::level).toArray();
    }
}
