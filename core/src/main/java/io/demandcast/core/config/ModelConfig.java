package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The model to fit.
 *
 * @param name   artifact name in the store (default: the family), a folder name: {@link Names#PATTERN}
 * @param family model family, e.g. {@code naive}, {@code seasonal_naive}
 * @param params family-specific hyper-parameters, validated by the family
 */
public record ModelConfig(String name, String family, JsonNode params) {

    public ModelConfig {
        family = family == null ? "seasonal_naive" : family;
        name = name == null ? family : name;
        Names.require("model.name", name);
        params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }
}
