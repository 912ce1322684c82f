package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between two JSON/YAML trees as key paths ({@code model.params.alpha}), for
 * {@code models diff} and the identical re-train check. Objects are walked key by key; an array is
 * one value (its compact JSON text), since a list such as {@code predict.quantiles} reads better
 * whole than element by element.
 */
public final class TreeChanges {
    private TreeChanges() {
    }

    /**
     * One changed key.
     *
     * @param path   the key path, dot-separated
     * @param before the value in the first tree as text (a string without quotes), null when absent there
     * @param after  the value in the second tree, null when absent there
     */
    public record Change(String path, String before, String after) {
    }

    /** Every key whose value differs, sorted by path; empty when the trees are equal. */
    public static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Change> out = new ArrayList<>();
        for (String k : keys) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null ? y != null : !x.equals(y)) {
                out.add(new Change(k, x, y));
            }
        }
        return out;
    }

    /** Leaf values by key path; an empty object or a missing tree has none. */
    public static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> out = new TreeMap<>();
        if (tree != null && !tree.isMissingNode()) {
            walk("", tree, out);
        }
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (!path.isEmpty()) {
            out.put(path, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
