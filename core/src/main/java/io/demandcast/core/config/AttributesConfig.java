package io.demandcast.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-series text attributes read from a CSV with one row per series ({@code data.attributes}, e.g.
 * M5's or Dominick's {@code meta.csv}) and attached to the series of the data as statics, exactly
 * like {@code data.schema.statics}. A numeric attribute (a store number) is still a text code.
 *
 * <pre>
 * attributes: {file: meta.csv, id_column: series_id, columns: [store_id, dept_id, cat_id]}
 * </pre>
 *
 * @param file     the CSV (a header line, one row per series)
 * @param idColumn its series id column (default {@code series_id}): the data's series key
 * @param columns  the columns attached (default: every column of the file but the id)
 * @param missing  a series of the data the file lacks: {@code error} (default) or {@code empty} values
 * @throws IllegalArgumentException naming the key when the file is absent, or a column is empty,
 *                                  repeated or the id column
 */
public record AttributesConfig(String file, String idColumn, List<String> columns, Missing missing) {

    /** The default {@code data.attributes.id_column}. */
    public static final String DEFAULT_ID_COLUMN = "series_id";

    /** What a series of the data without a row in the attributes file gets. */
    public enum Missing {
        /** Refuse it, naming up to 5 such series: a wrong id column or an incomplete file is the usual cause. */
        error,
        /** Empty values (for files that leave some series out on purpose). */
        empty
    }

    public AttributesConfig {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("data.attributes.file is required when data.attributes is given");
        }
        idColumn = idColumn == null ? DEFAULT_ID_COLUMN : idColumn;
        if (idColumn.isBlank()) {
            throw new IllegalArgumentException("data.attributes.id_column must name a column (got '')");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isBlank()) {
                throw new IllegalArgumentException("data.attributes.columns: a column name is empty");
            }
            if (column.equals(idColumn)) {
                throw new IllegalArgumentException("data.attributes.columns: '" + column + "' is the id column (data.attributes.id_column)");
            }
            if (!seen.add(column)) {
                throw new IllegalArgumentException("data.attributes.columns: '" + column + "' is listed twice");
            }
        }
        missing = missing == null ? Missing.error : missing;
    }
}
