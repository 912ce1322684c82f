package io.demandcast.core.model.deep;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Adam;

/** Fine-tunable copies of a pre-trained {@link LstmNetwork}, through DL4J's {@code TransferLearning}. */
final class TransferNetworks {
    private TransferNetworks() {
    }

    /**
     * A copy of {@code parent} (whose weights stay untouched) trained from here on with Adam at
     * {@code learningRate} and the lowest {@code frozen} LSTM layers frozen: DL4J's
     * {@code setFeatureExtractor("lstm<k>")} freezes that layer and every vertex below it, so their
     * weights never move.
     */
    static LstmNetwork fineTunable(LstmNetwork parent, int frozen, double learningRate, long seed) {
        ComputationGraph copy = parent.graph().clone();
        FineTuneConfiguration tune = new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed).build();
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(copy).fineTuneConfiguration(tune);
        if (frozen > 0) {
            builder.setFeatureExtractor("lstm" + (frozen - 1));
        }
        ComputationGraph graph = builder.build();
        return new LstmNetwork(graph, parent.backend(), parent.windowChannels(), parent.lookback(), parent.futureSize(), parent.outputs());
    }

    /** The weights of LSTM layer {@code layer} (input, recurrent and bias), for checks. */
    static float[] layerParameters(LstmNetwork network, int layer) {
        return network.graph().getLayer("lstm" + layer).params().dup().data().asFloat();
    }
}
