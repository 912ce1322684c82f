package io.demandcast.core.config;

import java.util.List;

/**
 * Column roles of the long-format input.
 *
 * @param id          one or more columns that together name a series (default {@code [series_id]})
 * @param date        ISO date column (default {@code date})
 * @param target      the quantity to forecast (default {@code value})
 * @param covariates  numeric or 0/1 columns known in advance (price, promo, SNAP)
 * @param categorical text columns that vary over time (event names and types)
 * @param statics     text attributes fixed per series (store, category)
 */
public record SchemaConfig(List<String> id, String date, String target, List<String> covariates,
                           List<String> categorical, List<String> statics) {

    public SchemaConfig {
        id = id == null || id.isEmpty() ? List.of("series_id") : List.copyOf(id);
        date = date == null ? "date" : date;
        target = target == null ? "value" : target;
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        statics = statics == null ? List.of() : List.copyOf(statics);
    }
}
