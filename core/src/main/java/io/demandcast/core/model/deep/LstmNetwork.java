package io.demandcast.core.model.deep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The {@code lstm} family's Deeplearning4j network, the only class of the family that touches DL4J
 * or ND4J (so loading the family, building its forecaster and reading its parameters do not start
 * ND4J). Everything crosses this class as plain float arrays.
 *
 * <p>A {@link ComputationGraph}: input {@code window} (channels × lookback) through {@code layers}
 * stacked LSTM layers ({@code lstm0}, {@code lstm1}, ...); a {@link LastTimeStepVertex} ({@code last})
 * takes the last step's output; a {@link MergeVertex} ({@code merge}) joins it to input {@code future}
 * (the forecast periods' covariates, flattened; absent when a period has no covariate input); a
 * dense ReLU layer ({@code dense}) and an output layer ({@code out}) give the {@code horizon} steps
 * at once. A graph with a vertex, not DL4J's {@code LastTimeStep} layer wrapper, because
 * {@code TransferLearning} fails on the wrapper (STACK.md). Dropout (DL4J's inverted dropout, which
 * DL4J configures by the probability to keep) is applied to the inputs of every LSTM layer but the
 * first and of the dense layer.
 *
 * <p>Not thread-safe for training; {@link #predict} may be called from many threads (calls are
 * serialised: a DL4J graph's inference is not thread-safe).
 */
final class LstmNetwork implements LstmPredictor {
    static final String WINDOW = "window";
    static final String FUTURE = "future";
    static final String OUTPUT = "out";

    private final ComputationGraph graph;
    private final int windowChannels;
    private final int lookback;
    private final int futureSize;
    private final int outputs;

    private LstmNetwork(ComputationGraph graph, int windowChannels, int lookback, int futureSize, int outputs) {
        this.graph = graph;
        this.windowChannels = windowChannels;
        this.lookback = lookback;
        this.futureSize = futureSize;
        this.outputs = outputs;
    }

    /** A network with fresh weights drawn from {@code spec.seed()}. */
    static LstmNetwork create(LstmSpec spec, int windowChannels, int lookback, int futureSize) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(spec.learningRateDecay() < 1
                        ? new Adam(new ExponentialSchedule(ScheduleType.EPOCH, spec.learningRate(), spec.learningRateDecay()))
                        : new Adam(spec.learningRate()));
        if (spec.optimizer() == LstmSpec.Optimizer.ADAMW) {
            base.weightDecay(spec.weightDecay());
        } else if (spec.l2() > 0) {
            base.l2(spec.l2());
        }
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder();
        boolean future = futureSize > 0;
        if (future) {
            g.addInputs(WINDOW, FUTURE).setInputTypes(InputType.recurrent(windowChannels, lookback), InputType.feedForward(futureSize));
        } else {
            g.addInputs(WINDOW).setInputTypes(InputType.recurrent(windowChannels, lookback));
        }
        double keep = 1 - spec.dropout();
        String previous = WINDOW;
        for (int l = 0; l < spec.layers(); l++) {
            LSTM.Builder layer = new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH);
            if (l > 0 && spec.dropout() > 0) {
                layer.dropOut(keep);
            }
            g.addLayer("lstm" + l, layer.build(), previous);
            previous = "lstm" + l;
        }
        g.addVertex("last", new LastTimeStepVertex(WINDOW), previous);
        if (future) {
            g.addVertex("merge", new MergeVertex(), "last", FUTURE);
        }
        DenseLayer.Builder dense = new DenseLayer.Builder().nOut(spec.units()).activation(Activation.RELU);
        if (spec.dropout() > 0) {
            dense.dropOut(keep);
        }
        g.addLayer("dense", dense.build(), future ? "merge" : "last");
        boolean poisson = spec.loss() == LstmSpec.Loss.POISSON;
        g.addLayer(OUTPUT, new OutputLayer.Builder(poisson ? LossFunctions.LossFunction.POISSON : LossFunctions.LossFunction.MSE)
                .nOut(spec.horizon()).activation(poisson ? Activation.SOFTPLUS : Activation.IDENTITY).build(), "dense");
        g.setOutputs(OUTPUT);
        // The graph draws its weights from the configuration's seed; dropout masks from ND4J's
        // per-thread generator, seeded here and again before training.
        Nd4j.getRandom().setSeed(spec.seed());
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return new LstmNetwork(graph, windowChannels, lookback, futureSize, spec.horizon());
    }

    /** Seeds ND4J's generator of this thread (dropout masks) before training. */
    static void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }

    int windowChannels() {
        return windowChannels;
    }

    int lookback() {
        return lookback;
    }

    int futureSize() {
        return futureSize;
    }

    int outputs() {
        return outputs;
    }

    long parameterCount() {
        return graph.numParams();
    }

    /**
     * One gradient step on a minibatch.
     *
     * @param window {@code rows × windowChannels × lookback}, row-major
     * @param future {@code rows × futureSize}
     * @param labels {@code rows × outputs}
     * @return the minibatch's loss as DL4J scores it (with dropout and the L2 penalty)
     */
    double fit(float[] window, float[] future, float[] labels, int rows) {
        INDArray[] in = inputs(window, future, rows);
        graph.fit(in, new INDArray[] {Nd4j.create(labels, new long[] {rows, outputs}, 'c')});
        return graph.score();
    }

    /** Counts an epoch as done: the learning-rate schedule ({@code learning_rate_decay}) is by epoch. */
    void endEpoch() {
        graph.incrementEpochCount();
    }

    /** The learning rate the next gradient step of layer {@code lstm0} uses. */
    double learningRate() {
        return graph.getLearningRate("lstm0");
    }

    /** The network's outputs ({@code rows × outputs}, row-major) in inference mode (no dropout). */
    @Override
    public float[] predict(float[] window, float[] future, int rows) {
        INDArray[] in = inputs(window, future, rows);
        synchronized (this) {
            return graph.outputSingle(false, in).castTo(DataType.FLOAT).data().asFloat();
        }
    }

    private INDArray[] inputs(float[] window, float[] future, int rows) {
        INDArray w = Nd4j.create(window, new long[] {rows, windowChannels, lookback}, 'c');
        if (futureSize == 0) {
            return new INDArray[] {w};
        }
        return new INDArray[] {w, Nd4j.create(future, new long[] {rows, futureSize}, 'c')};
    }

    /** A copy of the weights. */
    float[] parameters() {
        return graph.params().dup().data().asFloat();
    }

    /** Puts back weights {@link #parameters()} returned. */
    void setParameters(float[] values) {
        graph.setParams(Nd4j.create(values, new long[] {1, values.length}, 'c'));
    }

    /**
     * Writes the network in DL4J's own zip format (configuration and weights, no updater state).
     * Through a stream closed here: {@code ModelSerializer}'s file variant fails with some commons-io
     * versions after writing a complete zip (STACK.md).
     */
    void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelSerializer.writeModel(graph, out, false);
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException naming the file when it is not such a network, or its shape differs from the expected one
     */
    static LstmNetwork read(Path file, int windowChannels, int lookback, int futureSize, int outputs) throws IOException {
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a Deeplearning4j network this build can read (" + e.getMessage() + ")", e);
        }
        ComputationGraphConfiguration conf = graph.getConfiguration();
        boolean future = conf.getNetworkInputs().contains(FUTURE);
        long nOut = graph.getLayer(OUTPUT).getParam("b").length();
        long nIn = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) graph.getLayer("lstm0").conf().getLayer()).getNIn();
        if (nIn != windowChannels || nOut != outputs || future != (futureSize > 0)) {
            throw new IOException(file + ": the network reads " + nIn + " window channels" + (future ? " and future covariates" : "")
                    + " and gives " + nOut + " steps; the model file describes " + windowChannels + " channels"
                    + (futureSize > 0 ? " and future covariates" : "") + " and " + outputs + " steps: retrain the model");
        }
        return new LstmNetwork(graph, windowChannels, lookback, futureSize, outputs);
    }
}
