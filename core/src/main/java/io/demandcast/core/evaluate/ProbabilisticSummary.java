package io.demandcast.core.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Probabilistic accuracy over many series and backtest windows. Pinball losses, CRPS and interval
 * widths (plain and scaled) are the plain mean of the per-score values, taken over the scores where
 * the value is defined (not NaN), so every series-window weighs the same as in M5's SPL. Coverage
 * instead is pooled, {@code sum(inside) / sum(n)} over all scored periods: an average of per-score
 * shares would give a window with one scored period as much say as one with 28, and the pooled share
 * is what a nominal coverage promises. Immutable: the lists are copies.
 *
 * @param scores         series-window scores summarised
 * @param n              periods scored, all scores together
 * @param scaledExcluded scores that had periods to score but no usable scale (NaN or {@code <= 0}),
 *                       hence no scaled values
 * @param levels         per quantile level, ascending
 * @param crps           mean CRPS
 * @param scaledCrps     mean scaled CRPS
 * @param intervals      per central interval, by nominal coverage ascending
 */
public record ProbabilisticSummary(int scores, long n, int scaledExcluded, List<LevelSummary> levels, double crps,
                                   double scaledCrps, List<IntervalSummary> intervals) {

    public ProbabilisticSummary {
        levels = List.copyOf(levels);
        intervals = List.copyOf(intervals);
    }

    /**
     * Pinball loss at one level over all scores.
     *
     * @param level         the quantile level
     * @param pinball       mean pinball loss over the scores where defined
     * @param scaledPinball mean scaled pinball loss over the scores where defined
     */
    public record LevelSummary(double level, double pinball, double scaledPinball) {
    }

    /**
     * One central interval over all scores.
     *
     * @param nominal         nominal coverage, e.g. 0.8
     * @param coverage        pooled share of periods inside the interval, bounds included; NaN when
     *                        {@code n} is 0
     * @param meanWidth       mean over the scores of their mean width
     * @param meanScaledWidth mean over the scores of their scaled mean width
     * @param n               periods scored
     */
    public record IntervalSummary(double nominal, double coverage, double meanWidth, double meanScaledWidth, long n) {
    }

    /**
     * Summarises scores that share one set of levels, taken from the first score. Empty input gives
     * a summary with no levels and no intervals, NaN CRPS and {@code n} 0; use
     * {@link #of(List, double[])} to keep the level rows in that case.
     *
     * @throws IllegalArgumentException when the scores' levels differ
     */
    public static ProbabilisticSummary of(List<ProbabilisticScore> scores) {
        return of(scores, scores.isEmpty() ? new double[0] : scores.get(0).levelValues());
    }

    /**
     * Summarises scores made with {@code levels}. With no scores every level and interval row is
     * still present, with NaN values and {@code n} 0, so a report keeps its shape.
     *
     * @param levels the levels every score was made with, strictly ascending in (0, 1), or empty
     * @throws IllegalArgumentException when a score's levels differ from {@code levels} (beyond
     *                                  {@code 1e-9})
     */
    public static ProbabilisticSummary of(List<ProbabilisticScore> scores, double[] levels) {
        List<ProbabilisticMetrics.CentralInterval> centrals = levels.length == 0 ? List.of()
                : ProbabilisticMetrics.centralIntervals(levels);
        MeanAccumulator[] pinball = MeanAccumulator.array(levels.length);
        MeanAccumulator[] scaledPinball = MeanAccumulator.array(levels.length);
        MeanAccumulator crps = new MeanAccumulator();
        MeanAccumulator scaledCrps = new MeanAccumulator();
        MeanAccumulator[] width = MeanAccumulator.array(centrals.size());
        MeanAccumulator[] scaledWidth = MeanAccumulator.array(centrals.size());
        long[] inside = new long[centrals.size()];
        long[] periods = new long[centrals.size()];
        long n = 0;
        int scaledExcluded = 0;
        for (int s = 0; s < scores.size(); s++) {
            ProbabilisticScore score = scores.get(s);
            requireSameLevels(score, levels, s);
            n += score.n();
            if (score.n() > 0 && !Metrics.isUsableScale(score.scale())) {
                scaledExcluded++;
            }
            for (int l = 0; l < levels.length; l++) {
                pinball[l].add(score.levels().get(l).pinball());
                scaledPinball[l].add(score.levels().get(l).scaledPinball());
            }
            crps.add(score.crps());
            scaledCrps.add(score.scaledCrps());
            for (int i = 0; i < centrals.size(); i++) {
                ProbabilisticScore.IntervalScore interval = score.intervals().get(i);
                inside[i] += interval.inside();
                periods[i] += interval.n();
                width[i].add(interval.meanWidth());
                scaledWidth[i].add(interval.scaledWidth());
            }
        }
        List<LevelSummary> levelRows = new ArrayList<>(levels.length);
        for (int l = 0; l < levels.length; l++) {
            levelRows.add(new LevelSummary(levels[l], pinball[l].mean(), scaledPinball[l].mean()));
        }
        List<IntervalSummary> intervalRows = new ArrayList<>(centrals.size());
        for (int i = 0; i < centrals.size(); i++) {
            double coverage = periods[i] == 0 ? Double.NaN : (double) inside[i] / periods[i];
            intervalRows.add(new IntervalSummary(centrals.get(i).nominal(), coverage, width[i].mean(),
                    scaledWidth[i].mean(), periods[i]));
        }
        return new ProbabilisticSummary(scores.size(), n, scaledExcluded, levelRows, crps.mean(), scaledCrps.mean(),
                intervalRows);
    }

    private static void requireSameLevels(ProbabilisticScore score, double[] levels, int index) {
        List<ProbabilisticScore.LevelScore> own = score.levels();
        boolean same = own.size() == levels.length;
        for (int l = 0; same && l < levels.length; l++) {
            same = Math.abs(own.get(l).level() - levels[l]) <= ProbabilisticMetrics.LEVEL_TOLERANCE;
        }
        if (!same) {
            throw new IllegalArgumentException("score " + index + " has levels " + Arrays.toString(score.levelValues())
                    + ", expected " + Arrays.toString(levels));
        }
    }

    /** Mean of the non-NaN values added; NaN when there are none. */
    private static final class MeanAccumulator {
        private double sum;
        private long count;

        static MeanAccumulator[] array(int size) {
            MeanAccumulator[] accumulators = new MeanAccumulator[size];
            for (int i = 0; i < size; i++) {
                accumulators[i] = new MeanAccumulator();
            }
            return accumulators;
        }

        void add(double value) {
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }

        double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
