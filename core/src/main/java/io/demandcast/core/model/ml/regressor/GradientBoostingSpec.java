package io.demandcast.core.model.ml.regressor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.base.cart.Loss;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * Smile's gradient tree boosting ({@code gbm}). Trees are grown best-first up to {@code maxNodes}
 * leaves and {@code maxDepth} levels, each on a {@code subsample} share of the rows drawn without
 * replacement; the sample comes from Smile's random generator of the calling thread, seeded by
 * {@link #fit} (so a fit is deterministic for a seed; it also re-seeds that thread's generator).
 * Trees are built one after the other; Smile searches each node's split over features in parallel.
 *
 * @param loss       {@code ls} (least squares), {@code lad} (least absolute deviation), {@code huber}
 *                   or {@code quantile}
 * @param huberAlpha for {@code huber}: the share of residuals treated as squared error (Smile's alpha)
 * @param quantile   for {@code quantile}: the level in (0, 1) the trees predict
 */
public record GradientBoostingSpec(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage,
                                   double subsample, String loss, double huberAlpha, double quantile)
        implements RegressorSpec {
    public static final String NAME = "gbm";
    public static final List<String> LOSSES = List.of("ls", "lad", "huber", "quantile");

    public GradientBoostingSpec {
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("loss of gbm must be one of " + LOSSES + " (got " + loss + ")");
        }
    }

    /** Defaults for daily demand: 300 trees of up to 32 leaves and depth 6, 20 rows a leaf, shrinkage 0.05, 80 % rows a tree. */
    public static GradientBoostingSpec defaults() {
        return new GradientBoostingSpec(300, 6, 32, 20, 0.05, 0.8, "ls", 0.9, 0.5);
    }

    /** This spec with the quantile loss of level {@code tau}, in (0, 1). */
    @Override
    public GradientBoostingSpec withQuantile(double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("gbm: quantile level must be in (0, 1) (got " + tau + ")");
        }
        return new GradientBoostingSpec(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, "quantile", huberAlpha, tau);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trees", trees);
        p.put("max_depth", maxDepth);
        p.put("max_nodes", maxNodes);
        p.put("node_size", nodeSize);
        p.put("shrinkage", shrinkage);
        p.put("subsample", subsample);
        p.put("loss", loss);
        if (loss.equals("huber")) {
            p.put("huber_alpha", huberAlpha);
        }
        if (loss.equals("quantile")) {
            p.put("quantile", quantile);
        }
        return p;
    }

    @Override
    public Regressor fit(TrainingTable table, long seed) {
        return convert(fitSmile(SmileFrame.of(table, NAME), seed), table);
    }

    /** Smile's model, for the conversion and for tests that compare with it. */
    GradientTreeBoost fitSmile(SmileFrame frame, long seed) {
        if (frame.data().nrow() * subsample < 1) {
            throw new IllegalArgumentException("gbm: subsample " + subsample + " of " + frame.data().nrow() + " rows leaves no row");
        }
        MathEx.setSeed(seed);
        return GradientTreeBoost.fit(frame.formula(), frame.data(), smileLoss(), trees, maxDepth, maxNodes, nodeSize,
                shrinkage, subsample);
    }

    TreeEnsemble convert(GradientTreeBoost model, TrainingTable table) {
        RegressionTree[] smileTrees = model.trees();
        FlatTree[] flat = new FlatTree[smileTrees.length];
        for (int t = 0; t < flat.length; t++) {
            flat[t] = SmileTrees.flatten(smileTrees[t]);
        }
        // Smile keeps its intercept private; it is the loss's intercept of y, which a fresh loss
        // computes identically (on a copy: the median's selection reorders its input).
        double intercept = smileLoss().intercept(table.target().clone());
        return new TreeEnsemble(NAME, parameters(), table.names(), intercept, shrinkage, flat);
    }

    private Loss smileLoss() {
        return switch (loss) {
            case "ls" -> Loss.ls();
            case "lad" -> Loss.lad();
            case "huber" -> Loss.huber(huberAlpha);
            case "quantile" -> Loss.quantile(quantile);
            default -> throw new IllegalStateException(loss);
        };
    }
}
