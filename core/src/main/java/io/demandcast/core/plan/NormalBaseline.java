package io.demandcast.core.plan;

import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The classic normal-approximation policy every planner knows, the baseline {@code plan} reports beside
 * its own: demand of {@code mu} per period with one-period standard deviation {@code sigma_1},
 * independent across periods, so the demand over {@code n} periods has mean {@code mu n} and standard
 * deviation {@code sigma_1 sqrt(n)}:
 * <pre>
 *   reorder point      ROP = mu L       + k_L  sigma_1 sqrt(L)
 *   order-up-to level  S   = mu (L + R) + k_LR sigma_1 sqrt(L + R)
 *   safety stock       SS  = S - mu (L + R)
 * </pre>
 * Cycle service level alpha: {@code k = z_alpha}. Fill rate beta (Silver, Pyke and Thomas, <i>Inventory and
 * Production Management in Supply Chains</i>, 4th ed., 2017, the P2 conditions with the standard normal loss
 * function {@code G(k)}, {@link NormalLeadTimeDemand#loss}; the shortage carried in from the cycle before
 * is ignored, as the textbook formula does):
 * <pre>
 *   (R, S):  sigma_1 sqrt(L + R) G(k_LR) = (1 - beta) mu R
 *   (s, Q):  sigma_1 sqrt(L)     G(k_L)  = (1 - beta) Q,     Q = mu R
 * </pre>
 *
 * @param safetyStock safety stock of the order-up-to level, {@code S - mu (L + R)}
 * @param reorderPoint ROP
 * @param orderUpTo S
 */
public record NormalBaseline(double safetyStock, double reorderPoint, double orderUpTo) {

    /**
     * @param mu     expected demand per period
     * @param sigma1 standard deviation of one period's demand (or one-step forecast error), {@code >= 0}
     * @param lead   L, periods, {@code >= 1}
     * @param review R, periods, {@code >= 1}
     * @throws IllegalArgumentException on a negative or non-finite sigma, or a period count below 1
     */
    public static NormalBaseline of(double mu, double sigma1, int lead, int review, ServiceTarget target) {
        if (!Double.isFinite(mu) || !Double.isFinite(sigma1) || sigma1 < 0) {
            throw new IllegalArgumentException("the normal baseline needs a finite mu and sigma_1 >= 0 (got " + mu + ", " + sigma1 + ")");
        }
        if (lead < 1 || review < 1) {
            throw new IllegalArgumentException("lead time and review period must be >= 1 period (got " + lead + ", " + review + ")");
        }
        double sdLead = sigma1 * Math.sqrt(lead);
        double sdProtection = sigma1 * Math.sqrt(lead + review);
        double kLead;
        double kProtection;
        if (target.kind() == ServiceTarget.Kind.cycle_service) {
            kLead = NormalLeadTimeDemand.z(target.level());
            kProtection = kLead;
        } else {
            double perCycle = mu * review;
            kLead = kForLoss((1 - target.level()) * perCycle, sdLead);
            kProtection = kForLoss((1 - target.level()) * perCycle, sdProtection);
        }
        double ss = kProtection * sdProtection;
        return new NormalBaseline(ss, mu * lead + kLead * sdLead, mu * (lead + review) + ss);
    }

    /**
     * The safety factor k with {@code sd G(k) = shortage}; 0 when there is no uncertainty or no demand
     * per cycle to fall short of (the fill rate then does not constrain the level).
     */
    static double kForLoss(double shortage, double sd) {
        if (!(sd > 0) || !(shortage > 0)) {
            return 0;
        }
        double g = shortage / sd;
        // G(k) falls from +infinity (G(k) ~ -k for k far below 0) to 0: G(-g - 10) > g > G(40) = 0.
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-14, 1e-12, 5);
        return solver.solve(200, k -> NormalLeadTimeDemand.loss(k) - g, -g - 10, 40, AllowedSolution.BELOW_SIDE);
    }
}
