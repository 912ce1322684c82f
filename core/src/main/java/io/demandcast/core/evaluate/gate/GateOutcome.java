package io.demandcast.core.evaluate.gate;

import io.demandcast.core.config.GateRule;

/**
 * The result of one gate rule on one model.
 *
 * @param rule     the rule as configured
 * @param ruleText the rule in compact canonical form, e.g. {@code {metric: rmsse, max: 0.9}} ({@link Gate#ruleText})
 * @param model    leaderboard name of the model checked ({@code production} when a rule names the
 *                 production model and the store has none)
 * @param passed   whether the model met the rule
 * @param reason   one line with the numbers, e.g. {@code rmsse 0.934 > max 0.9}; says why it passed too
 */
public record GateOutcome(GateRule rule, String ruleText, String model, boolean passed, String reason) {
}
