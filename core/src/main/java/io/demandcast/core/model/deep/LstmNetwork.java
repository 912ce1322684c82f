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
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
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
 * at once; with {@code direction_head}, a second output layer ({@code direction}) on the same dense
 * layer gives per step the probability of a rise from the step before (sigmoid, binary cross-entropy
 * weighted by {@code direction_weight}), trained jointly. A graph with a vertex, not DL4J's
 * {@code LastTimeStep} layer wrapper, because {@code TransferLearning} fails on the wrapper (STACK.md). Dropout (DL4J's inverted dropout, which
 * DL4J configures by the probability to keep) is applied to the inputs of every LSTM layer but the
 * first and of the dense layer. The {@code attention} family's graph has one LSTM layer
 * ({@code lstm0}), then {@code layers} self-attention layers ({@code attention0}, ...), each with
 * {@code heads} heads of {@code units / heads} and its input projected, before {@code last}.
 *
 * <p>Not thread-safe for training; {@link #predict} may be called from many threads (calls are
 * serialised: a DL4J graph's inference is not thread-safe).
 */
final class LstmNetwork implements LstmPredictor {
    static final String WINDOW = "window";
    static final String FUTURE = "future";
    static final String OUTPUT = "out";
    /** The quantile output layer ({@code quantiles: loss}). */
    static final String QUANTILES = "quantiles";
    /** The direction head's output layer ({@code direction_head}). */
    static final String DIRECTION = "direction";
    /**
     * Adam's epsilon in half precision: the usual 1e-8 is zero in FP16 (smallest normal about 6e-5),
     * and a zero second moment then divides by zero.
     */
    private static final double HALF_EPSILON = 1e-4;

    private static double adamEpsilon(DataType precision) {
        return precision == DataType.HALF ? HALF_EPSILON : Adam.DEFAULT_ADAM_EPSILON;
    }

    private final ComputationGraph graph;
    private final BackendInfo backend;
    private final int windowChannels;
    private final int lookback;
    private final int futureSize;
    private final int outputs;
    /** Whether a gradient step ran (the first one of an attention network runs with stdout on stderr). */
    private boolean fitted;

    /** Wraps a graph of this family's shape ({@link TransferNetworks} builds fine-tunable copies). */
    LstmNetwork(ComputationGraph graph, BackendInfo backend, int windowChannels, int lookback, int futureSize, int outputs) {
        this.graph = graph;
        this.backend = backend;
        this.windowChannels = windowChannels;
        this.lookback = lookback;
        this.futureSize = futureSize;
        this.outputs = outputs;
    }

    /**
     * A network with fresh weights drawn from {@code spec.seed()}, on the backend the run selected
     * ({@link Backends#active()}, started here when it is not yet), in half precision when the run
     * asked for it ({@code train.half_precision}, CUDA only: {@link Backends#select} refuses it on the CPU).
     *
     * @throws BackendUnavailableException when the selected backend cannot run here
     */
    static LstmNetwork create(LstmSpec spec, int windowChannels, int lookback, int futureSize) {
        BackendInfo backend = Backends.active();
        return create(spec, windowChannels, lookback, futureSize, Backends.selection().halfPrecision() ? DataType.HALF : DataType.FLOAT,
                backend);
    }

    /** {@link #create(LstmSpec, int, int, int)} in a given precision; tests build half-precision networks on the CPU. */
    static LstmNetwork create(LstmSpec spec, int windowChannels, int lookback, int futureSize, DataType precision, BackendInfo backend) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(precision)
                .weightInit(WeightInit.XAVIER)
                .updater(spec.learningRateDecay() < 1
                        ? Adam.builder().learningRateSchedule(new ExponentialSchedule(ScheduleType.EPOCH, spec.learningRate(),
                                spec.learningRateDecay())).epsilon(adamEpsilon(precision)).build()
                        : Adam.builder().learningRate(spec.learningRate()).epsilon(adamEpsilon(precision)).build());
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
        int recurrent = spec.heads() > 0 ? 1 : spec.layers();
        for (int l = 0; l < recurrent; l++) {
            LSTM.Builder layer = new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH);
            if (l > 0 && spec.dropout() > 0) {
                layer.dropOut(keep);
            }
            g.addLayer("lstm" + l, layer.build(), previous);
            previous = "lstm" + l;
        }
        for (int l = 0; spec.heads() > 0 && l < spec.layers(); l++) {
            SelfAttentionLayer.Builder layer = new SelfAttentionLayer.Builder().nOut(spec.units()).nHeads(spec.heads())
                    .headSize(spec.units() / spec.heads()).projectInput(true);
            if (spec.dropout() > 0) {
                layer.dropOut(keep);
            }
            g.addLayer("attention" + l, layer.build(), previous);
            previous = "attention" + l;
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
        java.util.List<String> outputs = new java.util.ArrayList<>(java.util.List.of(OUTPUT));
        if (spec.hasDirectionHead()) {
            // LossBinaryXENT's per-output weights scale this head's loss against the quantities' (weight 1)
            INDArray weights = Nd4j.valueArrayOf(new long[] {1, spec.horizon()}, spec.directionHead()).castTo(precision);
            g.addLayer(DIRECTION, new OutputLayer.Builder(new LossBinaryXENT(weights)).nOut(spec.horizon())
                    .activation(Activation.SIGMOID).build(), "dense");
            outputs.add(DIRECTION);
        }
        double[] levels = spec.lossQuantileLevels();
        if (levels.length > 0) {
            // one column per level and step, level-major: the pinball loss of column q * horizon + k has level q
            double[] columnLevels = new double[levels.length * spec.horizon()];
            for (int q = 0; q < levels.length; q++) {
                java.util.Arrays.fill(columnLevels, q * spec.horizon(), (q + 1) * spec.horizon(), levels[q]);
            }
            g.addLayer(QUANTILES, new OutputLayer.Builder(new PinballLoss(columnLevels)).nOut(columnLevels.length)
                    .activation(Activation.IDENTITY).build(), "dense");
            outputs.add(QUANTILES);
        }
        g.setOutputs(outputs.toArray(String[]::new));
        // The graph draws its weights from the configuration's seed; dropout masks from ND4J's
        // per-thread generator, seeded here and again before training.
        Nd4j.getRandom().setSeed(spec.seed());
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return new LstmNetwork(graph, backend, windowChannels, lookback, futureSize, spec.horizon());
    }

    /** Seeds ND4J's generator of this thread (dropout masks) before training. */
    static void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }

    /** The backend this network runs on. */
    BackendInfo backend() {
        return backend;
    }

    /** The precision of its weights and activations: {@code float32} or {@code float16}. */
    String precision() {
        return graph.getConfiguration().getDataType() == DataType.HALF ? "float16" : "float32";
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

    /** The DL4J graph, for {@link TransferNetworks} only. */
    ComputationGraph graph() {
        return graph;
    }

    /**
     * One gradient step on a minibatch.
     *
     * @param window {@code rows × windowChannels × lookback}, row-major
     * @param future {@code rows × futureSize}
     * @param labels {@code rows × outputs}
     * @param up     {@code rows × outputs}, 1 where the target rose from the step before (read by the direction head only)
     * @return the minibatch's loss as DL4J scores it (with dropout and the L2 penalty; both heads' with the direction head)
     */
    double fit(float[] window, float[] future, float[] labels, float[] up, int rows) {
        INDArray[] in = inputs(window, future, rows);
        INDArray quantities = Nd4j.create(labels, new long[] {rows, outputs}, 'c').castTo(dataType());
        java.util.List<INDArray> targets = new java.util.ArrayList<>(java.util.List.of(quantities));
        if (hasDirectionHead()) {
            targets.add(Nd4j.create(up, new long[] {rows, outputs}, 'c').castTo(dataType()));
        }
        if (quantileLevels() > 0) {
            // every level's columns learn the same targets
            INDArray repeated = Nd4j.create(dataType(), rows, (long) outputs * quantileLevels());
            for (int q = 0; q < quantileLevels(); q++) {
                repeated.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval((long) q * outputs, (long) (q + 1) * outputs)).assign(quantities);
            }
            targets.add(repeated);
        }
        INDArray[] labelArrays = targets.toArray(INDArray[]::new);
        if (!fitted && graph.getConfiguration().getVertices().containsKey("attention0")) {
            fitWithStdoutOnStderr(() -> graph.fit(in, labelArrays));
        } else {
            graph.fit(in, labelArrays);
        }
        fitted = true;
        return graph.score();
    }

    /**
     * Runs a network's first gradient step with {@code System.out} sent to stderr: SameDiff 1.0.0-M2.1
     * prints "Added differentiated op ..." lines to stdout when it first differentiates a self-attention
     * layer, and stdout carries our CSV and JSON output. Serialised, since {@code System.out} is global.
     */
    private static synchronized void fitWithStdoutOnStderr(Runnable step) {
        java.io.PrintStream out = System.out;
        System.setOut(System.err);
        try {
            step.run();
        } finally {
            System.setOut(out);
        }
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
        return predictBoth(window, future, rows)[0];
    }

    /**
     * The quantities, the direction head's probabilities of a rise (each {@code rows × outputs}, row-major;
     * null without the head) and the quantile output ({@code rows × levels × outputs}, level-major per row;
     * null without it), from one pass in inference mode.
     */
    @Override
    public float[][] predictBoth(float[] window, float[] future, int rows) {
        INDArray[] in = inputs(window, future, rows);
        INDArray[] out;
        synchronized (this) {
            out = graph.output(false, in);
        }
        java.util.List<String> names = graph.getConfiguration().getNetworkOutputs();
        int direction = names.indexOf(DIRECTION);
        int quantiles = names.indexOf(QUANTILES);
        return new float[][] {out[0].castTo(DataType.FLOAT).data().asFloat(),
                direction < 0 ? null : out[direction].castTo(DataType.FLOAT).data().asFloat(),
                quantiles < 0 ? null : out[quantiles].castTo(DataType.FLOAT).data().asFloat()};
    }

    /** Levels of the quantile output ({@code quantiles: loss}); 0 without it. */
    int quantileLevels() {
        if (!graph.getConfiguration().getNetworkOutputs().contains(QUANTILES)) {
            return 0;
        }
        return (int) (graph.getLayer(QUANTILES).getParam("b").length() / outputs);
    }

    private INDArray[] inputs(float[] window, float[] future, int rows) {
        INDArray w = Nd4j.create(window, new long[] {rows, windowChannels, lookback}, 'c').castTo(dataType());
        if (futureSize == 0) {
            return new INDArray[] {w};
        }
        return new INDArray[] {w, Nd4j.create(future, new long[] {rows, futureSize}, 'c').castTo(dataType())};
    }

    private DataType dataType() {
        return graph.getConfiguration().getDataType();
    }

    /** Whether it has the direction head's output. */
    boolean hasDirectionHead() {
        return graph.getConfiguration().getNetworkOutputs().contains(DIRECTION);
    }

    /** A copy of the weights. */
    float[] parameters() {
        return graph.params().dup().data().asFloat();
    }

    /** Puts back weights {@link #parameters()} returned. */
    void setParameters(float[] values) {
        graph.setParams(Nd4j.create(values, new long[] {1, values.length}, 'c').castTo(dataType()));
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
        BackendInfo backend = Backends.active();
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a Deeplearning4j network this build can read (" + e.getMessage() + ")", e);
        }
        ComputationGraphConfiguration conf = graph.getConfiguration();
        boolean future = conf.getNetworkInputs().contains(FUTURE);
        long nOut = graph.getLayer(OUTPUT).getParam("b").length();
        org.deeplearning4j.nn.conf.layers.Layer first = graph.getLayer("lstm0").conf().getLayer();
        if (first instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer frozen) {
            first = frozen.getLayer(); // a fine-tuned network keeps its frozen layers wrapped
        }
        long nIn = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) first).getNIn();
        if (nIn != windowChannels || nOut != outputs || future != (futureSize > 0)) {
            throw new IOException(file + ": the network reads " + nIn + " window channels" + (future ? " and future covariates" : "")
                    + " and gives " + nOut + " steps; the model file describes " + windowChannels + " channels"
                    + (futureSize > 0 ? " and future covariates" : "") + " and " + outputs + " steps: retrain the model");
        }
        return new LstmNetwork(graph, backend, windowChannels, lookback, futureSize, outputs);
    }
}
