package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw input.
 *
 * @param files        long-format CSV files read in order and concatenated (e.g. train and a later extract)
 * @param schema       what the columns mean
 * @param frequency    {@code daily|weekly|monthly|quarterly|yearly}; inferred from the dates when absent
 * @param calendar     optional calendar/event CSV joined on date (or, with {@code by}, on a static and date)
 * @param seasonLength season length for seasonal models and scaled metrics; from the frequency when absent
 * @param series       which series to read; every series when absent
 * @param attributes   optional per-series attributes CSV, attached as statics
 * @param joins        further covariate CSVs joined like {@code calendar}, in order, after it
 * @param format       how the CSV files are written: delimiter, decimal mark, date pattern (comma, point, ISO by default)
 * @param duplicates   what two rows of one series in one period make: an {@code error} (default), their {@code sum}
 *                     (transaction-level exports), or the {@code last} one read
 * @throws IllegalArgumentException naming the key when an attribute column clashes with a column of
 *                                  the schema, or a {@code by} column or a {@code series.where}
 *                                  column (without {@code series.file}) is not a static column
 */
public record DataConfig(List<String> files, SchemaConfig schema, String frequency, CalendarConfig calendar,
                         Integer seasonLength, SeriesFilter series, AttributesConfig attributes, List<CalendarConfig> joins,
                         DataFormat format, Duplicates duplicates) {

    /** What two rows of one series falling in the same period make ({@code data.duplicates}). */
    public enum Duplicates {
        /** Refuse them, naming both lines: a repeated export is the usual cause. */
        error,
        /** Add their targets (transaction-level exports); the other columns must agree. */
        sum,
        /** Keep the row read last (a later file corrects an earlier one). */
        last
    }

    public DataConfig {
        format = format == null ? DataFormat.DEFAULT : format;
        duplicates = duplicates == null ? Duplicates.error : duplicates;
        files = files == null ? List.of() : List.copyOf(files);
        schema = schema == null ? new SchemaConfig(null, null, null, null, null, null) : schema;
        joins = joins == null ? List.of() : List.copyOf(joins);
        if (frequency != null) {
            io.demandcast.core.data.Frequency.parse(frequency);
        }
        if (attributes != null) {
            requireNewColumns(attributes, schema);
        }
        // With the default attribute columns (the whole file) the statics are known only once it is read.
        boolean staticsKnown = attributes == null || !attributes.columns().isEmpty();
        List<String> statics = new ArrayList<>(schema.statics());
        if (attributes != null) {
            statics.addAll(attributes.columns());
        }
        if (series != null && staticsKnown) {
            series.requireStaticColumns(statics);
        }
        if (staticsKnown) {
            if (calendar != null) {
                requireStatic("data.calendar.by", calendar.by(), statics);
            }
            for (int i = 0; i < joins.size(); i++) {
                requireStatic("data.joins[" + i + "].by", joins.get(i).by(), statics);
            }
        }
        if (seasonLength != null && seasonLength < 1) {
            throw new IllegalArgumentException("data.season_length must be >= 1 (got " + seasonLength + ")");
        }
    }

    /** Without attributes and further joins. */
    public DataConfig(List<String> files, SchemaConfig schema, String frequency, CalendarConfig calendar,
                      Integer seasonLength, SeriesFilter series) {
        this(files, schema, frequency, calendar, seasonLength, series, null, null);
    }

    /** With the default format and duplicate policy. */
    public DataConfig(List<String> files, SchemaConfig schema, String frequency, CalendarConfig calendar,
                      Integer seasonLength, SeriesFilter series, AttributesConfig attributes, List<CalendarConfig> joins) {
        this(files, schema, frequency, calendar, seasonLength, series, attributes, joins, null, null);
    }

    /** Every covariate file joined, in join order: {@code calendar} first, then {@code joins}. */
    @JsonIgnore
    public List<CalendarConfig> covariateJoins() {
        List<CalendarConfig> out = new ArrayList<>();
        if (calendar != null) {
            out.add(calendar);
        }
        out.addAll(joins);
        return List.copyOf(out);
    }

    /** Every column observed only up to the cutoff: the schema's, then the joined files'. */
    @JsonIgnore
    public List<String> pastOnlyColumns() {
        List<String> out = new ArrayList<>(schema.pastOnlyColumns());
        for (CalendarConfig join : covariateJoins()) {
            out.addAll(join.pastOnly());
            out.addAll(join.pastOnlyCategorical());
        }
        return List.copyOf(out);
    }

    private static void requireNewColumns(AttributesConfig attributes, SchemaConfig schema) {
        Map<String, String> roles = new LinkedHashMap<>();
        schema.id().forEach(c -> roles.put(c, "data.schema.id"));
        roles.put(schema.date(), "data.schema.date");
        roles.put(schema.target(), "data.schema.target");
        schema.numericColumns().forEach(c -> roles.put(c, "data.schema.covariates / past_only"));
        schema.categoricalColumns().forEach(c -> roles.put(c, "data.schema.categorical / past_only_categorical"));
        schema.statics().forEach(c -> roles.put(c, "data.schema.statics"));
        for (String column : attributes.columns()) {
            String role = roles.get(column);
            if (role != null) {
                throw new IllegalArgumentException("data.attributes.columns: '" + column + "' is already a column of the data ("
                        + role + "); drop it from one of them");
            }
        }
    }

    private static void requireStatic(String key, String by, List<String> statics) {
        if (by != null && !statics.contains(by)) {
            throw new IllegalArgumentException(key + ": '" + by + "' is not a static column of the data (data.schema.statics"
                    + " and data.attributes.columns: " + statics + ")");
        }
    }
}
