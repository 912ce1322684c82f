package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ServicePolicy;
import io.demandcast.core.plan.InventoryPolicy;
import io.demandcast.core.plan.LeadTimeDemand;
import io.demandcast.core.plan.ServiceTarget;

/**
 * The order-up-to level {@code S} of a backtest policy from a lead-time demand distribution: the level
 * one replenishment cycle over the whole interval starts with ({@link InventoryPolicy#cycleLevel}: the
 * alpha-quantile for a cycle service level; for a fill rate the smallest level whose expected shortage
 * is at most {@code (1 - beta)} times the expected demand). For count data the level is rounded up to
 * a whole unit; it is never negative.
 */
final class PolicyLevels {

    private PolicyLevels() {
    }

    static double orderUpTo(LeadTimeDemand demand, ServicePolicy policy, boolean counts) {
        ServiceTarget target = policy.targetsFillRate() ? ServiceTarget.fillRate(policy.fillRate()) : ServiceTarget.cycleService(policy.serviceLevel());
        double level = Math.max(InventoryPolicy.cycleLevel(demand, target), 0);
        return counts ? Math.ceil(level - 1e-9) : level;
    }
}
