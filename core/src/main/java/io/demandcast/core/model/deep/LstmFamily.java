package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code lstm} family: a global Deeplearning4j LSTM network over all series. Building its
 * forecaster only reads parameters; ND4J starts when a network is first built or loaded.
 */
public final class LstmFamily implements ModelFamily {
    public static final String NAME = "lstm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "global Deeplearning4j LSTM over all series: windows of lookback periods of the scaled target, known covariates,"
                + " calendar and static one-hot inputs, the horizon's known covariates, all steps at once; layers, units, dropout,"
                + " l2 / weight_decay, optimizer adam|adamw, learning_rate, batch_size, epochs, patience, validation, loss mse|poisson;"
                + " pretrain {prepared, epochs, learning_rate, batches_per_epoch, max_windows} and fine_tune {group_by, freeze, epochs,"
                + " learning_rate, batches_per_epoch} for transfer learning";
    }

    /**
     * @throws IllegalArgumentException naming {@code model.params.<key>} when a parameter is unknown or invalid
     */
    @Override
    public Forecaster create(JsonNode params, ModelContext context) {
        if (TransferSpec.requested(params)) {
            ObjectNode own = ((ObjectNode) params).deepCopy();
            own.remove(TransferSpec.KEYS);
            LstmSpec spec = LstmSpec.parse(own, context);
            return new TransferLstmForecaster(spec, TransferSpec.parse(params.get("pretrain"), params.get("fine_tune"), spec.layers()));
        }
        return new LstmForecaster(LstmSpec.parse(params, context));
    }

    @Override
    public FittedModel load(Path directory) throws IOException {
        return FittedTransferLstm.isSavedIn(directory) ? FittedTransferLstm.load(directory) : FittedLstmModel.load(directory);
    }
}
