package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV of covariates joined to the series of the data on date ({@code data.calendar}, the M5
 * {@code calendar.csv} shape), or, with {@code by}, on a static attribute and date
 * ({@code data.joins}, e.g. every brand's price per store and week). Its columns are known over
 * the forecast periods unless listed as past-only.
 *
 * @param file                the CSV
 * @param date                its date column (default {@code date})
 * @param by                  a static column of the data (from {@code data.schema.statics} or
 *                            {@code data.attributes}) the file also has: rows join on (its value, date);
 *                            null joins on date alone
 * @param covariates          known numeric columns to join (e.g. {@code snap_CA})
 * @param categorical         known text columns to join (e.g. {@code event_name_1})
 * @param pastOnly            numeric columns to join that are observed only up to a forecast's cutoff
 * @param pastOnlyCategorical text columns to join that are observed only up to the cutoff
 */
public record CalendarConfig(String file, String date, String by, List<String> covariates, List<String> categorical,
                             List<String> pastOnly, List<String> pastOnlyCategorical) {

    public CalendarConfig {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("file is required: the CSV to join");
        }
        date = date == null ? "date" : date;
        if (by != null && by.isBlank()) {
            throw new IllegalArgumentException("by must name a static column (got '')");
        }
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        pastOnlyCategorical = pastOnlyCategorical == null ? List.of() : List.copyOf(pastOnlyCategorical);
    }

    /** A join on date alone of known columns. */
    public CalendarConfig(String file, String date, List<String> covariates, List<String> categorical) {
        this(file, date, null, covariates, categorical, null, null);
    }

    /** The numeric columns joined: known, then past-only. */
    @JsonIgnore
    public List<String> numericColumns() {
        return concat(covariates, pastOnly);
    }

    /** The text columns joined: known, then past-only. */
    @JsonIgnore
    public List<String> categoricalColumns() {
        return concat(categorical, pastOnlyCategorical);
    }

    /** Every column joined, numeric then text. */
    @JsonIgnore
    public List<String> columns() {
        return concat(numericColumns(), categoricalColumns());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
