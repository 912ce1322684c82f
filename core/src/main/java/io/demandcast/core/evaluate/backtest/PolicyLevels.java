package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ServicePolicy;
import io.demandcast.core.plan.LeadTimeDemand;

/**
 * The order-up-to level {@code S} of a policy from a lead-time demand distribution: for a cycle
 * service level alpha the alpha-quantile; for a fill rate beta the smallest {@code S >= 0} whose
 * expected shortage per cycle is at most {@code (1 - beta)} times the expected demand (one cycle's
 * fill rate {@code 1 - E[short] / E[D]}), found by bisection on the non-increasing expected shortage.
 * For count data the level is rounded up to a whole unit; it is never negative.
 */
final class PolicyLevels {
    private static final int BISECTIONS = 60;

    private PolicyLevels() {
    }

    static double orderUpTo(LeadTimeDemand demand, ServicePolicy policy, boolean counts) {
        double level = policy.targetsFillRate() ? fillRateLevel(demand, policy.fillRate()) : demand.quantile(policy.serviceLevel());
        level = Math.max(level, 0);
        return counts ? Math.ceil(level - 1e-9) : level;
    }

    private static double fillRateLevel(LeadTimeDemand demand, double beta) {
        double allowed = (1 - beta) * Math.max(demand.mean(), 0);
        if (demand.mean() <= 0 || demand.expectedShortage(0) <= allowed) {
            return 0; // no demand expected: any stock meets the target
        }
        double hi = Math.max(demand.quantile(0.999999), demand.mean() + 10 * demand.standardDeviation());
        for (int i = 0; i < BISECTIONS && demand.expectedShortage(hi) > allowed; i++) {
            hi = 2 * hi + 1;
        }
        double lo = 0;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (demand.expectedShortage(mid) <= allowed) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
