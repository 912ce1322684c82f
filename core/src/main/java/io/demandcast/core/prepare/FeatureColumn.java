package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A numeric column prepare derives (calendar, lag, rolling, price feature): its name and how to
 * compute its float values from the cleaned panel. Kept as a recipe rather than a column so that
 * {@code prepare} can compute each feature when it is written and drop it after (see
 * {@link PreparedPanel}), instead of holding every feature of every row at once.
 *
 * @param name   column name
 * @param values computes the column, one float per row of the panel it is given
 */
record FeatureColumn(String name, Function<Panel, float[]> values) {
    FeatureColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
    }

    /** {@code panel} with every column added (a column of the panel's name replaced in place), each computed from {@code panel}. */
    static Panel addAll(Panel panel, List<FeatureColumn> columns) {
        Panel out = panel;
        for (FeatureColumn c : columns) {
            out = out.withFloatNumeric(c.name(), c.values().apply(panel));
        }
        return out;
    }
}
