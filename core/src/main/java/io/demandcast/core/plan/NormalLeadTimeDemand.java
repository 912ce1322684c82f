package io.demandcast.core.plan;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The classic normal approximation of lead-time demand: mean {@code mu}, standard deviation
 * {@code sigma} (for a lead time of L periods usually {@code sigma_1 * sqrt(L)}, from one-step
 * backtest residuals). The baseline the textbooks' safety-stock formula
 * {@code z_alpha * sigma} comes from; its quantiles may be negative or fractional, as the formula's are.
 */
public final class NormalLeadTimeDemand implements LeadTimeDemand {
    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);
    private final double mean;
    private final double sd;

    /** @throws IllegalArgumentException when a value is not finite or {@code sd} is negative */
    public NormalLeadTimeDemand(double mean, double sd) {
        if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException("normal lead-time demand needs a finite mean and a finite sd >= 0 (got " + mean + ", " + sd + ")");
        }
        this.mean = mean;
        this.sd = sd;
    }

    /** The standard normal quantile {@code z_p}. */
    public static double z(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile level must be in (0, 1) (got " + p + ")");
        }
        return STANDARD.inverseCumulativeProbability(p);
    }

    /**
     * The standard normal loss function {@code G(k) = E[max(Z - k, 0)] = phi(k) - k (1 - Phi(k))}.
     */
    public static double loss(double k) {
        return STANDARD.density(k) - k * (1 - STANDARD.cumulativeProbability(k));
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
        return mean + sd * z(p);
    }

    @Override
    public double cdf(double x) {
        if (sd == 0) {
            return x >= mean ? 1 : 0;
        }
        return STANDARD.cumulativeProbability((x - mean) / sd);
    }

    @Override
    public double expectedShortage(double x) {
        if (sd == 0) {
            return Math.max(mean - x, 0);
        }
        return sd * loss((x - mean) / sd);
    }
}
