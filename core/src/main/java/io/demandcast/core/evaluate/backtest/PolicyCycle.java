package io.demandcast.core.evaluate.backtest;

/**
 * One replenishment cycle of an order-up-to policy, replayed on actual demand: the cycle starts at a
 * window's cutoff with {@code max(S, 0)} units on hand (the order placed a lead time earlier has
 * just arrived) and nothing arrives during the protection interval of P periods. Demand beyond the
 * stock is backordered, so the stock at the end of period t is {@code S - D_t} with {@code D_t} the
 * demand of periods 1..t; the cycle is short when {@code D_P > S}.
 *
 * @param served          1 when the cycle's demand was covered, {@code D_P <= S} (cycle service)
 * @param demand          demand over the P periods, {@code D_P}
 * @param shortage        units not served from stock, {@code max(D_P - S, 0)}
 * @param averageStock    mean end-of-period on-hand stock, {@code mean_t max(S - D_t, 0)}
 * @param stockoutPeriods periods that end with unmet demand, {@code #{t : D_t > S}}
 */
public record PolicyCycle(boolean served, double demand, double shortage, double averageStock, int stockoutPeriods) {

    /**
     * Replays {@code demand} (one value per period, all finite and {@code >= 0} in practice) from a
     * stock of {@code max(level, 0)}.
     *
     * @throws IllegalArgumentException when {@code demand} is empty or holds a non-finite value
     */
    public static PolicyCycle replay(double level, double[] demand) {
        if (demand.length == 0) {
            throw new IllegalArgumentException("a cycle needs at least one period of demand");
        }
        double stock = Math.max(level, 0);
        double cumulative = 0;
        double onHand = 0;
        int out = 0;
        for (double d : demand) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("demand must be finite (got " + d + ")");
            }
            cumulative += d;
            onHand += Math.max(stock - cumulative, 0);
            if (cumulative > stock) {
                out++;
            }
        }
        return new PolicyCycle(cumulative <= stock, cumulative, Math.max(cumulative - stock, 0), onHand / demand.length, out);
    }
}
