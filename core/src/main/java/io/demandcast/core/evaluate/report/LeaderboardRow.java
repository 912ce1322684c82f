package io.demandcast.core.evaluate.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One model's line of the backtest leaderboard.
 *
 * @param rank    1-based position, 1 = best
 * @param model   the model's name as configured (unique within a leaderboard)
 * @param family  the model family, e.g. {@code stat}, {@code ml}, {@code deep}; empty when unknown
 * @param role    {@value #CANDIDATE}, {@value #BASELINE} (the seasonal naive every skill is measured
 *                against) or {@value #PRODUCTION} (the model currently in use)
 * @param metrics metric name to value, NaN where the metric is undefined for this model; a name of
 *                {@link ReportData#metricNames()} that is missing here counts as NaN
 */
public record LeaderboardRow(int rank, String model, String family, String role, Map<String, Double> metrics) {
    /** A model competing for the top place. */
    public static final String CANDIDATE = "candidate";
    /** The seasonal naive benchmark. */
    public static final String BASELINE = "baseline";
    /** The model in production today. */
    public static final String PRODUCTION = "production";
    private static final Set<String> ROLES = Set.of(CANDIDATE, BASELINE, PRODUCTION);

    /**
     * Copies {@code metrics} (keeping its order) into an unmodifiable map.
     *
     * @throws IllegalArgumentException when the rank is below 1, the model is blank, the role is not
     *                                  one of the three above, or a metric value is null
     */
    public LeaderboardRow {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1 (got " + rank + ")");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank (got '" + model + "')");
        }
        family = family == null ? "" : family;
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role of model '" + model + "' must be one of " + CANDIDATE + ", "
                    + BASELINE + ", " + PRODUCTION + " (got '" + role + "')");
        }
        Objects.requireNonNull(metrics, "metrics");
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("metric " + name + " of model '" + model
                        + "' is null: use NaN for an undefined value");
            }
            copy.put(name, value);
        });
        metrics = Collections.unmodifiableMap(copy);
    }

    /** The value of a metric, NaN when this row does not have it. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
