package io.demandcast.core.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Accuracy of quantile forecasts of one series over a horizon, as pure functions of aligned arrays
 * in the manner of {@link Metrics}: {@code y[i]} is the observed value of period {@code i} and
 * {@code q[i]} (or {@code quantiles[l][i]}) a forecast quantile of the same period. Every function:
 * <ul>
 *   <li>skips periods whose actual is NaN (a missing observation), so means run over the periods
 *       that have an actual;</li>
 *   <li>returns NaN when no period is left;</li>
 *   <li>throws {@link IllegalArgumentException} when arrays differ in length, a level is outside
 *       (0, 1), levels are not strictly ascending, or a forecast paired with an actual is not
 *       finite.</li>
 * </ul>
 * Nothing passed in is modified.
 */
public final class ProbabilisticMetrics {
    /** Two levels closer than this are the same level (levels come from YAML and arithmetic). */
    static final double LEVEL_TOLERANCE = 1e-9;

    private ProbabilisticMetrics() {
    }

    /**
     * A central prediction interval formed by two quantile levels {@code tau} and {@code 1 - tau}.
     *
     * @param lower   index of level {@code tau} in the levels array
     * @param upper   index of level {@code 1 - tau}
     * @param nominal nominal coverage {@code 1 - 2 tau}, e.g. 0.8 for the 0.1/0.9 pair
     */
    public record CentralInterval(int lower, int upper, double nominal) {
    }

