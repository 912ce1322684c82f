package io.demandcast.core.evaluate.backtest;

import java.util.List;

/**
 * The policy simulation of one model's backtest: the aggregated outcomes and every cycle behind them.
 *
 * @param outcomes per policy (config order), method (bootstrap, then normal) and demand class
 *                 ({@value PolicySimulation#ALL} first, then the classes alphabetically)
 * @param cycles   every simulated cycle, window-major
 */
public record ServiceLevels(List<PolicyOutcome> outcomes, List<PolicySimulation.Cycle> cycles) {
    /** No policy was configured. */
    public static final ServiceLevels NONE = new ServiceLevels(List.of(), List.of());

    public ServiceLevels {
        outcomes = List.copyOf(outcomes);
        cycles = List.copyOf(cycles);
    }

    /** The outcome over every cycle of the policy and method, or null when none was simulated. */
    public PolicyOutcome overall(io.demandcast.core.config.ServicePolicy policy, String method) {
        for (PolicyOutcome o : outcomes) {
            if (o.policy().equals(policy) && o.method().equals(method) && o.demandClass().equals(PolicySimulation.ALL)) {
                return o;
            }
        }
        return null;
    }
}
