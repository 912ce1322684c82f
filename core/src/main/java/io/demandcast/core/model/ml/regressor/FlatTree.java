package io.demandcast.core.model.ml.regressor;

/**
 * One fitted regression tree as parallel arrays, node 0 the root: prediction walks the arrays with
 * no object per node and no allocation. Node {@code n} is a leaf when {@code feature[n] == -1};
 * otherwise a row goes to {@code left[n]} when {@code x[feature[n]] <= threshold[n]} and to
 * {@code right[n]} when {@code x > threshold[n]}; a missing value (NaN) goes left when
 * {@code missingLeft[n]}, else right (Smile's trees send it right; XGBoost learns a direction per node).
 *
 * @param feature   split feature per node, -1 for a leaf
 * @param threshold split value per node (NaN for a leaf)
 * @param left      the child for {@code x <= threshold} (-1 for a leaf)
 * @param right     the child for {@code x > threshold} or missing (-1 for a leaf)
 * @param value     the leaf's output (NaN for an internal node)
 * @param cover     training rows (with their sample counts) that reached the node, positive; children's covers sum to their parent's
 * @param gain      deviance decrease of the node's split (the parent's deviance minus its children's), 0 for a leaf
 * @param missingLeft whether a missing value goes to {@code left[n]} (false for leaves)
 */
record FlatTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] cover, double[] gain,
                boolean[] missingLeft) {

    /** A tree whose missing values all go right (Smile's convention). */
    FlatTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] cover, double[] gain) {
        this(feature, threshold, left, right, value, cover, gain, new boolean[feature.length]);
    }

    FlatTree {
        int n = feature.length;
        if (n == 0 || threshold.length != n || left.length != n || right.length != n || value.length != n
                || cover.length != n || gain.length != n || missingLeft.length != n) {
            throw new IllegalArgumentException("tree arrays must share one non-zero length (" + n + " nodes)");
        }
        for (int i = 0; i < n; i++) {
            if (!(cover[i] > 0)) {
                // TreeSHAP divides by covers; Smile never makes a node without training rows.
                throw new IllegalArgumentException("node " + i + " has cover " + cover[i] + ", not a positive number");
            }
            if (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
                // Children after their parent: a walk always ends, and a corrupt file cannot loop.
                throw new IllegalArgumentException("node " + i + " has children " + left[i] + ", " + right[i]
                        + " outside (" + i + ", " + n + ")");
            }
        }
    }

    int nodes() {
        return feature.length;
    }

    double predict(float[] row) {
        int n = 0;
        while (feature[n] >= 0) {
            n = child(n, row[feature[n]]);
        }
        return value[n];
    }

    /** Prediction for row {@code row} of column-major features. */
    double predict(float[][] columns, int row) {
        int n = 0;
        while (feature[n] >= 0) {
            n = child(n, columns[feature[n]][row]);
        }
        return value[n];
    }

    /** The child of internal node {@code n} that a value {@code x} of its split feature goes to. */
    int child(int n, float x) {
        if (x <= threshold[n]) {
            return left[n];
        }
        return x > threshold[n] || !missingLeft[n] ? right[n] : left[n];
    }

    /** The cover-weighted mean of the leaves: the tree's expected output over its training rows. */
    double expectedValue() {
        double sum = 0;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] < 0) {
                sum += cover[i] * value[i];
            }
        }
        return sum / cover[0];
    }

    /** Edges on the longest root-to-leaf path. */
    int depth() {
        int[] depth = new int[feature.length];
        int max = 0;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0) {
                depth[left[i]] = depth[i] + 1;
                depth[right[i]] = depth[i] + 1;
                max = Math.max(max, depth[i] + 1);
            }
        }
        return max;
    }
}
