package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a list of member specs (family names, or {@code {family, params}} mappings) into member
 * methods (or forecasters of any family); shared by the families that hold other local methods (combination, auto selection).
 */
public final class MemberSpecs {
    private MemberSpecs() {
    }

    /**
     * @param node      the list node
     * @param keyPath   its key path, for messages (e.g. {@code model.params.members})
     * @param forbidden families that may not be members (the holder itself)
     * @throws IllegalArgumentException naming {@code keyPath[i]} when a member is malformed, forbidden or unknown
     */
    public static List<SeriesMethod> resolve(JsonNode node, String keyPath, ModelContext context, MemberResolver resolver,
                                             Set<String> forbidden) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(keyPath + " must be a non-empty list of family names or {family, params} mappings (got " + node + ")");
        }
        List<SeriesMethod> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(resolveOne(node.get(i), keyPath + "[" + i + "]", context, resolver, forbidden));
        }
        return out;
    }

    /** One member spec, as a local method. */
    public static SeriesMethod resolveOne(JsonNode m, String where, ModelContext context, MemberResolver resolver, Set<String> forbidden) {
        Spec spec = spec(m, where, forbidden);
        try {
            return resolver.resolve(spec.family(), spec.params(), context);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + spec.family() + "): " + e.getMessage(), e);
        }
    }

    /**
     * The list of member specs as forecasters of any family, local or global.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    public static List<Forecaster> forecasters(JsonNode node, String keyPath, ModelContext context, MemberResolver resolver,
                                               Set<String> forbidden) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(keyPath + " must be a non-empty list of family names or {family, params} mappings (got " + node + ")");
        }
        List<Forecaster> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String where = keyPath + "[" + i + "]";
            Spec spec = spec(node.get(i), where, forbidden);
            try {
                out.add(resolver.forecaster(spec.family(), spec.params(), context));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + spec.family() + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A member's family and params as written. */
    private record Spec(String family, JsonNode params) {
    }

    private static Spec spec(JsonNode m, String where, Set<String> forbidden) {
        String family;
        JsonNode memberParams;
        if (m.isTextual()) {
            family = m.textValue();
            memberParams = JsonNodeFactory.instance.objectNode();
        } else if (m.isObject() && m.path("family").isTextual()) {
            family = m.get("family").textValue();
            memberParams = m.has("params") && !m.get("params").isNull() ? m.get("params") : JsonNodeFactory.instance.objectNode();
            List<String> extra = new ArrayList<>();
            m.fieldNames().forEachRemaining(k -> {
                if (!k.equals("family") && !k.equals("params")) {
                    extra.add(k);
                }
            });
            if (!extra.isEmpty()) {
                throw new IllegalArgumentException(where + " has unknown keys " + extra + " (allowed: family, params)");
            }
        } else {
            throw new IllegalArgumentException(where + " must be a family name or a {family, params} mapping (got " + m + ")");
        }
        if (forbidden.contains(family)) {
            throw new IllegalArgumentException(where + ": a " + family + " cannot be a member here");
        }
        return new Spec(family, memberParams);
    }

    /** The spec a member method is rebuilt from: {@code {family, params}}. */
    public static java.util.Map<String, Object> specOf(SeriesMethod m) {
        java.util.Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put("family", m.family());
        one.put("params", m.parameters());
        return one;
    }
}
