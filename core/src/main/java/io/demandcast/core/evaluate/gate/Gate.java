package io.demandcast.core.evaluate.gate;

import io.demandcast.core.config.GateRule;
import io.demandcast.core.config.PredictConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/**
 * Checks the gate rules of {@code evaluate} against a backtest leaderboard ({@link GateInput}).
 *
 * <p>Each rule is checked on the models it names ({@code model}) or else on every candidate, giving
 * one {@link GateOutcome} per rule and checked model, in rule order and then candidate order.
 * <ul>
 *   <li>Absolute ({@code {metric: rmsse, max: 0.9}}, {@code {metric: r2, min: 0.5}}, or both bounds):
 *       the value must lie within the bounds.</li>
 *   <li>Relative ({@code {relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}}): the ratio of
 *       the model's value to the reference's must not exceed {@code max_ratio}. Lower is better, so the
 *       ratio is model / reference, except for {@link GateRule#HIGHER_IS_BETTER} metrics, where it is
 *       reference / model; either way a ratio below 1 means the model beat the reference. 0 / 0 counts
 *       as 1. A ratio needs values {@code >= 0}: a negative one fails the rule; {@code bias} and
 *       {@code relative_bias}, which have a sign, cannot be used in relative rules.</li>
 *   <li>Coverage ({@code {coverage: 0.8, tolerance: 0.05}}): the empirical coverage of the central
 *       80 % interval of the rule's {@code intervals} kind (default {@link GateInput#defaultIntervals()})
 *       must lie within {@code coverage ± tolerance}.</li>
 *   <li>Service level ({@code {service_level: 0.95, tolerance: 0.02}}): the cycle service level achieved
 *       by every simulated policy with that target ({@link GateInput#serviceLevels()}) must lie within
 *       {@code service_level ± tolerance}; one outcome per model, naming each policy.</li>
 * </ul>
 * An undefined (NaN) or missing value fails its rule, saying so. {@code relative_to: production}
 * (or {@code model: production}) when the store has no production model passes, with
 * {@link GateInput#productionNote()} in the reason: a first deployment has no champion to beat.
 * Comparisons forgive a relative 1e-9, so that rounding noise between two equal forecasts (a ratio
 * of 1.0000000000000002 against {@code max_ratio: 1}) does not fail a rule.
 *
 * <p>Nothing here does I/O; the inputs are left unchanged.
 */
public final class Gate {

    /** Metrics with a sign, for which a ratio means nothing. */
    private static final Set<String> SIGNED = Set.of("bias", "relative_bias");
    private static final double EPS = 1e-9;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@/-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private Gate() {
    }

    /**
     * Checks every rule.
     *
     * @return one outcome per rule and checked model, rules in the given order, models in candidate
     *         order (or the rule's own {@code model}); empty when there are no rules
     * @throws IllegalArgumentException when a rule does not fit the leaderboard: an unknown metric (the
     *                                  message lists the known ones), an unknown {@code model} or
     *                                  {@code relative_to}, a coverage level or interval kind that was
     *                                  not scored (the message lists the levels available), a ratio
     *                                  of a signed metric, a non-finite bound or {@code min > max}.
     *                                  The message starts with {@code gate rule <ruleText>:}. It is a
     *                                  config error: no outcome is returned then.
     */
    public static List<GateOutcome> check(List<GateRule> rules, GateInput input) {
        Set<String> knownMetrics = new TreeSet<>();
        input.metrics().values().forEach(m -> knownMetrics.addAll(m.keySet()));
        List<GateOutcome> outcomes = new ArrayList<>();
        for (GateRule rule : rules) {
            String text = ruleText(rule);
            validate(rule, text, knownMetrics);
            List<String> models = rule.model() == null ? input.candidates() : List.of(rule.model());
            for (String named : models) {
                String model = resolve(named, text, "model", input);
                if (model == null) {
                    outcomes.add(new GateOutcome(rule, text, named, true, noProduction(input)));
                    continue;
                }
                outcomes.add(switch (rule.kind()) {
                    case ABSOLUTE -> absolute(rule, text, model, input);
                    case RELATIVE -> relative(rule, text, model, input);
                    case COVERAGE -> coverage(rule, text, model, input);
                    case SERVICE_LEVEL -> serviceLevel(rule, text, model, input);
                });
            }
        }
        return List.copyOf(outcomes);
    }

