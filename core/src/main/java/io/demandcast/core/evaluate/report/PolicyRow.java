package io.demandcast.core.evaluate.report;

import java.util.Objects;

/**
 * One row of the report's service-level table: what an inventory policy achieved over the backtest
 * for one model, one way of setting its order-up-to level and one demand class.
 *
 * @param model           the leaderboard model
 * @param rank            its leaderboard rank
 * @param policy          the policy's label, e.g. {@code csl_0.95_lt7}
 * @param fillRateTarget  true when the target is a fill rate, false for a cycle service level
 * @param target          the target, e.g. 0.95
 * @param leadTime        lead time in periods
 * @param review          review period in periods (0 = continuous review)
 * @param method          {@code bootstrap} (the model's forecast with its backtest errors) or {@code normal} (baseline)
 * @param demandClass     {@code all} or a demand class
 * @param cycles          cycles simulated
 * @param serviceLevel    achieved cycle service level
 * @param fillRate        achieved fill rate (NaN without demand)
 * @param averageStock    mean end-of-period stock, units
 * @param stockoutPeriods mean periods per cycle ending with unmet demand
 * @param meanLevel       mean order-up-to level, units
 */
public record PolicyRow(String model, int rank, String policy, boolean fillRateTarget, double target, int leadTime, int review,
                        String method, String demandClass, int cycles, double serviceLevel, double fillRate,
                        double averageStock, double stockoutPeriods, double meanLevel) {
    public PolicyRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(demandClass, "demandClass");
    }

    /** The target as words, e.g. {@code CSL 95%, L=7} or {@code fill rate 98%, L=2, R=5}. */
    public String targetText() {
        return (fillRateTarget ? "fill rate " : "CSL ") + Numbers.percent(target, "") + ", L=" + leadTime + (review == 0 ? "" : ", R=" + review);
    }
}
