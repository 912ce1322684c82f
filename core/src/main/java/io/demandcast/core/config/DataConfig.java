package io.demandcast.core.config;

import java.util.List;

/**
 * The raw input.
 *
 * @param files     long-format CSV files read in order and concatenated (e.g. train and a later extract)
 * @param schema    what the columns mean
 * @param frequency {@code daily|weekly|monthly|quarterly|yearly}; inferred from the dates when absent
 * @param calendar  optional calendar/event CSV joined on date
 * @param seasonLength season length for seasonal models and scaled metrics; from the frequency when absent
 * @param series    which series to read; every series when absent
 */
public record DataConfig(List<String> files, SchemaConfig schema, String frequency, CalendarConfig calendar,
                         Integer seasonLength, SeriesFilter series) {

    public DataConfig {
        files = files == null ? List.of() : List.copyOf(files);
        schema = schema == null ? new SchemaConfig(null, null, null, null, null, null) : schema;
        if (frequency != null) {
            io.demandcast.core.data.Frequency.parse(frequency);
        }
        if (series != null) {
            series.requireStaticColumns(schema.statics());
        }
        if (seasonLength != null && seasonLength < 1) {
            throw new IllegalArgumentException("data.season_length must be >= 1 (got " + seasonLength + ")");
        }
    }
}
