package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a family's {@code model.params} node into typed values, with messages that name the key
 * and the bad value; unknown keys are rejected with the allowed ones listed.
 */
public final class Params {
    private final String family;
    private final JsonNode node;

    private Params(String family, JsonNode node) {
        this.family = family;
        this.node = node;
    }

    /**
     * @throws IllegalArgumentException when {@code node} is not a mapping or holds a key not in {@code allowed}
     */
    public static Params of(String family, JsonNode node, Set<String> allowed) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new IllegalArgumentException("model.params of " + family + " must be a mapping (got " + node + ")");
        }
        if (node != null) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw new IllegalArgumentException("model.params." + key + " is not a parameter of " + family
                            + " (allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())) + ")");
                }
            }
        }
        return new Params(family, node);
    }

    private JsonNode get(String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** An integer within [min, max], or the default when absent. */
    public int integer(String key, int defaultValue, int min, int max) {
        JsonNode v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw new IllegalArgumentException("model.params." + key + " must be an integer in [" + min + ", " + max + "] (got " + v + ")");
        }
        return v.intValue();
    }

    /** A number within [min, max], or the default when absent. */
    public double number(String key, double defaultValue, double min, double max) {
        JsonNode v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber() || v.doubleValue() < min || v.doubleValue() > max) {
            throw new IllegalArgumentException("model.params." + key + " must be a number in [" + min + ", " + max + "] (got " + v + ")");
        }
        return v.doubleValue();
    }

    /** A number within [min, max], or null when absent (meaning: estimate it). */
    public Double optionalNumber(String key, double min, double max) {
        return get(key) == null ? null : number(key, Double.NaN, min, max);
    }

    /** A boolean, or the default when absent. */
    public boolean bool(String key, boolean defaultValue) {
        JsonNode v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("model.params." + key + " must be true or false (got " + v + ")");
        }
        return v.booleanValue();
    }

    /** One of the allowed strings, or the default when absent. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        JsonNode v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isTextual() || !allowed.contains(v.textValue())) {
            throw new IllegalArgumentException("model.params." + key + " of " + family + " must be one of " + allowed + " (got " + v + ")");
        }
        return v.textValue();
    }

    /** A list of strings, or the default when absent. */
    public List<String> strings(String key, List<String> defaultValue) {
        JsonNode v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("model.params." + key + " must be a list (got " + v + ")");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("model.params." + key + " must be a list of names (got " + v + ")");
            }
            out.add(e.textValue());
        }
        return List.copyOf(out);
    }

    /** The raw node of a key (for nested specs such as ensemble members), or null. */
    public JsonNode node(String key) {
        return get(key);
    }
}
