package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TreeShapTest {

    /** Feature 0 splits twice on one path, so the algorithm must undo and redo its path element. */
    private static final FlatTree SMALL = new FlatTree(
            new int[] {0, 1, 0, -1, -1, -1, 2, -1, -1},
            new double[] {0.5, 1.0, 0.2, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN},
            new int[] {1, 2, 3, -1, -1, -1, 7, -1, -1},
            new int[] {6, 5, 4, -1, -1, -1, 8, -1, -1},
            new double[] {Double.NaN, Double.NaN, Double.NaN, 1.0, 3.0, -2.0, Double.NaN, 5.0, 0.5},
            new double[] {100, 45, 30, 10, 20, 15, 55, 25, 30},
            new double[9]);

    @Test
    void equalsBruteForceShapleyValuesOnASmallTree() {
        float nan = Float.NaN;
        float[][] rows = {{0.1f, 0.5f, -1f}, {0.3f, 2f, 1f}, {0.9f, 0f, -1f}, {0.9f, 0f, 1f}, {nan, 0.5f, 1f}, {0.1f, nan, nan}};
        for (float[] row : rows) {
            assertShapley(SMALL, row, 3);
        }
    }

    @Test
    void equalsBruteForceShapleyValuesOnRandomTrees() {
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < 60; t++) {
            FlatTree tree = randomTree(random, 4, 6);
            for (int r = 0; r < 10; r++) {
                float[] row = new float[4];
                for (int f = 0; f < 4; f++) {
                    row[f] = random.nextDouble() < 0.1 ? Float.NaN : (float) random.nextDouble();
                }
                assertShapley(tree, row, 4);
            }
        }
    }

    @Test
    void aLeafAloneExplainsNothing() {
        FlatTree leaf = new FlatTree(new int[] {-1}, new double[] {Double.NaN}, new int[] {-1}, new int[] {-1},
                new double[] {4.0}, new double[] {12}, new double[] {0});
        double[] phi = new double[2];
        TreeShap.accumulate(leaf, leaf.depth(), new float[] {1, 2}, 1, phi);
        assertEquals(0, phi[0]);
        assertEquals(0, phi[1]);
        assertEquals(4.0, leaf.expectedValue());
    }

    private static void assertShapley(FlatTree tree, float[] row, int features) {
        double[] phi = new double[features];
        TreeShap.accumulate(tree, tree.depth(), row, 2.0, phi);
        double[] exact = bruteForce(tree, row, features);
        double sum = tree.expectedValue() * 2.0;
        for (int f = 0; f < features; f++) {
            assertEquals(2.0 * exact[f], phi[f], 1e-12, "feature " + f + " of row " + java.util.Arrays.toString(row));
            sum += phi[f];
        }
        assertEquals(2.0 * tree.predict(row), sum, 1e-12, "local accuracy");
    }

    /** Shapley values by enumerating every subset, with the tree's path-dependent conditional expectation. */
    private static double[] bruteForce(FlatTree tree, float[] row, int m) {
        double[] phi = new double[m];
        double[] factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        for (int i = 0; i < m; i++) {
            for (int subset = 0; subset < (1 << m); subset++) {
                if ((subset & (1 << i)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(subset);
                double weight = factorial[size] * factorial[m - size - 1] / factorial[m];
                phi[i] += weight * (conditional(tree, 0, row, subset | (1 << i)) - conditional(tree, 0, row, subset));
            }
        }
        return phi;
    }

    /** The expected output given the features in {@code known}: others follow both children by cover. */
    private static double conditional(FlatTree tree, int node, float[] row, int known) {
        int f = tree.feature()[node];
        if (f < 0) {
            return tree.value()[node];
        }
        int left = tree.left()[node];
        int right = tree.right()[node];
        if ((known & (1 << f)) != 0) {
            return conditional(tree, row[f] <= tree.threshold()[node] ? left : right, row, known);
        }
        return (tree.cover()[left] * conditional(tree, left, row, known) + tree.cover()[right] * conditional(tree, right, row, known))
                / tree.cover()[node];
    }

    /** A random tree in pre-order whose children's covers add up to their parent's. */
    private static FlatTree randomTree(SplittableRandom random, int features, int maxDepth) {
        List<double[]> nodes = new ArrayList<>(); // {feature, threshold, left, right, value, cover}
        grow(random, nodes, features, maxDepth, 0, 1000);
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = nodes.get(i);
            feature[i] = (int) v[0];
            threshold[i] = v[1];
            left[i] = (int) v[2];
            right[i] = (int) v[3];
            value[i] = v[4];
            cover[i] = v[5];
        }
        return new FlatTree(feature, threshold, left, right, value, cover, new double[n]);
    }

    private static int grow(SplittableRandom random, List<double[]> nodes, int features, int maxDepth, int depth, double cover) {
        int index = nodes.size();
        double[] node = {-1, Double.NaN, -1, -1, Double.NaN, cover};
        nodes.add(node);
        if (depth == maxDepth || cover < 4 || (depth > 1 && random.nextDouble() < 0.25)) {
            node[4] = random.nextDouble() * 10 - 5;
            return index;
        }
        double share = 0.1 + 0.8 * random.nextDouble();
        double leftCover = Math.min(cover - 1, Math.max(1, Math.round(cover * share)));
        node[0] = random.nextInt(features);
        node[1] = random.nextDouble();
        node[2] = grow(random, nodes, features, maxDepth, depth + 1, leftCover);
        node[3] = grow(random, nodes, features, maxDepth, depth + 1, cover - leftCover);
        return index;
    }
}
