package io.demandcast.core.config;

import java.util.Set;

/**
 * One rule of the {@code evaluate} gate ({@code gate:} list, or {@code --gate '{...}'}). Three kinds:
 * <ul>
 *   <li>absolute: {@code {metric: rmsse, max: 0.9}} (or {@code min} for metrics where higher is better);</li>
 *   <li>relative: {@code {relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}}, the candidate's
 *       value over the reference model's on the same windows; {@code relative_to: production} is the
 *       store's {@code LATEST} version of {@code model.name} (champion / challenger);</li>
 *   <li>coverage: {@code {coverage: 0.8, tolerance: 0.05}}, the empirical coverage of the central
 *       80 % interval must lie within 0.75 .. 0.85;</li>
 *   <li>service level: {@code {service_level: 0.95, tolerance: 0.02}}, the cycle service level achieved
 *       in the backtest's simulation of every {@code evaluate.policies} entry with that target must lie
 *       within 0.93 .. 0.97.</li>
 * </ul>
 *
 * @param metric    a leaderboard metric (lower is better except {@code r2} and {@code direction_accuracy})
 * @param max       absolute upper bound
 * @param min       absolute lower bound
 * @param relativeTo reference model name, or {@code production}
 * @param maxRatio  upper bound of candidate / reference
 * @param coverage  nominal level of a central interval, in (0, 1)
 * @param tolerance allowed distance of the empirical coverage from {@code coverage} (default 0.05)
 * @param model     the leaderboard model the rule checks (default: every candidate model)
 * @param intervals which intervals a coverage rule checks: {@code model} or {@code conformal} (default {@code predict.intervals})
 * @param serviceLevel target cycle service level of the policies a service-level rule checks, in (0, 1);
 *                  {@code tolerance} defaults to 0.02 then
 */
public record GateRule(String metric, Double max, Double min, String relativeTo, Double maxRatio, Double coverage,
                       Double tolerance, String model, PredictConfig.Intervals intervals,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       Double serviceLevel) {

    /** Reference name of the champion: the store's LATEST version of the candidate's model name. */
    public static final String PRODUCTION = "production";

    /** Metrics where a higher value is better. */
    public static final Set<String> HIGHER_IS_BETTER = Set.of("r2", "direction_accuracy", "direction_precision", "direction_recall",
            "direction_f1");

    /** Default tolerance of a service-level rule: the "within 2 points of the target". */
    public static final double SERVICE_LEVEL_TOLERANCE = 0.02;

    public GateRule {
        if (serviceLevel != null) {
            if (metric != null || max != null || min != null || relativeTo != null || maxRatio != null || coverage != null
                    || intervals != null) {
                throw new IllegalArgumentException("gate: a service_level rule takes only service_level, tolerance and model");
            }
            if (!(serviceLevel > 0 && serviceLevel < 1)) {
                throw new IllegalArgumentException("gate: service_level must lie in (0, 1) (got " + serviceLevel + ")");
            }
            tolerance = tolerance == null ? SERVICE_LEVEL_TOLERANCE : tolerance;
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("gate: tolerance must lie in [0, 1) (got " + tolerance + ")");
            }
        } else if (coverage != null) {
            if (metric != null || max != null || min != null || relativeTo != null || maxRatio != null) {
                throw new IllegalArgumentException("gate: a coverage rule takes only coverage, tolerance, model and intervals");
            }
            if (!(coverage > 0 && coverage < 1)) {
                throw new IllegalArgumentException("gate: coverage must lie in (0, 1) (got " + coverage + ")");
            }
            tolerance = tolerance == null ? 0.05 : tolerance;
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("gate: tolerance must lie in [0, 1) (got " + tolerance + ")");
            }
        } else {
            if (metric == null) {
                throw new IllegalArgumentException("gate: a rule needs 'metric' (or 'coverage', or 'service_level')");
            }
            if (tolerance != null || intervals != null) {
                throw new IllegalArgumentException("gate: tolerance and intervals belong to coverage rules (tolerance also to service_level rules)");
            }
            if (relativeTo != null) {
                if (maxRatio == null || max != null || min != null) {
                    throw new IllegalArgumentException("gate: a relative_to rule needs max_ratio (and no max/min)");
                }
                if (!(maxRatio > 0)) {
                    throw new IllegalArgumentException("gate: max_ratio must be > 0 (got " + maxRatio + ")");
                }
            } else {
                if (maxRatio != null) {
                    throw new IllegalArgumentException("gate: max_ratio needs relative_to");
                }
                if (max == null && min == null) {
                    throw new IllegalArgumentException("gate: rule on '" + metric + "' needs max or min");
                }
            }
        }
    }

    /** A rule of the kinds before service levels (no {@code service_level}). */
    public GateRule(String metric, Double max, Double min, String relativeTo, Double maxRatio, Double coverage,
                    Double tolerance, String model, PredictConfig.Intervals intervals) {
        this(metric, max, min, relativeTo, maxRatio, coverage, tolerance, model, intervals, null);
    }

    /** A service-level rule: {@code {service_level: target, tolerance: tolerance}} on {@code model} (null: every candidate). */
    public static GateRule serviceLevel(double target, Double tolerance, String model) {
        return new GateRule(null, null, null, null, null, null, tolerance, model, null, target);
    }

    /** The kind of rule. */
    public Kind kind() {
        return serviceLevel != null ? Kind.SERVICE_LEVEL : coverage != null ? Kind.COVERAGE : relativeTo != null ? Kind.RELATIVE : Kind.ABSOLUTE;
    }

    /** The kinds of rule. */
    public enum Kind { ABSOLUTE, RELATIVE, COVERAGE, SERVICE_LEVEL }
}
