package io.demandcast.core.evaluate;

/**
 * The empirical quantile split conformal prediction takes of {@code n} calibration scores
 * {@code s_(1) <= ... <= s_(n)}, with the finite-sample correction, for a one-sided bound at level
 * {@code tau}:
 * <ul>
 *   <li>{@code tau >= 0.5} (an upper bound): the order statistic of rank
 *       {@code k = ceil((n + 1) tau)}. If the scores and a new score are exchangeable, the new one
 *       is {@code <= s_(k)} with probability at least {@code k / (n + 1) >= tau} (Vovk et al.;
 *       Angelopoulos &amp; Bates 2021 write it as the {@code ceil((n+1)(1-alpha))/n} quantile).</li>
 *   <li>{@code tau < 0.5} (a lower bound): rank {@code k = floor((n + 1) tau)}, the mirror image: the
 *       new score falls below {@code s_(k)} with probability at most {@code k / (n + 1) <= tau}.
 *       It equals the upper rule applied to the negated scores at {@code 1 - tau}, so a central
 *       interval {@code [tau, 1 - tau]} covers at least {@code 1 - 2 tau}.</li>
 * </ul>
 * Both ranks move outward from the plain empirical quantile, which is why small samples give wider
 * intervals. When {@code n} is too small for the correction ({@code k > n} above, {@code k < 1}
 * below, i.e. {@code n < }{@link #minScores(double)}) the exact rule would give an infinite bound;
 * we fall back to the largest (smallest) score instead, so the bound stays finite but loses its
 * coverage guarantee. Callers that care compare their count with {@link #minScores(double)}.
 * Products {@code (n + 1) tau} are rounded with a {@code 1e-9} tolerance before ceil/floor, so
 * that {@code 10 * 0.9} counts as exactly 9 whatever the binary representation of 0.9.
 */
public final class ConformalQuantile {
    private static final double ROUNDING = 1e-9;

    private ConformalQuantile() {
    }

    /**
     * The 1-based rank the finite-sample rule asks for, before any fallback: may be 0 (below the
     * smallest score) or {@code n + 1} (above the largest).
     *
     * @throws IllegalArgumentException when {@code n < 1} or {@code tau} is not in (0, 1)
     */
    public static int correctedRank(int n, double tau) {
        requireArguments(n, tau);
        double position = (n + 1) * tau;
        return tau >= 0.5 ? (int) Math.ceil(position - ROUNDING) : (int) Math.floor(position + ROUNDING);
    }

    /** {@link #correctedRank} clamped to {@code 1..n}: the rank actually used. */
    public static int rank(int n, double tau) {
        return Math.max(1, Math.min(n, correctedRank(n, tau)));
    }

    /**
     * The fewest scores for which {@link #correctedRank} needs no fallback at level {@code tau}:
     * {@code ceil(tau / (1 - tau))} for {@code tau >= 0.5}, {@code ceil((1 - tau) / tau)} below
     * (9 for 0.1 and 0.9, 19 for 0.05 and 0.95).
     *
     * @throws IllegalArgumentException when {@code tau} is not in (0, 1)
     */
    public static int minScores(double tau) {
        requireArguments(1, tau);
        double ratio = tau >= 0.5 ? tau / (1 - tau) : (1 - tau) / tau;
        return Math.max(1, (int) Math.ceil(ratio - ROUNDING));
    }

    /**
     * The score at {@link #rank} in {@code sorted}.
     *
     * @param sorted calibration scores, ascending, at least one; not modified
     * @throws IllegalArgumentException when {@code sorted} is empty or {@code tau} is not in (0, 1)
     */
    public static double of(double[] sorted, double tau) {
        return sorted[rank(sorted.length, tau) - 1];
    }

    private static void requireArguments(int n, double tau) {
        if (n < 1) {
            throw new IllegalArgumentException("a conformal quantile needs at least one score (got " + n + ")");
        }
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("quantile level must lie in (0, 1) (got " + tau + ")");
        }
    }
}
