package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.Params;
import io.demandcast.core.model.stat.SeriesMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Members are built through a {@link MemberResolver}, from any registered family. When every member
 * is local, the combination is a per-series {@link Combination}: a saved one records each member's
 * family and {@code parameters()} and rebuilds it from them with the saved data context, so a
 * member family's recorded parameters must be accepted back as its {@code model.params} (true of
 * every local family in demandcast). With a global member it is a {@link CombinationForecaster},
 * whose members save and load themselves ({@link FittedCombination}).
 */
public final class CombinationFamily {
    public static final String COMBINATION = "combination";
    public static final List<String> DEFAULT_MEMBERS = List.of("auto_ets", "auto_arima", "theta");

    private CombinationFamily() {
    }

    static final String DESCRIPTION = "per-step mean, median or weighted mean of member models' forecasts; members (default "
            + DEFAULT_MEMBERS + "; names or {family, params}; any family, local or global), method (mean|median|weighted, default "
            + "mean, weighted when weights are given), weights (one per member, >= 0, normalised to sum to 1)";

    /** {@code combination}, its members resolved by {@code resolver}. */
    public static List<ModelFamily> families(MemberResolver resolver) {
        LocalFamily local = new LocalFamily(COMBINATION, DESCRIPTION,
                (params, ctx) -> fromParams(params, ctx, resolver),
                saved -> fromSaved(saved, resolver));
        return List.of(new Family(local, resolver));
    }

    /**
     * The one {@code combination} family: members all local give the per-series {@link Combination}
     * (fitted, saved and loaded as every local family); any global member gives a
     * {@link CombinationForecaster} over the panel, saved as {@link FittedCombination}.
     */
    private static final class Family implements ModelFamily {
        private final LocalFamily local;
        private final MemberResolver resolver;

        Family(LocalFamily local, MemberResolver resolver) {
            this.local = local;
            this.resolver = resolver;
        }

        @Override
        public String name() {
            return COMBINATION;
        }

        @Override
        public String description() {
            return DESCRIPTION;
        }

        @Override
        public Forecaster create(JsonNode params, ModelContext context) {
            return CombinationFamily.create(params, context, resolver);
        }

        @Override
        public FittedModel load(Path directory) throws IOException {
            return Files.exists(directory.resolve(FittedCombination.FILE)) ? FittedCombination.load(directory, resolver)
                    : local.load(directory);
        }
    }

    /**
     * The combination {@code params} describe: a {@link LocalForecaster} of a {@link Combination}
     * when every member is local, else a {@link CombinationForecaster}.
     *
     * @throws IllegalArgumentException naming the key when a member, the method or the weights are invalid
     */
    static Forecaster create(JsonNode params, ModelContext context, MemberResolver resolver) {
        Params p = Params.of(COMBINATION, params, Set.of("members", "method", "weights"));
        JsonNode weightsNode = p.node("weights");
        Combination.Method method = method(p, weightsNode);
        List<Forecaster> members = MemberSpecs.forecasters(membersNode(p), "model.params.members", context, resolver, Set.of(COMBINATION));
        double[] weights = weights(weightsNode, method, members.size());
        if (members.stream().allMatch(m -> m instanceof LocalForecaster)) {
            List<SeriesMethod> methods = members.stream().map(m -> ((LocalForecaster) m).method()).toList();
            return new LocalForecaster(new Combination(methods, method, weights, context));
        }
        return new CombinationForecaster(members, new CombinationRule(method, weights, members.size()), context);
    }

    /**
     * The members of a combination forecaster (local members as {@link LocalForecaster}s), or null
     * when {@code f} is not a combination.
     */
    public static List<Forecaster> members(Forecaster f) {
        if (f instanceof CombinationForecaster c) {
            return c.members();
        }
        if (f instanceof LocalForecaster local && local.method() instanceof Combination c) {
            return c.members().stream().map(m -> (Forecaster) new LocalForecaster(m)).toList();
        }
        return null;
    }

    /** The rule of a combination forecaster, or null when {@code f} is not a combination. */
    public static CombinationRule rule(Forecaster f) {
        if (f instanceof CombinationForecaster c) {
            return c.rule();
        }
        if (f instanceof LocalForecaster local && local.method() instanceof Combination c) {
            return c.rule();
        }
        return null;
    }

    /**
     * @throws IllegalArgumentException naming {@code model.params.members[i]} when a member is malformed, unknown or not local
     */
    static Combination fromParams(JsonNode params, ModelContext context, MemberResolver resolver) {
        Params p = Params.of(COMBINATION, params, Set.of("members", "method", "weights"));
        JsonNode weightsNode = p.node("weights");
        Combination.Method method = method(p, weightsNode);
        List<SeriesMethod> members = MemberSpecs.resolve(membersNode(p), "model.params.members", context, resolver, Set.of(COMBINATION));
        return new Combination(members, method, weights(weightsNode, method, members.size()), context);
    }

    private static Combination.Method method(Params p, JsonNode weightsNode) {
        return Combination.Method.valueOf(p.choice("method", weightsNode != null ? "weighted" : "mean",
                List.of("mean", "median", "weighted")).toUpperCase(java.util.Locale.ROOT));
    }

    private static JsonNode membersNode(Params p) {
        JsonNode node = p.node("members");
        if (node == null) {
            node = Combination.toJson(DEFAULT_MEMBERS);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model.params.members of " + COMBINATION
                    + " must be a non-empty list of family names or {family, params} mappings (got " + node + ")");
        }
        return node;
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
        ModelContext context = savedContext(saved.path("context"));
        List<SeriesMethod> members = MemberSpecs.resolve(saved.path("members"), "members", context, resolver, Set.of(COMBINATION));
        CombinationRule rule = savedRule(saved, members.size());
        return new Combination(members, rule.method(), rule.weights(), context);
    }

    /** The data context a combination recorded; horizon and past-only columns when it recorded them. */
    static ModelContext savedContext(JsonNode ctx) {
        Frequency frequency = Frequency.parse(ctx.path("frequency").asText());
        int season = ctx.path("season_length").asInt(1);
        if (!ctx.has("horizon")) {
            return new ModelContext(frequency, season);
        }
        List<String> pastOnly = new ArrayList<>();
        ctx.path("past_only").forEach(c -> pastOnly.add(c.asText()));
        return new ModelContext(frequency, season, ctx.path("horizon").asInt(), pastOnly);
    }

    /** The rule recorded in a combination's saved parameters ({@code method}, {@code weights}). */
    static CombinationRule savedRule(JsonNode saved, int members) {
        Combination.Method method = Combination.Method.valueOf(saved.path("method").asText("mean").toUpperCase(java.util.Locale.ROOT));
        double[] weights = null;
        if (method == Combination.Method.WEIGHTED) {
            weights = new double[saved.path("weights").size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = saved.path("weights").get(i).asDouble();
            }
        }
        return new CombinationRule(method, weights, members);
    }
}