    /**
     * The rule as a YAML flow mapping with its keys in a fixed order, numbers as short as they go
     * ({@code 1.0} is {@code 1}), e.g. {@code {relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}}
     * or {@code {coverage: 0.8, tolerance: 0.05, intervals: conformal}}. Parsed back by
     * {@code ConfigLoader.parseGateRule}, it gives an equal rule.
     */
    public static String ruleText(GateRule rule) {
        StringBuilder sb = new StringBuilder("{");
        switch (rule.kind()) {
            case ABSOLUTE -> {
                sb.append("metric: ").append(yaml(rule.metric()));
                if (rule.min() != null) {
                    sb.append(", min: ").append(number(rule.min()));
                }
                if (rule.max() != null) {
                    sb.append(", max: ").append(number(rule.max()));
                }
            }
            case RELATIVE -> sb.append("relative_to: ").append(yaml(rule.relativeTo()))
                    .append(", metric: ").append(yaml(rule.metric()))
                    .append(", max_ratio: ").append(number(rule.maxRatio()));
            case SERVICE_LEVEL -> sb.append("service_level: ").append(number(rule.serviceLevel()))
                    .append(", tolerance: ").append(number(rule.tolerance()));
            case COVERAGE -> {
                sb.append("coverage: ").append(number(rule.coverage())).append(", tolerance: ").append(number(rule.tolerance()));
                if (rule.intervals() != null) {
                    sb.append(", intervals: ").append(rule.intervals().name());
                }
            }
        }
        if (rule.model() != null) {
            sb.append(", model: ").append(yaml(rule.model()));
        }
        return sb.append('}').toString();
    }

    // ---- the three kinds --------------------------------------------------------------------

    private static GateOutcome absolute(GateRule rule, String text, String model, GateInput input) {
        String metric = rule.metric();
        double v = value(input, model, metric);
        if (Double.isNaN(v)) {
            return fail(rule, text, model, metric + " is undefined (NaN), so it cannot meet " + bounds(rule));
        }
        if (rule.max() != null && above(v, rule.max())) {
            return fail(rule, text, model, metric + " " + shown(v, x -> above(x, rule.max())) + " > max " + number(rule.max()));
        }
        if (rule.min() != null && below(v, rule.min())) {
            return fail(rule, text, model, metric + " " + shown(v, x -> below(x, rule.min())) + " < min " + number(rule.min()));
        }
        String ok = rule.min() == null ? " <= max " + number(rule.max())
                : rule.max() == null ? " >= min " + number(rule.min())
                : " within " + bounds(rule);
        return pass(rule, text, model, metric + " " + value(v) + ok);
    }

    private static GateOutcome relative(GateRule rule, String text, String model, GateInput input) {
        String reference = resolve(rule.relativeTo(), text, "relative_to", input);
        if (reference == null) {
            return pass(rule, text, model, noProduction(input));
        }
        String metric = rule.metric();
        double c = value(input, model, metric);
        double r = value(input, reference, metric);
        if (Double.isNaN(c)) {
            return fail(rule, text, model, metric + " is undefined (NaN), so there is no ratio to " + reference);
        }
        if (Double.isNaN(r)) {
            return fail(rule, text, model, metric + " of " + reference + " is undefined (NaN), so there is no ratio to it");
        }
        boolean higherIsBetter = GateRule.HIGHER_IS_BETTER.contains(metric);
        String fraction = higherIsBetter
                ? "(" + value(r) + " " + reference + " / " + value(c) + ", higher is better)"
                : "(" + value(c) + " / " + value(r) + " " + reference + ")";
        if (c < 0 || r < 0) {
            return fail(rule, text, model, metric + " ratio undefined " + fraction + ": a ratio needs values >= 0");
        }
        double ratio = c == 0 && r == 0 ? 1 : higherIsBetter ? r / c : c / r;
        double maxRatio = rule.maxRatio();
        if (above(ratio, maxRatio)) {
            return fail(rule, text, model, metric + " ratio " + shown(ratio, x -> above(x, maxRatio)) + " " + fraction
                    + " > max_ratio " + number(maxRatio));
        }
        return pass(rule, text, model, metric + " ratio " + value(ratio) + " " + fraction + " <= max_ratio " + number(maxRatio));
    }

