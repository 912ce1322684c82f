package io.demandcast.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Own-price elasticities in {@code evaluate}'s report ({@code evaluate.elasticity}): per series, the
 * log-log regression {@code ln(units) = a + e ln(price) + controls} on its history, pooled per group,
 * and the check of each model's response to a price cut.
 *
 * <pre>
 * evaluate:
 *   elasticity: {price: price, controls: [deal, feat], groups: [brand]}
 * </pre>
 *
 * @param price           the price column (a numeric covariate of the data); default {@code price}
 * @param controls        numeric covariates entered as they are (0/1 dummies for deals and feature ads);
 *                        default none
 * @param groups          static columns (e.g. {@code data.attributes} columns) to pool the estimates by,
 *                        one table per column; null (default) = every static column of the data
 * @param minObservations fewest periods (units &gt; 0, price &gt; 0) a series needs to be estimated; at
 *                        least 3, default 12
 * @throws IllegalArgumentException naming the key when a name is empty or repeated, or a control is the price
 */
public record ElasticityConfig(String price, List<String> controls, List<String> groups, Integer minObservations) {

    /** The default {@code evaluate.elasticity.price}. */
    public static final String DEFAULT_PRICE = "price";
    /** The default {@code evaluate.elasticity.min_observations}. */
    public static final int DEFAULT_MIN_OBSERVATIONS = 12;

    public ElasticityConfig {
        price = price == null ? DEFAULT_PRICE : price;
        if (price.isBlank()) {
            throw new IllegalArgumentException("evaluate.elasticity.price must name a numeric column (got '')");
        }
        controls = names(controls, "controls");
        if (controls.contains(price)) {
            throw new IllegalArgumentException("evaluate.elasticity.controls: '" + price + "' is the price column"
                    + " (evaluate.elasticity.price); list only the other covariates");
        }
        groups = groups == null ? null : names(groups, "groups");
        minObservations = minObservations == null ? DEFAULT_MIN_OBSERVATIONS : minObservations;
        if (minObservations < 3) {
            throw new IllegalArgumentException("evaluate.elasticity.min_observations must be at least 3 (got " + minObservations + ")");
        }
    }

    /** Every default: price column {@code price}, no controls, every static column as a group. */
    public static ElasticityConfig defaults() {
        return new ElasticityConfig(null, null, null, null);
    }

    private static List<String> names(List<String> names, String key) {
        if (names == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("evaluate.elasticity." + key + ": a column name is empty");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("evaluate.elasticity." + key + ": '" + name + "' is listed twice");
            }
        }
        return List.copyOf(names);
    }
}
