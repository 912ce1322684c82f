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
}
