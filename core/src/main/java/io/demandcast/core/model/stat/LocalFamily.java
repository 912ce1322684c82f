package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link ModelFamily} for a local method: builds the method from {@code model.params} and the
 * data context, and loads its saved per-series states.
 */
public final class LocalFamily implements ModelFamily {
    private final String name;
    private final String description;
    private final BiFunction<JsonNode, ModelContext, SeriesMethod> fromParams;
    private final Function<JsonNode, SeriesMethod> fromSavedParameters;

    /**
     * @param fromParams          the method from YAML params and data context (throws IllegalArgumentException naming the key)
     * @param fromSavedParameters the method from the {@code parameters} a saved model recorded
     */
    public LocalFamily(String name, String description, BiFunction<JsonNode, ModelContext, SeriesMethod> fromParams,
                       Function<JsonNode, SeriesMethod> fromSavedParameters) {
        this.name = name;
        this.description = description;
        this.fromParams = fromParams;
        this.fromSavedParameters = fromSavedParameters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Forecaster create(JsonNode params, ModelContext context) {
        return new LocalForecaster(fromParams.apply(params, context));
    }

    @Override
    public FittedModel load(Path directory) throws IOException {
        return FittedLocalModel.load(directory, name, fromSavedParameters);
    }
}
