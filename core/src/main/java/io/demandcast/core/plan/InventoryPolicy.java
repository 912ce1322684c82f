package io.demandcast.core.plan;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Stock levels that meet a service target, from lead-time demand distributions of any shape
 * (empirical draws or the normal approximation). Two policies, as in Silver, Pyke and Thomas,
 * <i>Inventory and Production Management in Supply Chains</i> (4th ed., 2017), and Axsäter,
 * <i>Inventory Control</i> (3rd ed., 2015), ch. 5 (reorder points):
 * <ul>
 *   <li>continuous review (s, Q): order Q when the inventory position falls to the reorder point s;
 *       the stock must cover the demand over the lead time L, {@code D_L};</li>
 *   <li>periodic review (R, S): every R periods order up to S; the stock must cover the demand over
 *       L + R, {@code D_{L+R}}.</li>
 * </ul>
 * Cycle service level alpha (P1): the level is the alpha-quantile of the protection interval's demand.
 * Fill rate beta (P2): the smallest level whose expected shortage per replenishment cycle is at most
 * {@code (1 - beta)} times the demand per cycle, with the shortage counted exactly as the units short
 * at the cycle's end less those already short at its start:
 * <pre>
 *   (R, S):  E[(D_{L+R} - S)+] - E[(D_L - S)+]      &lt;= (1 - beta) E[D_R],   E[D_R] = E[D_{L+R}] - E[D_L]
 *   (s, Q):  E[(D_L - s)+]     - E[(D_L - s - Q)+]  &lt;= (1 - beta) Q
 * </pre>
 * This is the P2 condition of Silver, Pyke and Thomas (the chapter on individual items with
 * probabilistic demand, (s, Q) and (R, S) with a fill-rate target) and Axsäter (ch. 5, fill rate) before
 * the second term is dropped; {@link NormalBaseline} drops it, as the classic formulas do.
 * The second term matters when the level is low relative to the cycle's demand, as for slow movers.
 * Nothing here rounds: reorder points and order-up-to levels are as fractional as the distribution's
 * quantiles (integer for integer draws); {@link OrderQuantity} rounds the order.
 */
public final class InventoryPolicy {
    private static final int MAX_EVALUATIONS = 200;

    private InventoryPolicy() {
    }

    /**
     * The reorder point s of continuous review with orders of {@code orderQuantity} units.
     *
     * @param orderQuantity Q, the usual order size (plan uses the expected demand per review period);
     *                      only the fill rate reads it
     */
    public static double reorderPoint(LeadTimeDemand lead, ServiceTarget target, double orderQuantity) {
        if (target.kind() == ServiceTarget.Kind.cycle_service) {
            return lead.quantile(target.level());
        }
        double q = orderQuantity;
        return smallestLevel(s -> lead.expectedShortage(s) - lead.expectedShortage(s + q), (1 - target.level()) * q, lead);
    }

    /** The order-up-to level S of periodic review: {@code leadAndReview} is the demand over L + R, {@code lead} over L. */
    public static double orderUpTo(LeadTimeDemand lead, LeadTimeDemand leadAndReview, ServiceTarget target) {
        if (target.kind() == ServiceTarget.Kind.cycle_service) {
            return leadAndReview.quantile(target.level());
        }
        double perCycle = leadAndReview.mean() - lead.mean();
        return smallestLevel(s -> leadAndReview.expectedShortage(s) - lead.expectedShortage(s), (1 - target.level()) * perCycle,
                leadAndReview);
    }

    /**
     * The level S that one replenishment cycle starts with when nothing else is in the pipeline: the
     * stock must cover the whole {@code interval}'s demand, so the fill rate's shortage per cycle is
     * {@code E[(D - S)+]} against {@code (1 - beta) E[D]} (the backtest's simulated cycle).
     */
    public static double cycleLevel(LeadTimeDemand interval, ServiceTarget target) {
        if (target.kind() == ServiceTarget.Kind.cycle_service) {
            return interval.quantile(target.level());
        }
        return smallestLevel(interval::expectedShortage, (1 - target.level()) * interval.mean(), interval);
    }

    /**
     * The smallest level x with {@code shortage(x) <= allowed}, for a shortage per cycle that falls
     * towards zero as x grows. When nothing is allowed short because no demand is expected per cycle,
     * the fill rate says nothing: the interval's mean is returned (no safety stock).
     */
    static double smallestLevel(DoubleUnaryOperator shortage, double allowed, LeadTimeDemand interval) {
        if (!(allowed > 0)) {
            return interval.mean();
        }
        DoubleUnaryOperator excess = x -> shortage.applyAsDouble(x) - allowed;
        double scale = Math.max(Math.max(interval.standardDeviation(), Math.abs(interval.mean())), 1);
        double hi = interval.mean() + interval.standardDeviation();
        double step = scale;
        for (int i = 0; excess.applyAsDouble(hi) > 0; i++) {
            if (i == 100) {
                throw new IllegalStateException("no stock level meets the fill rate (allowed shortage " + allowed + ")");
            }
            hi += step;
            step *= 2;
        }
        double lo = Math.min(interval.mean() - interval.standardDeviation(), hi) - scale;
        step = scale;
        for (int i = 0; excess.applyAsDouble(lo) <= 0; i++) {
            if (i == 100) {
                return lo;
            }
            lo -= step;
            step *= 2;
        }
        // BELOW_SIDE: the root's side where the excess is <= 0, so the level returned meets the target.
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-12, 1e-9 * scale, 5);
        return solver.solve(MAX_EVALUATIONS, excess::applyAsDouble, lo, hi, AllowedSolution.BELOW_SIDE);
    }
}
