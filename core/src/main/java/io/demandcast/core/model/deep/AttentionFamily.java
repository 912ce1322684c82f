package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code attention} family: the {@code lstm} family's global network and training with a
 * self-attention encoder. One LSTM layer reads the window in order (self-attention alone has no
 * sense of position), then {@code layers} of DL4J's multi-head self-attention layers let every
 * period of the window attend to every other before the last period's output goes to the dense
 * head. Everything else (inputs, scaling, direction head, quantiles, artifact) is the lstm's.
 */
public final class AttentionFamily implements ModelFamily {
    public static final String NAME = "attention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "global Deeplearning4j network with a self-attention encoder (one LSTM layer, then layers of multi-head"
                + " self-attention with heads heads): the lstm family's inputs, training and parameters, plus heads";
    }

    /**
     * @throws IllegalArgumentException naming {@code model.params.<key>} when a parameter is unknown or invalid
     */
    @Override
    public Forecaster create(JsonNode params, ModelContext context) {
        return new LstmForecaster(LstmSpec.parseAttention(params, context));
    }

    @Override
    public FittedModel load(Path directory) throws IOException {
        return FittedLstmModel.load(directory);
    }
}
