package io.demandcast.core.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which series {@code prepare} reads ({@code data.series}); every condition given must hold (none
 * given: every series), and the rows of other series are skipped as the CSV is read.
 *
 * <p>With {@code file}, {@code where} selects rows of that metadata file and the selected ids are
 * its {@code id_column}; without it, {@code where} tests the data's own static columns
 * ({@code data.schema.statics}). {@code ids} lists series ids (the joined key when
 * {@code data.schema.id} has several columns). Values compare as text, exactly.
 *
 * <pre>
 * series: {file: meta.csv, where: {frequency: monthly}}      # M3's 1428 monthly series
 * series: {where: {store_id: [CA_1, TX_2]}}                  # by static column
 * series: {ids: [FOODS_3_090_CA_1, HOBBIES_1_001_CA_1]}
 * </pre>
 *
 * @param ids      series ids to keep; each must be in the data
 * @param file     CSV of series metadata, one row per series (e.g. M3's {@code meta.csv}), or null
 * @param idColumn id column of {@code file} (default {@code series_id}); null without {@code file}
 * @param where    column to accepted values (a single value or a list in YAML), in order; all must match
 * @throws IllegalArgumentException naming the key when an id, a column name or a value list is empty,
 *                                  or {@code id_column} is given without {@code file}
 */
public record SeriesFilter(List<String> ids, String file, String idColumn,
                           @JsonDeserialize(contentUsing = TextOrTextList.class) Map<String, List<String>> where) {

    /** The default {@code data.series.id_column}. */
    public static final String DEFAULT_ID_COLUMN = "series_id";

    public SeriesFilter {
        ids = ids == null ? List.of() : List.copyOf(ids);
        for (String id : ids) {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("data.series.ids: an id is empty");
            }
        }
        if (file != null && file.isBlank()) {
            throw new IllegalArgumentException("data.series.file: give a path to a CSV of series metadata (got '')");
        }
        if (file == null && idColumn != null) {
            throw new IllegalArgumentException("data.series.id_column names the id column of data.series.file; give the file too"
                    + " (or remove id_column)");
        }
        idColumn = file != null && idColumn == null ? DEFAULT_ID_COLUMN : idColumn;
        if (idColumn != null && idColumn.isBlank()) {
            throw new IllegalArgumentException("data.series.id_column must name a column (got '')");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (where != null) {
            for (Map.Entry<String, List<String>> e : where.entrySet()) {
                if (e.getKey().isBlank()) {
                    throw new IllegalArgumentException("data.series.where: a column name is empty");
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("data.series.where." + e.getKey() + ": give at least one value");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        where = Collections.unmodifiableMap(copy);
    }

    /**
     * Checks that {@code where}, when it tests the data itself (no {@code file}), names static columns.
     *
     * @param statics the data's static columns ({@code data.schema.statics}, then {@code data.attributes})
     * @throws IllegalArgumentException naming the first column that is not one
     */
    public void requireStaticColumns(List<String> statics) {
        if (file != null) {
            return;
        }
        for (String column : where.keySet()) {
            if (!statics.contains(column)) {
                throw new IllegalArgumentException("data.series.where: '" + column + "' is not a static column of the data"
                        + " (data.schema.statics and data.attributes: " + statics + "); without data.series.file, where tests static columns");
            }
        }
    }

    /** A filter keeping the listed series only. */
    public static SeriesFilter ofIds(List<String> ids) {
        return new SeriesFilter(ids, null, null, null);
    }

    /** One line for logs and the manifest, e.g. {@code file meta.csv where frequency = monthly}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add("ids " + (ids.size() <= 5 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more"));
        }
        if (file != null) {
            parts.add("file " + file + (idColumn.equals(DEFAULT_ID_COLUMN) ? "" : " (id column " + idColumn + ")"));
        }
        if (!where.isEmpty()) {
            List<String> tests = new ArrayList<>();
            where.forEach((column, values) -> tests.add(column + (values.size() == 1 ? " = " + values.get(0) : " in " + values)));
            parts.add("where " + (file == null ? "static " : "") + String.join(" and ", tests));
        }
        return parts.isEmpty() ? "every series" : String.join(", ", parts);
    }
}
