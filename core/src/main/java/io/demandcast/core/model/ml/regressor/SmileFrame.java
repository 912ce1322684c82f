package io.demandcast.core.model.ml.regressor;

import java.util.HashSet;
import java.util.Set;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.FloatVector;

/**
 * A {@link TrainingTable} seen as a Smile data frame: each float column wrapped as a
 * {@link FloatVector} over the same array (no boxed object per cell, no copy), the target as a
 * {@link DoubleVector} over a copy (Smile may reorder what it is given).
 *
 * <p>Missing values: Smile's trees have no notion of them (a NaN breaks their split bookkeeping), but
 * a fitted split sends NaN to its false branch ({@code NaN <= t} is false), the branch of the larger
 * values. So a column holding NaN is copied with NaN replaced by {@link Float#MAX_VALUE}, a value
 * above every other: training then routes missing rows exactly where prediction routes NaN, and a
 * split between the largest real value and the missing ones can learn what missing means. Infinite
 * feature values are refused.
 *
 * @param data    the features, then the target in column {@link #TARGET}
 * @param formula {@code TARGET ~ .}
 */
record SmileFrame(DataFrame data, Formula formula) {
    /** The target's column name; a feature may not use it. */
    static final String TARGET = "__demandcast_target__";

    /**
     * @param learner names the learner in messages
     * @throws IllegalArgumentException on no rows, duplicate or reserved names, a non-finite target, or row weights
     */
    static SmileFrame of(TrainingTable table, String learner) {
        if (table.rows() == 0) {
            throw new IllegalArgumentException(learner + ": the training table has no rows");
        }
        if (table.features() == 0) {
            throw new IllegalArgumentException(learner + ": the training table has no feature columns");
        }
        if (table.weights() != null) {
            // Smile 3.1.1's tree ensembles and penalised regressions take no row weights.
            throw new IllegalArgumentException(learner + ": row weights are not supported (Smile fits every row with weight 1)");
        }
        Set<String> seen = new HashSet<>();
        for (String name : table.names()) {
            if (name.equals(TARGET) || !seen.add(name)) {
                throw new IllegalArgumentException(learner + ": feature name '" + name + "' is "
                        + (name.equals(TARGET) ? "reserved" : "used twice"));
            }
        }
        double[] target = table.target();
        for (int r = 0; r < target.length; r++) {
            if (!Double.isFinite(target[r])) {
                throw new IllegalArgumentException(learner + ": target of row " + r + " is " + target[r] + ", not a finite number");
            }
        }
        BaseVector<?, ?, ?>[] vectors = new BaseVector<?, ?, ?>[table.features() + 1];
        for (int f = 0; f < table.features(); f++) {
            vectors[f] = FloatVector.of(table.names().get(f), missingAsLargest(table.columns()[f], table.names().get(f), learner));
        }
        vectors[table.features()] = DoubleVector.of(TARGET, target.clone());
        return new SmileFrame(DataFrame.of(vectors), Formula.lhs(TARGET));
    }

    /** The column itself when complete, else a copy with NaN as {@link Float#MAX_VALUE}. */
    private static float[] missingAsLargest(float[] column, String name, String learner) {
        float[] out = column;
        for (int r = 0; r < column.length; r++) {
            float v = column[r];
            if (Float.isInfinite(v) || v == Float.MAX_VALUE) {
                throw new IllegalArgumentException(learner + ": feature '" + name + "' is " + v + " at row " + r
                        + "; features must be finite numbers or NaN (missing)");
            }
            if (Float.isNaN(v)) {
                if (out == column) {
                    out = column.clone();
                }
                out[r] = Float.MAX_VALUE;
            }
        }
        return out;
    }
}
