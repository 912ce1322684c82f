package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code combination} family. Params:
 * <pre>
 * members: [auto_ets, auto_arima, theta]          # family names, each with its default params, or
 * members: [{family: theta}, {family: seasonal_naive, params: {season_length: 7}}]
 * method: mean                                    # or median, or weighted
 * weights: [0.5, 0.3, 0.2]                        # one per member, >= 0; normalised to sum to 1; implies weighted
 * </pre>
 * Members are built through a {@link MemberResolver}. A saved combination records each member's
 * family and {@code parameters()} and rebuilds it from them with the saved data context, so a
 * member family's recorded parameters must be accepted back as its {@code model.params} (true of
 * every local family in demandcast).
 */
public final class CombinationFamily {
    public static final String COMBINATION = "combination";
    public static final List<String> DEFAULT_MEMBERS = List.of("auto_ets", "auto_arima", "theta");

    private CombinationFamily() {
    }

    /** {@code combination}, its members resolved by {@code resolver}. */
    public static List<ModelFamily> families(MemberResolver resolver) {
        return List.of(new LocalFamily(COMBINATION,
                "per-step mean, median or weighted mean of member local models' forecasts; members (default " + DEFAULT_MEMBERS
                        + "; names or {family, params}), method (mean|median|weighted, default mean, weighted when weights are given), "
                        + "weights (one per member, >= 0, normalised to sum to 1)",
                (params, ctx) -> fromParams(params, ctx, resolver),
                saved -> fromSaved(saved, resolver)));
    }

    /**
     * @throws IllegalArgumentException naming {@code model.params.members[i]} when a member is malformed or unknown
     */
    static Combination fromParams(JsonNode params, ModelContext context, MemberResolver resolver) {
        Params p = Params.of(COMBINATION, params, Set.of("members", "method", "weights"));
        JsonNode weightsNode = p.node("weights");
        Combination.Method method = Combination.Method.valueOf(p.choice("method", weightsNode != null ? "weighted" : "mean",
                List.of("mean", "median", "weighted")).toUpperCase(java.util.Locale.ROOT));
        JsonNode node = p.node("members");
        if (node == null) {
            node = Combination.toJson(DEFAULT_MEMBERS);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model.params.members of " + COMBINATION
                    + " must be a non-empty list of family names or {family, params} mappings (got " + node + ")");
        }
        List<SeriesMethod> members = MemberSpecs.resolve(node, "model.params.members", context, resolver, Set.of(COMBINATION));
        return new Combination(members, method, weights(weightsNode, method, members.size()), context);
    }

    /** The weights of a weighted combination (null otherwise), checked against the method and the members. */
    private static double[] weights(JsonNode node, Combination.Method method, int members) {
        if (method != Combination.Method.WEIGHTED) {
            if (node != null) {
                throw new IllegalArgumentException("model.params.weights of " + COMBINATION + " need method: weighted (got method: "
                        + method.label() + ")");
            }
            return null;
        }
        if (node == null) {
            throw new IllegalArgumentException("model.params.weights of " + COMBINATION + " are required with method: weighted");
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("model.params.weights of " + COMBINATION + " must be a list of numbers (got " + node + ")");
        }
        double[] w = new double[node.size()];
        for (int i = 0; i < w.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException("model.params.weights of " + COMBINATION + " must be a list of numbers (got " + node + ")");
            }
            w[i] = node.get(i).doubleValue();
        }
        try {
            return Combination.normalised(w, members);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.params." + e.getMessage(), e);
        }
    }

    static Combination fromSaved(JsonNode saved, MemberResolver resolver) {
        JsonNode ctx = saved.path("context");
        ModelContext context = new ModelContext(Frequency.parse(ctx.path("frequency").asText()), ctx.path("season_length").asInt(1));
        Combination.Method method = Combination.Method.valueOf(saved.path("method").asText("mean").toUpperCase(java.util.Locale.ROOT));
        List<SeriesMethod> members = MemberSpecs.resolve(saved.path("members"), "members", context, resolver, Set.of(COMBINATION));
        double[] weights = null;
        if (method == Combination.Method.WEIGHTED) {
            weights = new double[saved.path("weights").size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = saved.path("weights").get(i).asDouble();
            }
        }
        return new Combination(members, method, weights, context);
    }
}
