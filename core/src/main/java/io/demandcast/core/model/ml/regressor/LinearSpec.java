package io.demandcast.core.model.ml.regressor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.regression.ElasticNet;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.RidgeRegression;

/**
 * Smile's penalised linear regressions: {@code ridge} (L2 penalty {@code lambda2}), {@code lasso}
 * (L1 penalty {@code lambda1}, coordinate descent to {@code tolerance} or {@code maxIterations}) and
 * {@code elastic_net} (both). Penalties are as Smile defines them. Deterministic (no randomness).
 * Features must be complete: a linear model has no branch for a missing value. A feature constant
 * over the training rows (which Smile refuses) gets coefficient 0.
 */
public record LinearSpec(String learner, double lambda1, double lambda2, double tolerance, int maxIterations)
        implements RegressorSpec {
    public static final String RIDGE = "ridge";
    public static final String LASSO_NAME = "lasso";
    public static final String ELASTIC_NET = "elastic_net";

    public LinearSpec {
        if (!learner.equals(RIDGE) && !learner.equals(LASSO_NAME) && !learner.equals(ELASTIC_NET)) {
            throw new IllegalArgumentException("not a linear learner: " + learner);
        }
    }

    public static LinearSpec ridge(double lambda) {
        return new LinearSpec(RIDGE, 0, lambda, 0, 0);
    }

    public static LinearSpec lasso(double lambda, double tolerance, int maxIterations) {
        return new LinearSpec(LASSO_NAME, lambda, 0, tolerance, maxIterations);
    }

    public static LinearSpec elasticNet(double lambda1, double lambda2, double tolerance, int maxIterations) {
        return new LinearSpec(ELASTIC_NET, lambda1, lambda2, tolerance, maxIterations);
    }

    @Override
    public String name() {
        return learner;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        switch (learner) {
            case RIDGE -> p.put("lambda", lambda2);
            case LASSO_NAME -> p.put("lambda", lambda1);
            default -> {
                p.put("lambda1", lambda1);
                p.put("lambda2", lambda2);
            }
        }
        if (!learner.equals(RIDGE)) {
            p.put("tolerance", tolerance);
            p.put("max_iter", maxIterations);
        }
        return p;
    }

    @Override
    public Regressor fit(TrainingTable table, long seed) {
        TrainingTable complete = withMissingAsMean(table);
        return convert(fitSmile(complete), complete);
    }

    /**
     * The table with each NaN replaced by its column's mean over the values present (0 when none is):
     * Smile's linear learners refuse missing values, and a lag before a series' start is missing. The
     * fitted model reads a NaN as that same mean ({@link LinearRegressor#predict}), so fit and
     * forecast treat a missing value alike, and it contributes nothing to an explanation.
     */
    static TrainingTable withMissingAsMean(TrainingTable table) {
        float[][] columns = table.columns().clone();
        for (int f = 0; f < columns.length; f++) {
            float[] column = columns[f];
            double sum = 0;
            int present = 0;
            for (float v : column) {
                if (!Float.isNaN(v)) {
                    sum += v;
                    present++;
                }
            }
            if (present == column.length) {
                continue;
            }
            float mean = present == 0 ? 0f : (float) (sum / present);
            float[] filled = column.clone();
            for (int r = 0; r < filled.length; r++) {
                if (Float.isNaN(filled[r])) {
                    filled[r] = mean;
                }
            }
            columns[f] = filled;
        }
        return new TrainingTable(table.names(), columns, table.target(), table.weights());
    }

    /**
     * Smile's model over the features that vary, for the conversion and for tests that compare with it.
     *
     * @param model Smile's model, null when no feature varies (the model is then the mean of y)
     * @param kept  the table's feature indices the model uses, in its order
     */
    record SmileLinear(LinearModel model, int[] kept) {
    }

    /** Smile refuses a constant column; such a feature cannot explain anything and gets coefficient 0. */
    SmileLinear fitSmile(TrainingTable table) {
        SmileFrame.of(table, learner); // the common checks: rows, names, target, weights
        int[] kept = java.util.stream.IntStream.range(0, table.features()).filter(f -> varies(table, f)).toArray();
        if (kept.length == 0) {
            return new SmileLinear(null, kept);
        }
        List<String> names = new java.util.ArrayList<>();
        float[][] columns = new float[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            names.add(table.names().get(kept[i]));
            columns[i] = table.columns()[kept[i]];
        }
        SmileFrame frame = SmileFrame.of(new TrainingTable(names, columns, table.target(), null), learner);
        LinearModel model = switch (learner) {
            case RIDGE -> RidgeRegression.fit(frame.formula(), frame.data(), lambda2);
            case LASSO_NAME -> LASSO.fit(frame.formula(), frame.data(), lambda1, tolerance, maxIterations);
            default -> ElasticNet.fit(frame.formula(), frame.data(), lambda1, lambda2, tolerance, maxIterations);
        };
        return new SmileLinear(model, kept);
    }

    /** True when the column holds two different values; refuses a missing value. */
    private boolean varies(TrainingTable table, int f) {
        float[] column = table.columns()[f];
        boolean varies = false;
        for (int r = 0; r < column.length; r++) {
            if (!Float.isFinite(column[r])) {
                throw new IllegalArgumentException(learner + ": feature '" + table.names().get(f) + "' is " + column[r]
                        + " at row " + r + "; linear learners need finite feature values");
            }
            varies |= column[r] != column[0];
        }
        return varies;
    }

    LinearRegressor convert(SmileLinear fitted, TrainingTable table) {
        int p = table.features();
        double[] w = new double[p];
        double intercept;
        if (fitted.model() == null) {
            intercept = java.util.Arrays.stream(table.target()).average().orElseThrow();
        } else {
            double[] smile = fitted.model().coefficients();
            if (smile.length != fitted.kept().length) {
                throw new IllegalStateException(learner + ": Smile returned " + smile.length + " coefficients for "
                        + fitted.kept().length + " features");
            }
            for (int i = 0; i < smile.length; i++) {
                w[fitted.kept()[i]] = smile[i];
            }
            intercept = fitted.model().intercept();
        }
        double[] means = new double[p];
        double[] sds = new double[p];
        for (int f = 0; f < p; f++) {
            float[] column = table.columns()[f];
            double sum = 0;
            for (float v : column) {
                sum += v;
            }
            double mean = sum / column.length;
            double squares = 0;
            for (float v : column) {
                squares += (v - mean) * (v - mean);
            }
            means[f] = mean;
            sds[f] = Math.sqrt(squares / column.length);
        }
        return new LinearRegressor(learner, parameters(), table.names(), intercept, w, means, sds);
    }
}
