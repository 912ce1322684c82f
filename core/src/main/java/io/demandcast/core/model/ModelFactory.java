package io.demandcast.core.model;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.Frequency;

/** Builds the forecaster an experiment's {@code model} section describes. */
public final class ModelFactory {
    private ModelFactory() {
    }

    /**
     * @throws InvalidConfigException naming {@code model.family} or the parameter when the registry
     *                                does not know the family or a parameter is invalid
     */
    public static Forecaster create(ModelRegistry registry, ExperimentConfig config, Frequency frequency) {
        ModelFamily family;
        try {
            family = registry.family(config.model().family());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("model.family: " + e.getMessage(), e);
        }
        Integer season = config.data().seasonLength();
        ModelContext context = new ModelContext(frequency, season != null ? season : frequency.defaultSeasonLength());
        try {
            return family.create(config.model().params(), context);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }

    /**
     * Builds a forecaster from a family name and its parameters, for a data context.
     *
     * @param where the config location named in errors, e.g. {@code models[2]}
     * @throws InvalidConfigException naming {@code where} when the family or a parameter is invalid
     */
    public static Forecaster create(ModelRegistry registry, String family, com.fasterxml.jackson.databind.JsonNode params,
                                    ModelContext context, String where) {
        ModelFamily f;
        try {
            f = registry.family(family);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(where + ".family: " + e.getMessage(), e);
        }
        try {
            return f.create(params, context);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(where + ": " + e.getMessage(), e);
        }
    }
}