    private static GateOutcome coverage(GateRule rule, String text, String model, GateInput input) {
        PredictConfig.Intervals kind = rule.intervals() != null ? rule.intervals() : input.defaultIntervals();
        Map<PredictConfig.Intervals, Map<Double, Double>> byKind = input.coverage().getOrDefault(model, Map.of());
        Map<Double, Double> levels = byKind.getOrDefault(kind, Map.of());
        Double level = null;
        for (Double l : levels.keySet()) {
            if (Math.abs(l - rule.coverage()) < EPS) {
                level = l;
            }
        }
        if (level == null) {
            throw new IllegalArgumentException("gate rule " + text + ": the leaderboard has no " + percent(rule.coverage()) + " "
                    + kind.name() + " interval for '" + model + "' (available: " + available(byKind) + ")");
        }
        double empirical = levels.get(level);
        BigDecimal nominal = BigDecimal.valueOf(rule.coverage());
        BigDecimal tolerance = BigDecimal.valueOf(rule.tolerance());
        double lo = nominal.subtract(tolerance).doubleValue();
        double hi = nominal.add(tolerance).doubleValue();
        String range = plain(nominal.subtract(tolerance)) + ".." + plain(nominal.add(tolerance));
        String what = percent(rule.coverage()) + " interval coverage ";
        if (Double.isNaN(empirical)) {
            return fail(rule, text, model, what + "is undefined (NaN) (" + kind.name() + ")");
        }
        DoublePredicate outside = x -> below(x, lo) || above(x, hi);
        if (outside.test(empirical)) {
            return fail(rule, text, model, what + shown(empirical, outside) + " outside " + range + " (" + kind.name() + ")");
        }
        return pass(rule, text, model, what + value(empirical) + " within " + range + " (" + kind.name() + ")");
    }

    private static GateOutcome serviceLevel(GateRule rule, String text, String model, GateInput input) {
        List<GateInput.AchievedServiceLevel> matching = new ArrayList<>();
        for (GateInput.AchievedServiceLevel a : input.serviceLevels().getOrDefault(model, List.of())) {
            if (Math.abs(a.target() - rule.serviceLevel()) < EPS) {
                matching.add(a);
            }
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("gate rule " + text + ": no policy with a cycle service level of "
                    + percent(rule.serviceLevel()) + " was simulated for '" + model + "' (add one to evaluate.policies)");
        }
        BigDecimal nominal = BigDecimal.valueOf(rule.serviceLevel());
        BigDecimal tolerance = BigDecimal.valueOf(rule.tolerance());
        double lo = nominal.subtract(tolerance).doubleValue();
        double hi = nominal.add(tolerance).doubleValue();
        String range = plain(nominal.subtract(tolerance)) + ".." + plain(nominal.add(tolerance));
        DoublePredicate outside = x -> below(x, lo) || above(x, hi);
        List<String> parts = new ArrayList<>();
        boolean passed = true;
        for (GateInput.AchievedServiceLevel a : matching) {
            if (Double.isNaN(a.achieved())) {
                parts.add(a.policy() + " achieved no cycle (undefined)");
                passed = false;
            } else if (outside.test(a.achieved())) {
                parts.add(a.policy() + " achieved " + shown(a.achieved(), outside) + " outside " + range + " (" + a.cycles() + " cycles)");
                passed = false;
            } else {
                parts.add(a.policy() + " achieved " + value(a.achieved()) + " within " + range + " (" + a.cycles() + " cycles)");
            }
        }
        String reason = "cycle service level: " + String.join("; ", parts);
        return passed ? pass(rule, text, model, reason) : fail(rule, text, model, reason);
    }

    // ---- validation -------------------------------------------------------------------------

    private static void validate(GateRule rule, String text, Set<String> knownMetrics) {
        if (rule.kind() == GateRule.Kind.COVERAGE || rule.kind() == GateRule.Kind.SERVICE_LEVEL) {
            return;
        }
        if (!knownMetrics.contains(rule.metric())) {
            throw new IllegalArgumentException("gate rule " + text + ": unknown metric '" + rule.metric()
                    + "' (known: " + String.join(", ", knownMetrics) + ")");
        }
        if (rule.kind() == GateRule.Kind.RELATIVE && SIGNED.contains(rule.metric())) {
            throw new IllegalArgumentException("gate rule " + text + ": a ratio of " + rule.metric()
                    + " means nothing, as it has a sign; bound it instead, e.g. {metric: " + rule.metric() + ", min: -0.1, max: 0.1}");
        }
        for (Double bound : new Double[] {rule.max(), rule.min()}) {
            if (bound != null && !Double.isFinite(bound)) {
                throw new IllegalArgumentException("gate rule " + text + ": bounds must be finite numbers (got " + bound + ")");
            }
        }
        if (rule.max() != null && rule.min() != null && rule.min() > rule.max()) {
            throw new IllegalArgumentException("gate rule " + text + ": min " + number(rule.min()) + " is above max " + number(rule.max()));
        }
    }

