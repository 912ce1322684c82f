package io.demandcast.core.model.ml.regressor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.Params;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learners by config name, and their hyper-parameters read from a {@code model.params} node.
 * Only the learner's own keys are read; others are left to the caller (a family mixes these with
 * its feature keys and rejects unknown keys itself, using {@link #keys}).
 *
 * <pre>
 * xgboost      trees 300, max_depth 6, shrinkage 0.05, subsample 0.8, colsample 1.0, min_child_weight 20,
 *              lambda 1.0, max_bin 256, threads 0 (all cores), objective squared_error | poisson | tweedie | quantile,
 *              tweedie_power 1.5 (tweedie), quantile_alpha 0.5 (quantile), monotone {column: decreasing | increasing} (none)
 * gbm          trees 300, max_depth 6, max_nodes 32 (leaves), node_size 20, shrinkage 0.05,
 *              subsample 0.8, loss ls | lad | huber | quantile, huber_alpha 0.9 (huber), quantile 0.5 (quantile)
 * random_forest trees 100, mtry auto (a third of the features) | n, max_depth 20, max_nodes 1024 | unlimited | n,
 *              node_size 20, subsample 1.0 (bootstrap; below 1, that share without replacement)
 * ridge        lambda 1.0
 * lasso        lambda 1.0, tolerance 1e-4, max_iter 1000
 * elastic_net  lambda1 1.0, lambda2 1.0, tolerance 1e-4, max_iter 1000
 * </pre>
 */
public final class RegressorSpecs {
    public static final List<String> LEARNERS = List.of(GradientBoostingSpec.NAME, XgboostSpec.NAME, RandomForestSpec.NAME,
            LinearSpec.RIDGE, LinearSpec.LASSO_NAME, LinearSpec.ELASTIC_NET);
    /** The learners with a quantile (pinball) loss: those whose {@link RegressorSpec#withQuantile} works. */
    public static final List<String> QUANTILE_LEARNERS = List.of(GradientBoostingSpec.NAME, XgboostSpec.NAME);

    private static final Map<String, Set<String>> KEYS = Map.of(
            GradientBoostingSpec.NAME, Set.of("trees", "max_depth", "max_nodes", "node_size", "shrinkage", "subsample", "loss",
                    "huber_alpha", "quantile"),
            XgboostSpec.NAME, Set.of("trees", "max_depth", "shrinkage", "subsample", "colsample", "min_child_weight", "lambda",
                    "max_bin", "threads", "objective", "tweedie_power", "quantile_alpha", "monotone"),
            RandomForestSpec.NAME, Set.of("trees", "mtry", "max_depth", "max_nodes", "node_size", "subsample"),
            LinearSpec.RIDGE, Set.of("lambda"),
            LinearSpec.LASSO_NAME, Set.of("lambda", "tolerance", "max_iter"),
            LinearSpec.ELASTIC_NET, Set.of("lambda1", "lambda2", "tolerance", "max_iter"));

    private static final int MAX_TREES = 100_000;
    private static final int MAX_NODES = 1 << 24;

    private RegressorSpecs() {
    }

    /**
     * The hyper-parameter keys {@code learner} reads.
     *
     * @throws IllegalArgumentException for an unknown learner
     */
    public static Set<String> keys(String learner) {
        Set<String> keys = KEYS.get(learner);
        if (keys == null) {
            throw unknown(learner);
        }
        return keys;
    }

    /** The learner with its defaults. */
    public static RegressorSpec defaults(String learner) {
        return parse(learner, null);
    }

    /**
     * The learner with the values of its keys in {@code params} (a mapping, or null for all defaults);
     * other keys of {@code params} are ignored.
     *
     * @throws IllegalArgumentException for an unknown learner or a bad value, naming {@code model.params.<key>} and the value
     */
    public static RegressorSpec parse(String learner, JsonNode params) {
        Set<String> keys = keys(learner);
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new IllegalArgumentException("model.params of " + learner + " must be a mapping (got " + params + ")");
        }
        ObjectNode own = JsonNodeFactory.instance.objectNode();
        if (params != null && params.isObject()) {
            for (String key : keys) {
                if (params.has(key)) {
                    own.set(key, params.get(key));
                }
            }
        }
        Params p = Params.of(learner, own, keys);
        return switch (learner) {
            case GradientBoostingSpec.NAME -> gbm(p, own);
            case XgboostSpec.NAME -> xgboost(p, own);
            case RandomForestSpec.NAME -> rf(p, own);
            case LinearSpec.RIDGE -> LinearSpec.ridge(p.number("lambda", 1.0, 0, Double.MAX_VALUE));
            case LinearSpec.LASSO_NAME -> LinearSpec.lasso(p.number("lambda", 1.0, 0, Double.MAX_VALUE),
                    tolerance(p), p.integer("max_iter", 1000, 1, 1_000_000));
            default -> LinearSpec.elasticNet(positive(p, "lambda1"), positive(p, "lambda2"), tolerance(p),
                    p.integer("max_iter", 1000, 1, 1_000_000));
        };
    }

    private static GradientBoostingSpec gbm(Params p, ObjectNode own) {
        GradientBoostingSpec d = GradientBoostingSpec.defaults();
        String loss = p.choice("loss", d.loss(), GradientBoostingSpec.LOSSES);
        if (own.has("quantile") && !loss.equals("quantile")) {
            throw new IllegalArgumentException("model.params.quantile is used only with loss: quantile (loss is " + loss + ")");
        }
        if (own.has("huber_alpha") && !loss.equals("huber")) {
            throw new IllegalArgumentException("model.params.huber_alpha is used only with loss: huber (loss is " + loss + ")");
        }
        return new GradientBoostingSpec(
                p.integer("trees", d.trees(), 1, MAX_TREES),
                p.integer("max_depth", d.maxDepth(), 2, 64),
                p.integer("max_nodes", d.maxNodes(), 2, MAX_NODES),
                p.integer("node_size", d.nodeSize(), 1, Integer.MAX_VALUE),
                openUnit(p, "shrinkage", d.shrinkage(), true),
                openUnit(p, "subsample", d.subsample(), true),
                loss,
                openUnit(p, "huber_alpha", d.huberAlpha(), false),
                openUnit(p, "quantile", d.quantile(), false));
    }

    private static XgboostSpec xgboost(Params p, ObjectNode own) {
        XgboostSpec d = XgboostSpec.defaults();
        String objective = p.choice("objective", d.objective(), XgboostSpec.OBJECTIVES);
        if (own.has("tweedie_power") && !objective.equals("tweedie")) {
            throw new IllegalArgumentException("model.params.tweedie_power is used only with objective: tweedie (objective is " + objective + ")");
        }
        if (own.has("quantile_alpha") && !objective.equals("quantile")) {
            throw new IllegalArgumentException("model.params.quantile_alpha is used only with objective: quantile (objective is "
                    + objective + ")");
        }
        double power = p.number("tweedie_power", d.tweediePower(), 1, 2);
        if (power <= 1 || power >= 2) {
            throw new IllegalArgumentException("model.params.tweedie_power must be in (1, 2) (got " + power + ")");
        }
        return new XgboostSpec(
                p.integer("trees", d.trees(), 1, MAX_TREES),
                p.integer("max_depth", d.maxDepth(), 1, 32),
                openUnit(p, "shrinkage", d.shrinkage(), true),
                openUnit(p, "subsample", d.subsample(), true),
                openUnit(p, "colsample", d.colsample(), true),
                p.number("min_child_weight", d.minChildWeight(), 0, Double.MAX_VALUE),
                p.number("lambda", d.lambda(), 0, Double.MAX_VALUE),
                p.integer("max_bin", d.maxBin(), 2, 65_536),
                p.integer("threads", d.threads(), 0, 4096),
                objective,
                power,
                openUnit(p, "quantile_alpha", d.quantileAlpha(), false),
                monotone(own.get("monotone")));
    }

    /** {@code monotone: {price: decreasing}}: column to -1 (decreasing) or +1 (increasing); empty when absent. */
    private static Map<String, Integer> monotone(JsonNode node) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("model.params.monotone must be a mapping of covariate to increasing or decreasing,"
                    + " e.g. {price: decreasing} (got " + node + ")");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            String text = v.isTextual() ? v.textValue() : "";
            switch (text) {
                case "decreasing" -> out.put(e.getKey(), -1);
                case "increasing" -> out.put(e.getKey(), 1);
                default -> throw new IllegalArgumentException("model.params.monotone." + e.getKey()
                        + " must be decreasing or increasing (got " + v + ")");
            }
        }
        return out;
    }

    private static RandomForestSpec rf(Params p, ObjectNode own) {
        RandomForestSpec d = RandomForestSpec.defaults();
        int mtry = own.path("mtry").isTextual() && own.get("mtry").textValue().equals("auto")
                ? RandomForestSpec.AUTO_MTRY
                : integerOr(p, own, "mtry", "auto", d.mtry(), 1, 100_000);
        int maxNodes = own.path("max_nodes").isTextual() && own.get("max_nodes").textValue().equals("unlimited")
                ? RandomForestSpec.UNLIMITED_NODES
                : integerOr(p, own, "max_nodes", "unlimited", d.maxNodes(), 2, MAX_NODES);
        return new RandomForestSpec(
                p.integer("trees", d.trees(), 1, MAX_TREES),
                mtry,
                p.integer("max_depth", d.maxDepth(), 2, 64),
                maxNodes,
                p.integer("node_size", d.nodeSize(), 1, Integer.MAX_VALUE),
                openUnit(p, "subsample", d.subsample(), true));
    }

    /** An integer in [min, max] or the word {@code word}; the message names both. */
    private static int integerOr(Params p, ObjectNode own, String key, String word, int defaultValue, int min, int max) {
        JsonNode v = own.get(key);
        if (v != null && !v.isNull() && !(v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= min && v.intValue() <= max)) {
            throw new IllegalArgumentException("model.params." + key + " must be " + word + " or an integer in [" + min + ", " + max
                    + "] (got " + v + ")");
        }
        return p.integer(key, defaultValue, min, max);
    }

    /** A number in (0, 1], or (0, 1) when {@code closedAtOne} is false. */
    private static double openUnit(Params p, String key, double defaultValue, boolean closedAtOne) {
        double v = p.number(key, defaultValue, 0, 1);
        if (v <= 0 || (!closedAtOne && v >= 1)) {
            throw new IllegalArgumentException("model.params." + key + " must be in (0, 1" + (closedAtOne ? "]" : ")") + " (got " + v + ")");
        }
        return v;
    }

    private static double positive(Params p, String key) {
        return p.number(key, 1.0, 0, Double.MAX_VALUE);
    }

    private static double tolerance(Params p) {
        double v = p.number("tolerance", 1e-4, 0, 1);
        if (v <= 0) {
            throw new IllegalArgumentException("model.params.tolerance must be in (0, 1] (got " + v + ")");
        }
        return v;
    }

    private static IllegalArgumentException unknown(String learner) {
        return new IllegalArgumentException("unknown learner '" + learner + "' (known: " + String.join(", ", LEARNERS) + ")");
    }
}
