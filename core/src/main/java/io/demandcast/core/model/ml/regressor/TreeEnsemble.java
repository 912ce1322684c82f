package io.demandcast.core.model.ml.regressor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted tree ensemble (gradient boosting, random forest) as plain arrays: it predicts
 * {@code base + scale × Σ tree(x)}, or {@code exp} of that sum for a log link (XGBoost's Poisson
 * and Tweedie objectives, whose trees add up on the log scale of the mean). Gradient boosting: {@code base} is the loss's intercept (the
 * mean of y for least squares, the median for lad and huber, the quantile for quantile) and
 * {@code scale} the shrinkage; random forest: {@code base} 0 and {@code scale} 1 / trees.
 * Saved by {@link Regressors} as {@code regressor.json} and {@code trees.bin}.
 */
final class TreeEnsemble implements Regressor {
    static final String KIND = "trees";

    private final String learner;
    private final Map<String, Object> parameters;
    private final List<String> featureNames;
    private final double base;
    private final double scale;
    private final boolean logLink;
    private final FlatTree[] trees;
    private final int[] depths;
    private final double[] importance;
    private final double expectedValue;

    TreeEnsemble(String learner, Map<String, Object> parameters, List<String> featureNames, double base, double scale,
                 FlatTree[] trees) {
        this(learner, parameters, featureNames, base, scale, false, trees);
    }

    TreeEnsemble(String learner, Map<String, Object> parameters, List<String> featureNames, double base, double scale,
                 boolean logLink, FlatTree[] trees) {
        if (trees.length == 0) {
            throw new IllegalArgumentException("a tree ensemble needs at least one tree");
        }
        this.learner = learner;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.featureNames = List.copyOf(featureNames);
        this.base = base;
        this.scale = scale;
        this.logLink = logLink;
        this.trees = trees.clone();
        int p = featureNames.size();
        this.depths = new int[trees.length];
        double[] gains = new double[p];
        double expected = 0;
        for (int t = 0; t < trees.length; t++) {
            FlatTree tree = trees[t];
            for (int n = 0; n < tree.nodes(); n++) {
                int f = tree.feature()[n];
                if (f >= p) {
                    throw new IllegalArgumentException("tree " + t + " node " + n + " splits on feature " + f + " of " + p);
                }
                if (f >= 0) {
                    gains[f] += tree.gain()[n];
                }
            }
            depths[t] = tree.depth();
            expected += tree.expectedValue();
        }
        this.importance = Importances.normalised(gains);
        this.expectedValue = base + scale * expected;
    }

    String learner() {
        return learner;
    }

    double base() {
        return base;
    }

    double scale() {
        return scale;
    }

    @Override
    public boolean logLink() {
        return logLink;
    }

    FlatTree[] trees() {
        return trees.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public double predict(float[] row) {
        double sum = 0;
        for (FlatTree tree : trees) {
            sum += tree.predict(row);
        }
        return output(base + scale * sum);
    }

    @Override
    public double predict(float[][] columns, int row) {
        double sum = 0;
        for (FlatTree tree : trees) {
            sum += tree.predict(columns, row);
        }
        return output(base + scale * sum);
    }

    private double output(double margin) {
        return logLink ? Math.exp(margin) : margin;
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    @Override
    public double expectedValue() {
        return expectedValue;
    }

    @Override
    public double[] contributions(float[] row) {
        double[] phi = new double[featureNames.size()];
        for (int t = 0; t < trees.length; t++) {
            TreeShap.accumulate(trees[t], depths[t], row, scale, phi);
        }
        return phi;
    }

    @Override
    public void write(Path directory) throws IOException {
        Regressors.write(directory, this);
    }
}
