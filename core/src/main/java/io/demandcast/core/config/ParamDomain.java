package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The values one hyper-parameter takes in a {@code tune.space} entry, as written:
 * <pre>
 * alpha: 0.1                          # fixed (any scalar, or a mapping such as {family: theta})
 * alpha: [0.05, 0.1, 0.2]             # a choice (a list is always a choice)
 * alpha: {choice: [0.05, 0.1]}        # the same
 * order: {value: [1, 1, 1]}           # a fixed list (or mapping) value
 * alpha: {range: [0.05, 0.3]}         # uniform in [a, b]; in grid search needs grid_points
 * window: {int_range: [3, 28]}        # an integer in [a, b]; grid: every integer, or grid_points of them
 * lr: {log_range: [0.001, 0.3]}       # log-uniform in [a, b], a > 0; in grid search needs grid_points
 * alpha: {range: [0.05, 0.3], grid_points: 4}
 * </pre>
 * Immutable; bound from YAML by {@link #of} and written back in the same form by {@link #spec}.
 */
public sealed interface ParamDomain {
    /** Keys that make a mapping a domain rather than a fixed mapping value. */
    Set<String> FORMS = Set.of("choice", "value", "range", "int_range", "log_range");

    /** Significant digits kept of a sampled or gridded real number, so leaderboards stay readable. */
    int DIGITS = 6;

    /** The domain as written in a config. */
    @JsonValue
    JsonNode spec();

    /**
     * The values a grid search tries, in order.
     *
     * @param defaultPoints {@code tune.grid_points}, or null
     * @throws IllegalArgumentException when a real range has no number of grid points
     */
    List<JsonNode> gridValues(Integer defaultPoints);

    /** Whether a grid over this domain needs {@code grid_points}. */
    default boolean needsGridPoints() {
        return false;
    }

    /** One value drawn at random. */
    JsonNode sample(RandomGenerator random);

    /** The values a family is checked with when the config is loaded: each choice, or both ends of a range. */
    List<JsonNode> corners();

    /**
     * Reads a domain from its YAML form.
     *
     * @throws IllegalArgumentException naming the form and the problem
     */
    @JsonCreator
    static ParamDomain of(JsonNode node) {
        if (node.isArray()) {
            return Choice.of(node, "a list of values to choose from");
        }
        if (!node.isObject() || !hasForm(node)) {
            return new Fixed(node);
        }
        List<String> forms = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (FORMS.contains(key)) {
                forms.add(key);
            } else if (!key.equals("grid_points")) {
                other.add(key);
            }
        }
        if (forms.size() > 1 || !other.isEmpty()) {
            throw new IllegalArgumentException("a search domain is one of {choice: [...]}, {value: v}, {range: [a, b]}, "
                    + "{int_range: [a, b]}, {log_range: [a, b]} (ranges may add grid_points: n); got keys "
                    + fieldNames(node));
        }
        String form = forms.get(0);
        JsonNode arg = node.get(form);
        Integer points = gridPoints(node, form);
        return switch (form) {
            case "choice" -> Choice.of(arg, "choice");
            case "value" -> new Fixed(arg);
            case "range" -> {
                double[] ab = bounds(arg, form, false);
                yield new Range(ab[0], ab[1], points);
            }
            case "log_range" -> {
                double[] ab = bounds(arg, form, false);
                if (ab[0] <= 0) {
                    throw new IllegalArgumentException("log_range needs 0 < a <= b (got " + arg + ")");
                }
                yield new LogRange(ab[0], ab[1], points);
            }
            default -> {
                double[] ab = bounds(arg, form, true);
                yield new IntRange((long) ab[0], (long) ab[1], points);
            }
        };
    }

    private static boolean hasForm(JsonNode node) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (FORMS.contains(it.next())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Integer gridPoints(JsonNode node, String form) {
        JsonNode p = node.get("grid_points");
        if (p == null) {
            return null;
        }
        if (form.equals("choice") || form.equals("value")) {
            throw new IllegalArgumentException("grid_points belongs to a range, not to " + form);
        }
        if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 1) {
            throw new IllegalArgumentException("grid_points must be an integer >= 1 (got " + p + ")");
        }
        return p.intValue();
    }

    private static double[] bounds(JsonNode arg, String form, boolean integers) {
        String kind = integers ? "integers" : "numbers";
        if (arg == null || !arg.isArray() || arg.size() != 2 || !arg.get(0).isNumber() || !arg.get(1).isNumber()
                || integers && !(arg.get(0).isIntegralNumber() && arg.get(1).isIntegralNumber())) {
            throw new IllegalArgumentException(form + " needs a list of two " + kind + " [a, b] (got " + arg + ")");
        }
        double a = arg.get(0).doubleValue();
        double b = arg.get(1).doubleValue();
        if (!Double.isFinite(a) || !Double.isFinite(b) || a > b) {
            throw new IllegalArgumentException(form + " needs a <= b (got " + arg + ")");
        }
        return new double[] {a, b};
    }

    /** {@code v} rounded to {@link #DIGITS} significant digits. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(DIGITS)).doubleValue();
    }

    /** A value passed through as it is. */
    record Fixed(JsonNode value) implements ParamDomain {
        public Fixed {
            value = value.deepCopy();
        }

        @Override
        public JsonNode spec() {
            if (value.isArray() || value.isObject() && hasForm(value)) {
                ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
                wrapped.set("value", value.deepCopy());
                return wrapped;
            }
            return value.deepCopy();
        }

        @Override
        public List<JsonNode> gridValues(Integer defaultPoints) {
            return List.of(value);
        }

        @Override
        public JsonNode sample(RandomGenerator random) {
            return value;
        }

        @Override
        public List<JsonNode> corners() {
            return List.of(value);
        }
    }

    /** One of a list of values. */
    record Choice(List<JsonNode> values) implements ParamDomain {
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one value");
            }
            values = values.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        }

        static Choice of(JsonNode list, String what) {
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(what + " needs a non-empty list (got " + list + ")");
            }
            List<JsonNode> values = new ArrayList<>();
            list.forEach(values::add);
            return new Choice(values);
        }

        @Override
        public JsonNode spec() {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            values.forEach(v -> arr.add(v.deepCopy()));
            return arr;
        }

        @Override
        public List<JsonNode> gridValues(Integer defaultPoints) {
            return values;
        }

        @Override
        public JsonNode sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public List<JsonNode> corners() {
            return values;
        }
    }

    /** A real number, uniform in [low, high]. */
    record Range(double low, double high, Integer gridPoints) implements ParamDomain {
        @Override
        public JsonNode spec() {
            return rangeSpec("range", JsonNodeFactory.instance.numberNode(low), JsonNodeFactory.instance.numberNode(high), gridPoints);
        }

        @Override
        public boolean needsGridPoints() {
            return gridPoints == null;
        }

        @Override
        public List<JsonNode> gridValues(Integer defaultPoints) {
            int n = points(gridPoints, defaultPoints, "range");
            Set<Double> out = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(round(n == 1 ? (low + high) / 2 : low + i * (high - low) / (n - 1)));
            }
            return out.stream().map(v -> (JsonNode) JsonNodeFactory.instance.numberNode(v)).toList();
        }

        @Override
        public JsonNode sample(RandomGenerator random) {
            return JsonNodeFactory.instance.numberNode(round(low + random.nextDouble() * (high - low)));
        }

        @Override
        public List<JsonNode> corners() {
            return List.of(JsonNodeFactory.instance.numberNode(low), JsonNodeFactory.instance.numberNode(high));
        }
    }

    /** A real number whose logarithm is uniform in [log low, log high]; {@code low > 0}. */
    record LogRange(double low, double high, Integer gridPoints) implements ParamDomain {
        @Override
        public JsonNode spec() {
            return rangeSpec("log_range", JsonNodeFactory.instance.numberNode(low), JsonNodeFactory.instance.numberNode(high), gridPoints);
        }

        @Override
        public boolean needsGridPoints() {
            return gridPoints == null;
        }

        @Override
        public List<JsonNode> gridValues(Integer defaultPoints) {
            int n = points(gridPoints, defaultPoints, "log_range");
            double a = Math.log(low);
            double b = Math.log(high);
            Set<Double> out = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(round(Math.exp(n == 1 ? (a + b) / 2 : a + i * (b - a) / (n - 1))));
            }
            return out.stream().map(v -> (JsonNode) JsonNodeFactory.instance.numberNode(v)).toList();
        }

        @Override
        public JsonNode sample(RandomGenerator random) {
            double a = Math.log(low);
            return JsonNodeFactory.instance.numberNode(round(Math.exp(a + random.nextDouble() * (Math.log(high) - a))));
        }

        @Override
        public List<JsonNode> corners() {
            return List.of(JsonNodeFactory.instance.numberNode(low), JsonNodeFactory.instance.numberNode(high));
        }
    }

    /** An integer in [low, high]. A grid without grid_points tries every one. */
    record IntRange(long low, long high, Integer gridPoints) implements ParamDomain {
        /** Most integers a grid over an int_range without grid_points enumerates. */
        public static final int MAX_ENUMERATED = 1000;

        public IntRange {
            if (low > high) {
                throw new IllegalArgumentException("int_range needs a <= b (got [" + low + ", " + high + "])");
            }
        }

        @Override
        public JsonNode spec() {
            return rangeSpec("int_range", number(low), number(high), gridPoints);
        }

        @Override
        public boolean needsGridPoints() {
            return gridPoints == null && high - low + 1 > MAX_ENUMERATED;
        }

        @Override
        public List<JsonNode> gridValues(Integer defaultPoints) {
            long count = high - low + 1;
            Integer n = gridPoints != null ? gridPoints : count <= MAX_ENUMERATED ? (int) count : defaultPoints;
            if (n == null) {
                throw new IllegalArgumentException("int_range [" + low + ", " + high + "] holds more than " + MAX_ENUMERATED
                        + " integers: give it grid_points");
            }
            Set<Long> out = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(n == 1 ? Math.round((low + high) / 2.0) : Math.round(low + i * (double) (high - low) / (n - 1)));
            }
            return out.stream().map(IntRange::number).collect(java.util.stream.Collectors.toList());
        }

        @Override
        public JsonNode sample(RandomGenerator random) {
            return number(low + random.nextLong(high - low + 1));
        }

        @Override
        public List<JsonNode> corners() {
            return List.of(number(low), number(high));
        }

        private static JsonNode number(long v) {
            return v == (int) v ? JsonNodeFactory.instance.numberNode((int) v) : JsonNodeFactory.instance.numberNode(v);
        }
    }

    private static ObjectNode rangeSpec(String form, JsonNode low, JsonNode high, Integer gridPoints) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray(form).add(low).add(high);
        if (gridPoints != null) {
            node.put("grid_points", gridPoints);
        }
        return node;
    }

    private static int points(Integer own, Integer defaultPoints, String form) {
        Integer n = own != null ? own : defaultPoints;
        if (n == null) {
            throw new IllegalArgumentException("a " + form + " in grid search needs grid_points");
        }
        return n;
    }
}
