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
 * method: mean                                    # or median
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
                "per-step mean or median of member local models' forecasts; members (default " + DEFAULT_MEMBERS
                        + "; names or {family, params}), method (mean|median, default mean)",
                (params, ctx) -> fromParams(params, ctx, resolver),
                saved -> fromSaved(saved, resolver)));
    }

    /**
     * @throws IllegalArgumentException naming {@code model.params.members[i]} when a member is malformed or unknown
     */
    static Combination fromParams(JsonNode params, ModelContext context, MemberResolver resolver) {
        Params p = Params.of(COMBINATION, params, Set.of("members", "method"));
        Combination.Method method = Combination.Method.valueOf(
                p.choice("method", "mean", List.of("mean", "median")).toUpperCase(java.util.Locale.ROOT));
        JsonNode node = p.node("members");
        if (node == null) {
            node = Combination.toJson(DEFAULT_MEMBERS);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model.params.members of " + COMBINATION
                    + " must be a non-empty list of family names or {family, params} mappings (got " + node + ")");
        }
        return new Combination(MemberSpecs.resolve(node, "model.params.members", context, resolver, Set.of(COMBINATION)), method, context);
    }

    static Combination fromSaved(JsonNode saved, MemberResolver resolver) {
        JsonNode ctx = saved.path("context");
        ModelContext context = new ModelContext(Frequency.parse(ctx.path("frequency").asText()), ctx.path("season_length").asInt(1));
        Combination.Method method = Combination.Method.valueOf(saved.path("method").asText("mean").toUpperCase(java.util.Locale.ROOT));
        return new Combination(MemberSpecs.resolve(saved.path("members"), "members", context, resolver, Set.of(COMBINATION)), method, context);
    }
}
