package io.demandcast.core.model.ml.regressor;

import java.util.ArrayList;
import java.util.List;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.OrdinalSplitValue;
import smile.base.cart.RegressionNode;
import smile.regression.RegressionTree;

/** Copies a fitted Smile regression tree into a {@link FlatTree}, nodes in pre-order. */
final class SmileTrees {
    private SmileTrees() {
    }

    static FlatTree flatten(RegressionTree tree) {
        Builder b = new Builder();
        b.add(tree.root());
        return b.build();
    }

    private static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final IntList feature = new IntList();
        private final IntList left = new IntList();
        private final IntList right = new IntList();

        /** Adds {@code node} and its subtree; returns its index. */
        int add(Node node) {
            int index = nodes.size();
            nodes.add(node);
            feature.add(-1);
            left.add(-1);
            right.add(-1);
            if (node instanceof OrdinalNode split) {
                feature.set(index, split.feature());
                left.set(index, add(split.trueChild()));
                right.set(index, add(split.falseChild()));
            } else if (node instanceof InternalNode other) {
                // Nominal splits only arise from categorical columns, which demandcast never builds.
                throw new IllegalStateException("unsupported Smile split node " + other.getClass().getSimpleName());
            } else if (!(node instanceof RegressionNode)) {
                throw new IllegalStateException("unsupported Smile tree node " + node.getClass().getSimpleName());
            }
            return index;
        }

        FlatTree build() {
            int n = nodes.size();
            double[] threshold = new double[n];
            double[] value = new double[n];
            double[] cover = new double[n];
            double[] gain = new double[n];
            for (int i = 0; i < n; i++) {
                Node node = nodes.get(i);
                cover[i] = node.size();
                if (node instanceof OrdinalNode split) {
                    threshold[i] = OrdinalSplitValue.of(split);
                    value[i] = Double.NaN;
                    gain[i] = split.deviance() - split.trueChild().deviance() - split.falseChild().deviance();
                } else {
                    threshold[i] = Double.NaN;
                    value[i] = ((RegressionNode) node).output();
                }
            }
            return new FlatTree(feature.toArray(), threshold, left.toArray(), right.toArray(), value, cover, gain);
        }
    }

    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void set(int i, int v) {
            values[i] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
