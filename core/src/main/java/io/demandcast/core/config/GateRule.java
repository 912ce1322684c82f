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
 *       80 % interval must lie within 0.75 .. 0.85.</li>
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
 */
public record GateRule(String metric, Double max, Double min, String relativeTo, Double maxRatio, Double coverage,
                       Double tolerance, String model, PredictConfig.Intervals intervals) {

    /** Reference name of the champion: the store's LATEST version of the candidate's model name. */
    public static final String PRODUCTION = "production";

    /** Metrics where a higher value is better. */
    public static final Set<String> HIGHER_IS_BETTER = Set.of("r2", "direction_accuracy", "direction_precision", "direction_recall",
            "direction_f1");

    public GateRule {
        if (coverage != null) {
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
                throw new IllegalArgumentException("gate: a rule needs 'metric' (or 'coverage')");
            }
            if (tolerance != null || intervals != null) {
                throw new IllegalArgumentException("gate: tolerance and intervals belong to coverage rules");
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

    /** The kind of rule. */
    public Kind kind() {
        return coverage != null ? Kind.COVERAGE : relativeTo != null ? Kind.RELATIVE : Kind.ABSOLUTE;
    }

    /** The three kinds of rule. */
    public enum Kind { ABSOLUTE, RELATIVE, COVERAGE }
}
