package io.demandcast.core.config;

import java.util.List;

/**
 * One named what-if scenario of a {@code predict --scenario} file: overrides of known-future
 * covariates, applied in order over the forecast periods (see {@link ScenarioFile}).
 *
 * @param name      the scenario's name, written in the scenario CSV's {@code scenario} column
 * @param overrides at least one, in file order (a later one acts on what an earlier one left)
 * @param location  {@code file:line:column} of the scenario's entry, for messages
 */
public record Scenario(String name, List<CovariateOverride> overrides, String location) {
    public Scenario {
        overrides = List.copyOf(overrides);
        if (overrides.isEmpty()) {
            throw new IllegalArgumentException(location + ": scenario '" + name + "' has no overrides");
        }
    }
}
