package io.demandcast.core.config;

import java.util.List;

/**
 * A calendar/event CSV joined to every series on date (the M5 {@code calendar.csv} shape).
 *
 * @param file        the CSV
 * @param date        its date column (default {@code date})
 * @param covariates  numeric columns to join (e.g. {@code snap_CA})
 * @param categorical text columns to join (e.g. {@code event_name_1})
 */
public record CalendarConfig(String file, String date, List<String> covariates, List<String> categorical) {

    public CalendarConfig {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("data.calendar.file is required when data.calendar is given");
        }
        date = date == null ? "date" : date;
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
    }
}
