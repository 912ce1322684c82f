package io.demandcast.core.plan;

import java.util.Arrays;

/**
 * A lead-time demand distribution given by equally likely draws (simulated sample paths summed over
 * the interval, or bootstrap replicates). Quantiles are order statistics (the smallest draw with at
 * least the asked share at or below it), so integer draws give integer reorder points.
 */
public final class EmpiricalLeadTimeDemand implements LeadTimeDemand {
    private final double[] sorted;
    /** tail[i] = sum of sorted[i..n-1], for expected shortage in one binary search. */
    private final double[] tail;
    private final double mean;
    private final double sd;

    /**
     * @param draws at least one finite value; copied
     * @throws IllegalArgumentException when empty or when a draw is not finite
     */
    public EmpiricalLeadTimeDemand(double[] draws) {
        if (draws.length == 0) {
            throw new IllegalArgumentException("a lead-time demand distribution needs at least one draw");
        }
        sorted = draws.clone();
        for (double d : sorted) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("lead-time demand draw is not finite: " + d);
            }
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        tail = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + sorted[i];
        }
        mean = tail[0] / n;
        double ss = 0;
        for (double d : sorted) {
            ss += (d - mean) * (d - mean);
        }
        sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    }

    /** The number of draws. */
    public int size() {
        return sorted.length;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double standardDeviation() {
        return sd;
    }

    @Override
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile level must be in (0, 1) (got " + p + ")");
        }
        int k = (int) Math.ceil(p * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    @Override
    public double cdf(double x) {
        return (double) countAtOrBelow(x) / sorted.length;
    }

    @Override
    public double expectedShortage(double x) {
        int i = countAtOrBelow(x);
        int above = sorted.length - i;
        return (tail[i] - above * x) / sorted.length;
    }

    private int countAtOrBelow(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
