package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One model of a leaderboard ({@code models:} list): a family with its parameters, or a published
 * artifact {@code name@version} whose family and parameters are refitted on every window (an
 * artifact fitted on all the data would have seen the backtest's future).
 *
 * @param name     leaderboard name (default: the family, or the artifact's {@code name@version})
 * @param family   model family, e.g. {@code auto_ets}
 * @param params   the family's parameters
 * @param artifact {@code name@version} (or {@code name}, meaning its latest version) in {@code train.store}
 */
public record ModelSpec(String name, String family, JsonNode params, String artifact) {

    public ModelSpec {
        if ((family == null) == (artifact == null)) {
            throw new IllegalArgumentException("a model spec needs either 'family' or 'artifact' (got "
                    + (family == null ? "neither" : "both") + ")");
        }
        if (artifact != null && params != null && !params.isNull() && !params.isEmpty()) {
            throw new IllegalArgumentException("an artifact model spec takes its params from the artifact; remove 'params'");
        }
        if (artifact != null && !artifact.matches("[A-Za-z0-9._-]+(@[A-Za-z0-9._-]+)?")) {
            throw new IllegalArgumentException("artifact must be name or name@version (got '" + artifact + "')");
        }
        name = name == null ? (family != null ? family : artifact) : name;
        if (!name.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("model name may only hold letters, digits, '.', '_', '@' and '-' (got '" + name + "')");
        }
        params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }

    /** The spec of an experiment's {@code model} section. */
    public static ModelSpec of(ModelConfig model) {
        return new ModelSpec(model.name(), model.family(), model.params(), null);
    }

    /** The artifact's model name (before {@code @}). */
    public String artifactName() {
        int at = artifact.indexOf('@');
        return at < 0 ? artifact : artifact.substring(0, at);
    }

    /** The artifact's version reference (after {@code @}), {@code latest} when absent. */
    public String artifactVersion() {
        int at = artifact.indexOf('@');
        return at < 0 ? "latest" : artifact.substring(at + 1);
    }
}
