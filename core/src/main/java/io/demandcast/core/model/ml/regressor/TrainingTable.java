package io.demandcast.core.model.ml.regressor;

import java.util.List;
import java.util.Objects;

/**
 * What a regressor learns from: feature columns in primitive float arrays (column-major, so a
 * table of millions of rows costs 4 bytes a cell and no object per row), a double target and
 * optional row weights. The arrays are owned by the table once given; callers must not change them.
 *
 * @param names   feature names, one per column
 * @param columns {@code columns[f][row]}; NaN marks a missing value
 * @param target  one finite value per row
 * @param weights one non-negative weight per row, or null for equal weights
 */
public record TrainingTable(List<String> names, float[][] columns, double[] target, double[] weights) {
    public TrainingTable {
        names = List.copyOf(names);
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(target, "target");
        if (columns.length != names.size()) {
            throw new IllegalArgumentException(columns.length + " feature columns for " + names.size() + " names");
        }
        for (int f = 0; f < columns.length; f++) {
            if (columns[f].length != target.length) {
                throw new IllegalArgumentException("feature '" + names.get(f) + "' has " + columns[f].length
                        + " rows, the target " + target.length);
            }
        }
        if (weights != null && weights.length != target.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + target.length + " rows");
        }
    }

    public int rows() {
        return target.length;
    }

    public int features() {
        return columns.length;
    }
}
