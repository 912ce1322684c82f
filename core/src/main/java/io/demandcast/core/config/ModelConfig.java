package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The model to fit.
 *
 * @param name   artifact name in the store (default: the family)
 * @param family model family, e.g. {@code naive}, {@code seasonal_naive}
 * @param params family-specific hyper-parameters, validated by the family
 */
public record ModelConfig(String name, String family, JsonNode params) {

    public ModelConfig {
        family = family == null ? "seasonal_naive" : family;
        name = name == null ? family : name;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("model.name may only hold letters, digits, '.', '_' and '-' (got '" + name + "')");
        }
        params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }
}
