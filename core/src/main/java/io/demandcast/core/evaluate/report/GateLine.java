package io.demandcast.core.evaluate.report;

import java.util.Objects;

/**
 * The outcome of one gate rule for one model.
 *
 * @param rule   the rule as configured, e.g. {@code skill_rmsse >= 0.05}
 * @param model  the model the rule was checked on
 * @param passed whether the model met the rule
 * @param detail the numbers behind the verdict, e.g. {@code skill_rmsse = 0.081}; may be empty
 */
public record GateLine(String rule, String model, boolean passed, String detail) {

    public GateLine {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(model, "model");
        detail = detail == null ? "" : detail;
    }
}
