package io.demandcast.core.evaluate;

import java.util.Objects;

/**
 * Layout of a long-format forecast CSV written by another tool: one row per (series, date) with
 * the point forecast, and optionally a column naming the model or method, so one file can hold
 * several methods (e.g. the M3 participants' file: {@code series_id,method,step,date,forecast}).
 *
 * @param idColumn       series id column
 * @param dateColumn     ISO date column (yyyy-mm-dd)
 * @param forecastColumn point forecast column
 * @param filterColumn   column to select rows by (e.g. {@code method}), or null to keep every row
 * @param filterValue    value {@code filterColumn} must equal (e.g. {@code THETA}); null iff no filter column
 */
public record ForecastCsvFormat(String idColumn, String dateColumn, String forecastColumn, String filterColumn,
                                String filterValue) {

    /** @throws IllegalArgumentException when a column name is missing or the filter is half given */
    public ForecastCsvFormat {
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(forecastColumn, "forecastColumn");
        if ((filterColumn == null) != (filterValue == null)) {
            throw new IllegalArgumentException("a forecast filter needs both a column and a value (got column "
                    + filterColumn + ", value " + filterValue + ")");
        }
    }

    /** {@code series_id,date,forecast}, every row. */
    public static ForecastCsvFormat defaults() {
        return new ForecastCsvFormat("series_id", "date", "forecast", null, null);
    }

    /** The same layout keeping only rows whose {@code column} equals {@code value}. */
    public ForecastCsvFormat filtered(String column, String value) {
        return new ForecastCsvFormat(idColumn, dateColumn, forecastColumn, Objects.requireNonNull(column, "column"),
                Objects.requireNonNull(value, "value"));
    }
}
