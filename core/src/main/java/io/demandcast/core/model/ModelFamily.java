package io.demandcast.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One model family known to demandcast: builds its {@link Forecaster} from the YAML
 * {@code model.params} node and loads what its {@link FittedModel#save} wrote.
 */
public interface ModelFamily {

    /** Family name as written in configs. */
    String name();

    /** One line for help and docs: what the model does and its parameters. */
    String description();

    /**
     * Builds a forecaster.
     *
     * @param params    the {@code model.params} node (an empty object when absent)
     * @param context   frequency and season length of the data, for defaults
     * @throws IllegalArgumentException naming the parameter and value when one is invalid
     */
    Forecaster create(JsonNode params, ModelContext context);

    /** Loads a fitted model saved by this family. */
    FittedModel load(Path directory) throws IOException;
}
