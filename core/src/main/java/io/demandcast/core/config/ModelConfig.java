package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The model to fit.
 *
 * @param name   artifact name in the store, a folder name: {@link Names#PATTERN}; null until the
 *               {@link ExperimentConfig} holding it fills in its default, the experiment's {@code name}
 *               (not the family: unrelated experiments of one family would share a store folder)
 * @param family model family, e.g. {@code naive}, {@code seasonal_naive}
 * @param params family-specific hyper-parameters, validated by the family
 */
public record ModelConfig(String name, String family, JsonNode params) {

    public ModelConfig {
        family = family == null ? "seasonal_naive" : family;
        if (name != null) {
            Names.require("model.name", name);
        }
        params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }

    /** This model under {@code defaultName} when it has no name of its own. */
    public ModelConfig named(String defaultName) {
        return name != null ? this : new ModelConfig(defaultName, family, params);
    }
}
