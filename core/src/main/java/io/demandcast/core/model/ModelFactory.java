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
        return create(registry, config, context(config, frequency, null, java.util.List.of()));
    }

    /**
     * The context of an experiment's data: its frequency and season length, the horizon it forecasts
     * ({@code horizon}, else one season), the prepared dataset's past-only columns and the quantile
     * levels it requests ({@code predict.quantiles}).
     */
    public static ModelContext context(ExperimentConfig config, Frequency frequency, Integer horizon, java.util.List<String> pastOnly) {
        Integer season = config.data().seasonLength();
        int m = season != null ? season : frequency.defaultSeasonLength();
        return new ModelContext(frequency, m, horizon != null ? horizon : m, pastOnly).withQuantileLevels(config.predict().levels());
    }

    /**
     * Builds the forecaster of the {@code model} section for a data context.
     *
     * @throws InvalidConfigException as {@link #create(ModelRegistry, ExperimentConfig, Frequency)}
     */
    public static Forecaster create(ModelRegistry registry, ExperimentConfig config, ModelContext context) {
        ModelFamily family;
        try {
            family = registry.family(config.model().family());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("model.family: " + e.getMessage(), e);
        }
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
