package io.demandcast.core.model.ml.regressor;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2) on a {@link FlatTree}: each feature's Shapley value
 * for one row, the value of a feature subset being the tree's expected output when the features
 * outside it follow the training covers down both branches. Polynomial: O(leaves × depth²).
 *
 * <p>Ours, not Smile's {@code shap()}: a saved model holds no Smile objects, so explanations must run
 * on the plain arrays. The variable names follow the paper's reference implementation.
 */
final class TreeShap {
    private final FlatTree tree;
    private final float[] row;
    private final double[] phi;
    private final double scale;
    // One path per recursion depth, stored back to back: the path at depth d starts at offset(d).
    private final int[] pathFeature;
    private final double[] pathZero;
    private final double[] pathOne;
    private final double[] pathWeight;

    private TreeShap(FlatTree tree, int depth, float[] row, double[] phi, double scale) {
        this.tree = tree;
        this.row = row;
        this.phi = phi;
        this.scale = scale;
        int size = (depth + 2) * (depth + 3) / 2;
        pathFeature = new int[size];
        pathZero = new double[size];
        pathOne = new double[size];
        pathWeight = new double[size];
    }

    /**
     * Adds {@code scale ×} the tree's SHAP values for {@code row} to {@code phi}.
     *
     * @param depth the tree's {@link FlatTree#depth()}, which sizes the working paths
     */
    static void accumulate(FlatTree tree, int depth, float[] row, double scale, double[] phi) {
        new TreeShap(tree, depth, row, phi, scale).recurse(0, 0, 0, 0, 1, 1, -1);
    }

    /**
     * @param parentStart where the parent's path starts ({@code start} too at the root)
     * @param start       where this node's path starts (after the parent's, which it copies)
     * @param depth       the number of elements of the parent's path (the index of the new element)
     */
    private void recurse(int node, int parentStart, int start, int depth, double zeroFraction, double oneFraction,
                         int featureIndex) {
        if (start != parentStart) {
            System.arraycopy(pathFeature, parentStart, pathFeature, start, depth);
            System.arraycopy(pathZero, parentStart, pathZero, start, depth);
            System.arraycopy(pathOne, parentStart, pathOne, start, depth);
            System.arraycopy(pathWeight, parentStart, pathWeight, start, depth);
        }
        extend(start, depth, zeroFraction, oneFraction, featureIndex);
        int split = tree.feature()[node];
        if (split < 0) {
            double leaf = tree.value()[node] * scale;
            for (int i = 1; i <= depth; i++) {
                double w = unwoundSum(start, depth, i);
                phi[pathFeature[start + i]] += w * (pathOne[start + i] - pathZero[start + i]) * leaf;
            }
            return;
        }
        int hot = tree.child(node, row[split]);
        int cold = hot == tree.left()[node] ? tree.right()[node] : tree.left()[node];
        double cover = tree.cover()[node];
        double hotZero = tree.cover()[hot] / cover;
        double coldZero = tree.cover()[cold] / cover;
        double incomingZero = 1;
        double incomingOne = 1;
        // A feature split on again higher up: undo its earlier element, so each feature appears once.
        int pathIndex = 0;
        while (pathIndex <= depth && pathFeature[start + pathIndex] != split) {
            pathIndex++;
        }
        int childDepth = depth + 1;
        if (pathIndex <= depth) {
            incomingZero = pathZero[start + pathIndex];
            incomingOne = pathOne[start + pathIndex];
            unwind(start, depth, pathIndex);
            childDepth = depth;
        }
        int childStart = start + depth + 1;
        recurse(hot, start, childStart, childDepth, hotZero * incomingZero, incomingOne, split);
        recurse(cold, start, childStart, childDepth, coldZero * incomingZero, 0, split);
    }

    private void extend(int start, int depth, double zeroFraction, double oneFraction, int featureIndex) {
        pathFeature[start + depth] = featureIndex;
        pathZero[start + depth] = zeroFraction;
        pathOne[start + depth] = oneFraction;
        pathWeight[start + depth] = depth == 0 ? 1 : 0;
        for (int i = depth - 1; i >= 0; i--) {
            pathWeight[start + i + 1] += oneFraction * pathWeight[start + i] * (i + 1) / (depth + 1);
            pathWeight[start + i] = zeroFraction * pathWeight[start + i] * (depth - i) / (depth + 1);
        }
    }

    private void unwind(int start, int depth, int pathIndex) {
        double one = pathOne[start + pathIndex];
        double zero = pathZero[start + pathIndex];
        double nextOnePortion = pathWeight[start + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = pathWeight[start + i];
                pathWeight[start + i] = nextOnePortion * (depth + 1) / ((i + 1) * one);
                nextOnePortion = tmp - pathWeight[start + i] * zero * (depth - i) / (depth + 1);
            } else {
                pathWeight[start + i] = pathWeight[start + i] * (depth + 1) / (zero * (depth - i));
            }
        }
        for (int i = pathIndex; i < depth; i++) {
            pathFeature[start + i] = pathFeature[start + i + 1];
            pathZero[start + i] = pathZero[start + i + 1];
            pathOne[start + i] = pathOne[start + i + 1];
        }
    }

    private double unwoundSum(int start, int depth, int pathIndex) {
        double one = pathOne[start + pathIndex];
        double zero = pathZero[start + pathIndex];
        double nextOnePortion = pathWeight[start + depth];
        double total = 0;
        for (int i = depth - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = nextOnePortion * (depth + 1) / ((i + 1) * one);
                total += tmp;
                nextOnePortion = pathWeight[start + i] - tmp * zero * ((double) (depth - i) / (depth + 1));
            } else {
                total += (pathWeight[start + i] / zero) / ((double) (depth - i) / (depth + 1));
            }
        }
        return total;
    }
}
