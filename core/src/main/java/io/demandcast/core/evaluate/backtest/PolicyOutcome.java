package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ServicePolicy;

/**
 * What one inventory policy achieved over the backtest's replenishment cycles (one per series and
 * simulated window) for one model and one way of setting the order-up-to level.
 *
 * @param policy          the policy simulated
 * @param method          how the lead-time demand distribution was estimated: {@value PolicySimulation#BOOTSTRAP}
 *                        (the model's forecast plus the bootstrap of scaled cumulative backtest errors)
 *                        or {@value PolicySimulation#NORMAL} (the normal-approximation baseline)
 * @param demandClass     the demand class of the cycles, or {@value PolicySimulation#ALL} for every cycle
 * @param cycles          cycles simulated
 * @param serviceLevel    achieved cycle service level: share of cycles without a stockout
 * @param fillRate        achieved fill rate: 1 − units short / units demanded, over all cycles (NaN without demand)
 * @param averageStock    mean on-hand stock at the end of a period, in units
 * @param stockoutPeriods mean periods per cycle that end with unmet demand
 * @param meanLevel       mean order-up-to level S, in units
 */
public record PolicyOutcome(ServicePolicy policy, String method, String demandClass, int cycles, double serviceLevel,
                            double fillRate, double averageStock, double stockoutPeriods, double meanLevel) {
}
