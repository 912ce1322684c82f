package io.demandcast.core.model.ml.regressor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * Smile's random forest ({@code rf}). Trees are fitted in parallel on the common fork-join pool,
 * each on a bootstrap sample ({@code subsample} 1) or a {@code subsample} share drawn without
 * replacement, choosing each split among {@code mtry} random features. Deterministic for a seed
 * whatever the number of threads: every tree gets its own seed, derived from the fit's, and Smile
 * re-seeds the generator of the thread that fits that tree with it.
 *
 * @param mtry     features tried per split; {@link #AUTO_MTRY} (0) for a third of them (at least 1), as Smile does for regression
 * @param maxNodes leaves per tree at most; {@link Integer#MAX_VALUE} for no limit but depth and node size
 */
public record RandomForestSpec(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample)
        implements RegressorSpec {
    public static final String NAME = "random_forest";
    public static final int AUTO_MTRY = 0;
    public static final int UNLIMITED_NODES = Integer.MAX_VALUE;

    /** Defaults: 200 trees, mtry a third of the features, depth 20, 5 rows a leaf, bootstrap samples. */
    public static RandomForestSpec defaults() {
        // Bounded trees: unlimited leaves of 5 rows made ~1 MB a tree at 200k rows, and SHAP slow.
        return new RandomForestSpec(100, AUTO_MTRY, 20, 1024, 20, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trees", trees);
        p.put("mtry", mtry == AUTO_MTRY ? "auto" : mtry);
        p.put("max_depth", maxDepth);
        p.put("max_nodes", maxNodes == UNLIMITED_NODES ? "unlimited" : maxNodes);
        p.put("node_size", nodeSize);
        p.put("subsample", subsample);
        return p;
    }

    @Override
    public Regressor fit(TrainingTable table, long seed) {
        return convert(fitSmile(SmileFrame.of(table, NAME), seed), table);
    }

    RandomForest fitSmile(SmileFrame frame, long seed) {
        int features = frame.data().ncol() - 1;
        int m = mtry == AUTO_MTRY ? Math.max(features / 3, 1) : mtry;
        if (m > features) {
            throw new IllegalArgumentException("rf: mtry " + m + " is more than the " + features + " features");
        }
        if (frame.data().nrow() * subsample < 1) {
            throw new IllegalArgumentException("rf: subsample " + subsample + " of " + frame.data().nrow() + " rows leaves no row");
        }
        return RandomForest.fit(frame.formula(), frame.data(), trees, m, maxDepth, maxNodes, nodeSize, subsample,
                LongStream.of(treeSeeds(seed, trees)));
    }

    TreeEnsemble convert(RandomForest model, TrainingTable table) {
        RegressionTree[] smileTrees = model.trees();
        FlatTree[] flat = new FlatTree[smileTrees.length];
        for (int t = 0; t < flat.length; t++) {
            flat[t] = SmileTrees.flatten(smileTrees[t]);
        }
        return new TreeEnsemble(NAME, parameters(), table.names(), 0, 1.0 / flat.length, flat);
    }

    /**
     * Distinct seeds above 1, one per tree: Smile re-seeds a tree's thread only for a seed above 1 and
     * refuses repeated seeds.
     */
    static long[] treeSeeds(long seed, int trees) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.longs(2, Long.MAX_VALUE).distinct().limit(trees).toArray();
    }
}