    /**
     * Mean pinball (quantile) loss of the {@code tau}-quantile forecast {@code q}: per period
     * {@code tau (y - q)} when {@code y >= q}, else {@code (1 - tau)(q - y)}; averaged over the
     * periods with an actual. NaN when no period has an actual.
     *
     * @throws IllegalArgumentException when {@code tau} is not in (0, 1), the lengths differ, or a
     *                                  forecast paired with an actual is not finite
     */
    public static double pinball(double[] y, double[] q, double tau) {
        requireLevel(tau);
        check(y, q);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                double e = y[i] - q[i];
                sum += e >= 0 ? tau * e : (1 - tau) * -e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Quantile-averaged approximation of the continuous ranked probability score:
     * {@code (2 / L) * sum_l pinball(y, quantiles[l], levels[l])} over the {@code L} levels.
     * The factor 2 is there because the CRPS equals {@code 2 * integral_0^1 pinball_tau d tau}
     * (Laio &amp; Tamea 2007; Gneiting &amp; Raftery 2007): with many evenly spread levels the sum
     * is a Riemann sum of that integral and converges to the CRPS, in the units of the series,
     * while with the few levels a forecast usually carries it is only an approximation (and ignores
     * the tails beyond the outer levels). NaN when no period has an actual.
     *
     * @param quantiles one forecast array per level, each as long as {@code y}
     * @param levels    the quantile levels, strictly ascending, each in (0, 1)
     * @throws IllegalArgumentException on an empty or mismatched level set, or as {@link #pinball}
     */
    public static double crps(double[] y, double[][] quantiles, double[] levels) {
        requireLevels(levels);
        if (quantiles.length != levels.length) {
            throw new IllegalArgumentException(quantiles.length + " quantile arrays for " + levels.length + " levels");
        }
        double sum = 0;
        for (int l = 0; l < levels.length; l++) {
            sum += pinball(y, quantiles[l], levels[l]);
        }
        return 2 * sum / levels.length;
    }

    /**
     * The central intervals the levels can form: every pair {@code (tau, 1 - tau)} with
     * {@code tau < 0.5} where both levels are present (within {@code 1e-9}). A level without its
     * mirror (e.g. 0.8 in {0.1, 0.5, 0.8}) forms no interval, and 0.5 is never a bound. Sorted by
     * nominal coverage ascending (innermost interval first); empty when no pair exists.
     *
     * @param levels quantile levels, strictly ascending, each in (0, 1)
     * @throws IllegalArgumentException when the levels are not strictly ascending in (0, 1)
     */
    public static List<CentralInterval> centralIntervals(double[] levels) {
        requireLevels(levels);
        List<CentralInterval> intervals = new ArrayList<>();
        for (int lower = 0; lower < levels.length && levels[lower] < 0.5 - LEVEL_TOLERANCE; lower++) {
            for (int upper = levels.length - 1; upper > lower; upper--) {
                if (Math.abs(levels[upper] - (1 - levels[lower])) <= LEVEL_TOLERANCE) {
                    intervals.add(new CentralInterval(lower, upper, 1 - 2 * levels[lower]));
                    break;
                }
            }
        }
        intervals.sort(Comparator.comparingDouble(CentralInterval::nominal));
        return List.copyOf(intervals);
    }

    /**
     * Every probabilistic score of one series over one backtest window. Pinball and CRPS are as
     * above; their scaled forms divide by {@code scale} in the manner of M5's scaled pinball loss
     * (SPL, whose scale is the in-sample mean absolute one-step difference; the caller chooses the
     * scale, e.g. {@link Scales#mase}) and are NaN when {@code scale} is not finite and {@code > 0}.
     * For each {@link #centralIntervals central interval} the score counts the periods with an
     * actual inside {@code [lower, upper]}, bounds included, and the mean width
     * {@code upper - lower} over those same periods, so that coverage and width describe one set of
     * periods.
     *
     * @param y         actuals of the window, NaN where missing
     * @param quantiles one forecast array per level, each as long as {@code y}
     * @param levels    the quantile levels, strictly ascending, each in (0, 1)
     * @param scale     the series' scale; NaN or {@code <= 0} gives NaN scaled values
     * @throws IllegalArgumentException as {@link #crps}
     */
    public static ProbabilisticScore score(double[] y, double[][] quantiles, double[] levels, double scale) {
        double crps = crps(y, quantiles, levels);
        boolean scaled = Metrics.isUsableScale(scale);
        List<ProbabilisticScore.LevelScore> levelScores = new ArrayList<>(levels.length);
        for (int l = 0; l < levels.length; l++) {
            double loss = pinball(y, quantiles[l], levels[l]);
            levelScores.add(new ProbabilisticScore.LevelScore(levels[l], loss, scaled ? loss / scale : Double.NaN));
        }
        List<ProbabilisticScore.IntervalScore> intervalScores = new ArrayList<>();
        for (CentralInterval interval : centralIntervals(levels)) {
            double[] lower = quantiles[interval.lower()];
            double[] upper = quantiles[interval.upper()];
            int inside = 0;
            int n = 0;
            double width = 0;
            for (int i = 0; i < y.length; i++) {
                if (!Double.isNaN(y[i])) {
                    n++;
                    width += upper[i] - lower[i];
                    if (y[i] >= lower[i] && y[i] <= upper[i]) {
                        inside++;
                    }
                }
            }
            double meanWidth = n == 0 ? Double.NaN : width / n;
            intervalScores.add(new ProbabilisticScore.IntervalScore(interval.nominal(), inside, n, meanWidth,
                    scaled ? meanWidth / scale : Double.NaN));
        }
        return new ProbabilisticScore(Metrics.count(y), scale, levelScores, crps, scaled ? crps / scale : Double.NaN,
                intervalScores);
    }

    static void requireLevels(double[] levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("no quantile levels");
        }
        for (int l = 0; l < levels.length; l++) {
            requireLevel(levels[l]);
            if (l > 0 && !(levels[l] > levels[l - 1])) {
                throw new IllegalArgumentException("quantile levels must be strictly ascending (" + levels[l]
                        + " after " + levels[l - 1] + ")");
            }
        }
    }

    private static void requireLevel(double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("quantile level must lie in (0, 1) (got " + tau + ")");
        }
    }

    private static void check(double[] y, double[] q) {
        if (y.length != q.length) {
            throw new IllegalArgumentException("actual has " + y.length + " values, quantile forecast " + q.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isFinite(q[i])) {
                throw new IllegalArgumentException("quantile forecast at index " + i + " is " + q[i] + ", expected a finite value");
            }
        }
    }
}
