package io.demandcast.core.model.deep;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;

/**
 * The pinball (quantile) loss of the {@code lstm} family's quantile output ({@code quantiles: loss}):
 * for output column {@code j} with level {@code τ_j} and error {@code u = label - output}, the loss is
 * {@code τ_j u} when {@code u ≥ 0} and {@code (τ_j - 1) u} otherwise, summed over the columns.
 * Its minimiser is the {@code τ_j} quantile of the label given the inputs. ND4J 1.0.0-M2.1 has no
 * quantile loss, hence this class.
 *
 * <p>DL4J stores a network's configuration, loss functions included, as JSON and rebuilds them by
 * class name with its (shaded) Jackson: this class therefore has a no-argument constructor and a
 * bean property {@code levels}, set once when the network is built or read, never after.
 */
public final class PinballLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    /** The level of each output column. */
    private double[] levels = new double[0];

    /** For DL4J's JSON reader. */
    public PinballLoss() {
    }

    /** @param levels the level of each output column, each in (0, 1) */
    public PinballLoss(double[] levels) {
        setLevels(levels);
    }

    public double[] getLevels() {
        return levels.clone();
    }

    public void setLevels(double[] levels) {
        for (double tau : levels) {
            if (!(tau > 0 && tau < 1)) {
                throw new IllegalArgumentException("pinball loss levels must be in (0, 1): " + Arrays.toString(levels));
            }
        }
        this.levels = levels.clone();
    }

    /** Per element: the loss ({@code score}) or its derivative with respect to the output. */
    private INDArray[] lossAndSlope(INDArray labels, INDArray preOutput, IActivation activation) {
        if (labels.columns() != levels.length) {
            throw new IllegalStateException("pinball loss has " + levels.length + " levels for " + labels.columns() + " outputs");
        }
        INDArray output = activation.getActivation(preOutput.dup(), true);
        INDArray u = labels.castTo(output.dataType()).sub(output);
        INDArray tau = Nd4j.create(levels, new long[] {1, levels.length}, 'c').castTo(output.dataType());
        INDArray below = u.lt(0).castTo(output.dataType());
        // the weight of u: tau where u >= 0, tau - 1 where u < 0
        INDArray weight = below.rsub(0).addRowVector(tau);
        INDArray loss = u.mul(weight);
        INDArray slope = weight.neg();
        return new INDArray[] {loss, slope};
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray loss = lossAndSlope(labels, preOutput, activation)[0];
        if (mask != null) {
            LossUtil.applyMask(loss, mask);
        }
        return loss.sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        double score = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? score / labels.size(0) : score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray slope = lossAndSlope(labels, preOutput, activation)[1];
        INDArray gradient = activation.backprop(preOutput.dup(), slope).getFirst();
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average), computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "pinball";
    }

    @Override
    public String toString() {
        return "PinballLoss(" + Arrays.toString(levels) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinballLoss p && Arrays.equals(levels, p.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }
}