    /** The leaderboard name {@code name} stands for; null for {@code production} when there is none. */
    private static String resolve(String name, String text, String key, GateInput input) {
        if (name.equals(GateRule.PRODUCTION) && !input.metrics().containsKey(name)) {
            return input.productionModel();
        }
        if (!input.metrics().containsKey(name)) {
            throw new IllegalArgumentException("gate rule " + text + ": unknown " + key + " '" + name + "' (leaderboard: "
                    + String.join(", ", input.metrics().keySet()) + (input.productionModel() == null || input.metrics().containsKey(GateRule.PRODUCTION) ? "" : ", " + GateRule.PRODUCTION) + ")");
        }
        return name;
    }

    private static String noProduction(GateInput input) {
        String note = input.productionNote();
        return "no production model to compare with" + (note == null || note.isBlank() ? "" : " (" + note + ")")
                + ": passes as a first deployment";
    }

    private static String available(Map<PredictConfig.Intervals, Map<Double, Double>> byKind) {
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, levels) -> {
            if (!levels.isEmpty()) {
                parts.add(String.join(", ", levels.keySet().stream().sorted().map(Gate::percent).toList()) + " " + kind.name());
            }
        });
        return parts.isEmpty() ? "no interval was scored" : String.join("; ", parts);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static GateOutcome pass(GateRule rule, String text, String model, String reason) {
        return new GateOutcome(rule, text, model, true, reason);
    }

    private static GateOutcome fail(GateRule rule, String text, String model, String reason) {
        return new GateOutcome(rule, text, model, false, reason);
    }

    private static double value(GateInput input, String model, String metric) {
        Double v = input.metrics().get(model).get(metric);
        return v == null ? Double.NaN : v;
    }

    private static boolean above(double v, double bound) {
        return v > bound + EPS * Math.max(1, Math.abs(bound));
    }

    private static boolean below(double v, double bound) {
        return v < bound - EPS * Math.max(1, Math.abs(bound));
    }

    private static String bounds(GateRule rule) {
        if (rule.min() != null && rule.max() != null) {
            return "min " + number(rule.min()) + " .. max " + number(rule.max());
        }
        return rule.max() != null ? "max " + number(rule.max()) : "min " + number(rule.min());
    }

    /** A configured number as written: {@code 0.9}, {@code 1} for 1.0. */
    static String number(double d) {
        return Double.isFinite(d) ? plain(BigDecimal.valueOf(d)) : Double.toString(d);
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** A measured value: 3 decimals at or above 1, else 3 significant digits ({@code 0.934}, {@code 12.346}, {@code 0.00123}). */
    static String value(double v) {
        return rounded(v, 3);
    }

    /**
     * {@code v} rounded as in {@link #value}, with more digits while the rounded value would not
     * itself satisfy {@code failing} (so {@code 0.90004 > max 0.9} does not read {@code 0.9 > max 0.9}).
     */
    private static String shown(double v, DoublePredicate failing) {
        for (int digits = 3; digits <= 17; digits++) {
            String s = rounded(v, digits);
            if (!Double.isFinite(v) || failing.test(Double.parseDouble(s))) {
                return s;
            }
        }
        return Double.toString(v);
    }

    private static String rounded(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal b = new BigDecimal(v);
        BigDecimal r = Math.abs(v) >= 1 ? b.setScale(digits, RoundingMode.HALF_UP) : b.round(new MathContext(digits, RoundingMode.HALF_UP));
        return plain(r);
    }

    /** {@code 0.8} as {@code 80%}, {@code 0.975} as {@code 97.5%}. */
    private static String percent(double level) {
        return plain(new BigDecimal(level).movePointRight(2).round(new MathContext(6, RoundingMode.HALF_UP))) + "%";
    }

    /** A name as a YAML scalar: plain when YAML reads it back as the same string, else single-quoted. */
    private static String yaml(String s) {
        if (PLAIN.matcher(s).matches() && !YAML_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
