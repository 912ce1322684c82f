package io.demandcast.core.model.ml.regressor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's histogram gradient boosting ({@code xgboost}), for training tables on
 * which Smile's exact greedy trees ({@code gbm}) are too slow: Smile scans every row of every
 * feature at every node, XGBoost bins each feature once ({@code max_bin}) and grows trees from the
 * histograms on all cores. The fitted booster is converted to the same plain {@link TreeEnsemble}
 * as Smile's models (read from XGBoost's own JSON model: split feature, condition, default
 * direction of missing values, leaf values, hessian covers, gains), then released: nothing of
 * XGBoost reaches an artifact, and a saved model predicts without the native library.
 *
 * <p>Objectives: {@code squared_error} (the mean); {@code poisson} and {@code tweedie} (the mean
 * of a non-negative target through a log link, the trees adding up on the log scale: the objective
 * of most top M5 solutions for intermittent counts; {@code tweedie_power} in (1, 2) moves it from
 * Poisson towards Gamma); {@code quantile} (the {@code quantile_alpha} quantile, pinball loss).
 *
 * <p>XGBoost sends {@code x < condition} left; a float feature {@code x} is below a float condition
 * exactly when {@code x <= nextDown(condition)}, which is the threshold kept. Missing values (NaN)
 * follow the direction XGBoost learnt for each node.
 *
 * <p>OpenMP threads busy-wait between parallel regions by default, which on a shared or loaded
 * machine made a fit ten times slower in our measurements; the launcher sets
 * {@code OMP_WAIT_POLICY=PASSIVE}.
 *
 * @param trees          boosting rounds
 * @param maxDepth       depth of each tree
 * @param shrinkage      learning rate (XGBoost's eta)
 * @param subsample      share of rows drawn for each tree
 * @param colsample      share of features drawn for each tree
 * @param minChildWeight minimum hessian (rows, for squared error) in a leaf
 * @param lambda         L2 penalty on leaf values
 * @param maxBin         histogram bins per feature
 * @param threads        threads, 0 for all cores
 * @param objective      one of {@link #OBJECTIVES}
 * @param tweediePower   variance power of {@code tweedie}, in (1, 2)
 * @param quantileAlpha  level of {@code quantile}, in (0, 1)
 * @param monotone       monotone constraints by covariate column ({@code model.params.monotone}): -1 for a
 *                       prediction non-increasing in the column, +1 for non-decreasing. The column's own
 *                       feature and the features derived from its current value ({@code <c>_change},
 *                       {@code <c>_relative}, {@code <c>_momentum_<w>}: each rises with the column's
 *                       value in the target period, other inputs fixed) get the constraint, passed to
 *                       XGBoost's {@code monotone_constraints}; lags of a past-only column do not (they
 *                       are not the value of the target period). Empty = none
 */
public record XgboostSpec(int trees, int maxDepth, double shrinkage, double subsample, double colsample,
                          double minChildWeight, double lambda, int maxBin, int threads, String objective,
                          double tweediePower, double quantileAlpha, Map<String, Integer> monotone) implements RegressorSpec {
    public static final String NAME = "xgboost";
    public static final java.util.List<String> OBJECTIVES = java.util.List.of("squared_error", "poisson", "tweedie", "quantile");
    private static final ObjectMapper JSON = new ObjectMapper();

    public XgboostSpec {
        if (!OBJECTIVES.contains(objective)) {
            throw new IllegalArgumentException("xgboost: unknown objective '" + objective + "' (known: " + String.join(", ", OBJECTIVES) + ")");
        }
        monotone = monotone == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(monotone));
        monotone.forEach((column, direction) -> {
            if (direction != -1 && direction != 1) {
                throw new IllegalArgumentException("xgboost: monotone direction of '" + column + "' must be -1 or 1 (got " + direction + ")");
            }
        });
    }

    /** Without monotone constraints, as before they existed. */
    public XgboostSpec(int trees, int maxDepth, double shrinkage, double subsample, double colsample,
                       double minChildWeight, double lambda, int maxBin, int threads, String objective,
                       double tweediePower, double quantileAlpha) {
        this(trees, maxDepth, shrinkage, subsample, colsample, minChildWeight, lambda, maxBin, threads, objective, tweediePower,
                quantileAlpha, Map.of());
    }

    /** This spec with monotone constraints by column (see {@link #monotone()}). */
    public XgboostSpec withMonotone(Map<String, Integer> constraints) {
        return new XgboostSpec(trees, maxDepth, shrinkage, subsample, colsample, minChildWeight, lambda, maxBin, threads, objective,
                tweediePower, quantileAlpha, constraints);
    }

    /** Squared error, as before objectives were selectable. */
    public XgboostSpec(int trees, int maxDepth, double shrinkage, double subsample, double colsample,
                       double minChildWeight, double lambda, int maxBin, int threads) {
        this(trees, maxDepth, shrinkage, subsample, colsample, minChildWeight, lambda, maxBin, threads, "squared_error", 1.5, 0.5);
    }

    /** Defaults for demand data, as {@code gbm}'s: 300 rounds of depth 6, eta 0.05, 80 % rows, 20 rows a leaf, squared error. */
    public static XgboostSpec defaults() {
        return new XgboostSpec(300, 6, 0.05, 0.8, 1.0, 20, 1.0, 256, 0);
    }

    /** This spec with the pinball loss of level {@code tau}, in (0, 1). */
    @Override
    public XgboostSpec withQuantile(double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("xgboost: quantile level must be in (0, 1) (got " + tau + ")");
        }
        return new XgboostSpec(trees, maxDepth, shrinkage, subsample, colsample, minChildWeight, lambda, maxBin, threads,
                "quantile", tweediePower, tau, monotone);
    }

    /** Whether predictions are {@code exp} of the trees' sum. */
    boolean logLink() {
        return objective.equals("poisson") || objective.equals("tweedie");
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
        p.put("shrinkage", shrinkage);
        p.put("subsample", subsample);
        p.put("colsample", colsample);
        p.put("min_child_weight", minChildWeight);
        p.put("lambda", lambda);
        p.put("max_bin", maxBin);
        p.put("threads", threads);
        p.put("objective", objective);
        if (objective.equals("tweedie")) {
            p.put("tweedie_power", tweediePower);
        }
        if (objective.equals("quantile")) {
            p.put("quantile_alpha", quantileAlpha);
        }
        if (!monotone.isEmpty()) {
            Map<String, String> m = new LinkedHashMap<>();
            monotone.forEach((column, direction) -> m.put(column, direction < 0 ? "decreasing" : "increasing"));
            p.put("monotone", m);
        }
        return p;
    }

    @Override
    public Regressor fit(TrainingTable table, long seed) {
        if (table.rows() == 0) {
            throw new IllegalArgumentException("xgboost: the training table has no row");
        }
        if (logLink()) {
            double[] y = table.target();
            for (int r = 0; r < y.length; r++) {
                if (y[r] < 0) {
                    throw new IllegalArgumentException("xgboost: objective " + objective + " needs a non-negative target (training row "
                            + r + " is " + y[r] + "); use squared_error");
                }
            }
        }
        Booster booster = null;
        DMatrix data = null;
        try {
            data = matrix(table);
            Map<String, Object> params = boosterParams(seed);
            if (!monotone.isEmpty()) {
                params.put("monotone_constraints", constraints(table.names()));
            }
            booster = XGBoost.train(data, params, trees, new HashMap<>(), null, null);
            return convert(booster, table);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (data != null) {
                data.dispose();
            }
        }
    }

    /** XGBoost's parameters, also used by tests that compare with the booster itself. */
    Map<String, Object> boosterParams(long seed) {
        Map<String, Object> p = new HashMap<>();
        switch (objective) {
            case "poisson" -> p.put("objective", "count:poisson");
            case "tweedie" -> {
                p.put("objective", "reg:tweedie");
                p.put("tweedie_variance_power", tweediePower);
            }
            case "quantile" -> {
                p.put("objective", "reg:quantileerror");
                p.put("quantile_alpha", quantileAlpha);
            }
            default -> p.put("objective", "reg:squarederror");
        }
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", shrinkage);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsample);
        p.put("min_child_weight", minChildWeight);
        p.put("lambda", lambda);
        p.put("max_bin", maxBin);
        p.put("nthread", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        p.put("seed", seed);
        p.put("verbosity", 0);
        return p;
    }

    @Override
    public void checkFeatures(java.util.List<String> features) {
        if (!monotone.isEmpty()) {
            constraints(features);
        }
    }

    /**
     * XGBoost's {@code monotone_constraints}, one entry per feature in table order, e.g. {@code (0,-1,0)}.
     *
     * @throws IllegalArgumentException when a constrained column has no feature in the table
     */
    String constraints(java.util.List<String> features) {
        int[] c = new int[features.size()];
        for (Map.Entry<String, Integer> e : monotone.entrySet()) {
            boolean found = false;
            for (int f = 0; f < c.length; f++) {
                if (derivedFrom(features.get(f), e.getKey())) {
                    c[f] = e.getValue();
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("model.params.monotone: '" + e.getKey() + "' is not a feature of this model"
                        + " (a known numeric covariate it reads; features: " + String.join(", ", features) + ")");
            }
        }
        StringBuilder out = new StringBuilder("(");
        for (int f = 0; f < c.length; f++) {
            out.append(f == 0 ? "" : ",").append(c[f]);
        }
        return out.append(')').toString();
    }

    /** The column's own feature and those rising with its current value (see {@link #monotone()}). */
    static boolean derivedFrom(String feature, String column) {
        return feature.equals(column) || feature.equals(column + "_change") || feature.equals(column + "_relative")
                || feature.matches(java.util.regex.Pattern.quote(column) + "_momentum_\\d+");
    }

    /** The table row-major, as XGBoost reads it, NaN marking missing values. */
    static DMatrix matrix(TrainingTable table) throws XGBoostError {
        int n = table.rows();
        int p = table.features();
        if ((long) n * p > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("xgboost: a training table of " + n + " rows x " + p
                    + " features exceeds one Java array; lower max_train_periods");
        }
        float[] rows = new float[n * p];
        float[][] columns = table.columns();
        for (int f = 0; f < p; f++) {
            float[] column = columns[f];
            for (int r = 0; r < n; r++) {
                rows[r * p + f] = column[r];
            }
        }
        DMatrix m = new DMatrix(rows, n, p, Float.NaN);
        float[] label = new float[n];
        for (int r = 0; r < n; r++) {
            label[r] = (float) table.target()[r];
        }
        m.setLabel(label);
        if (table.weights() != null) {
            float[] w = new float[n];
            for (int r = 0; r < n; r++) {
                w[r] = (float) table.weights()[r];
            }
            m.setWeight(w);
        }
        return m;
    }

    TreeEnsemble convert(Booster booster, TrainingTable table) throws XGBoostError {
        JsonNode learner;
        try {
            learner = JSON.readTree(booster.toByteArray("json")).path("learner");
        } catch (IOException e) {
            throw new IllegalStateException("xgboost: cannot read the booster's JSON model: " + e.getMessage(), e);
        }
        JsonNode treesNode = learner.path("gradient_booster").path("model").path("trees");
        FlatTree[] flat = new FlatTree[treesNode.size()];
        for (int t = 0; t < flat.length; t++) {
            flat[t] = tree(treesNode.get(t), table.features());
        }
        double base = baseScore(learner);
        // XGBoost keeps base_score on the output scale: a log-link model's margin starts at its log.
        return new TreeEnsemble(NAME, parameters(), table.names(), logLink() ? Math.log(base) : base, 1.0, logLink(), flat);
    }

    /** The model's intercept, written as {@code "5E-1"} or {@code "[5E-1]"} by XGBoost 2 and 3. */
    private static double baseScore(JsonNode learner) {
        String text = learner.path("learner_model_param").path("base_score").asText().replace("[", "").replace("]", "").trim();
        try {
            return (float) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("xgboost: unreadable base_score '" + text + "'", e);
        }
    }

    private static FlatTree tree(JsonNode tree, int features) {
        JsonNode left = tree.path("left_children");
        JsonNode right = tree.path("right_children");
        JsonNode split = tree.path("split_indices");
        JsonNode condition = tree.path("split_conditions");
        JsonNode defaultLeft = tree.path("default_left");
        JsonNode hessian = tree.path("sum_hessian");
        JsonNode gain = tree.path("loss_changes");
        int n = left.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] l = new int[n];
        int[] r = new int[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        double[] gains = new double[n];
        boolean[] missingLeft = new boolean[n];
        for (int i = 0; i < n; i++) {
            cover[i] = hessian.get(i).asDouble();
            if (left.get(i).asInt() < 0) {
                feature[i] = -1;
                threshold[i] = Double.NaN;
                l[i] = -1;
                r[i] = -1;
                value[i] = (float) condition.get(i).asDouble(); // a leaf's condition holds its value, eta applied
            } else {
                feature[i] = split.get(i).asInt();
                if (feature[i] >= features) {
                    throw new IllegalStateException("xgboost: node " + i + " splits on feature " + feature[i] + " of " + features);
                }
                threshold[i] = Math.nextDown((float) condition.get(i).asDouble());
                l[i] = left.get(i).asInt();
                r[i] = right.get(i).asInt();
                value[i] = Double.NaN;
                gains[i] = gain.get(i).asDouble();
                missingLeft[i] = defaultLeft.get(i).asInt() != 0;
            }
        }
        return new FlatTree(feature, threshold, l, r, value, cover, gains, missingLeft);
    }
}
