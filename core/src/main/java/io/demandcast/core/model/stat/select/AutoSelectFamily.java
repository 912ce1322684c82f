package io.demandcast.core.model.stat.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.combine.MemberResolver;
import io.demandcast.core.model.stat.combine.MemberSpecs;
import io.demandcast.core.prepare.DemandClass;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code auto} family. The class defaults were chosen on m5-tiny (280 M5 item-store series,
 * h = 28): ETS for smooth and erratic series with SBA for intermittent and lumpy ones gave mean
 * RMSSE 0.856, Theta in place of ETS 0.861, hold-out selection among five methods 0.917
 * (scripts/bench/m5_tiny.sh). Params (all optional):
 * <pre>
 * selection: class            # or validation
 * smooth: auto_ets            # per Syntetos–Boylan class: a family name or {family, params}
 * erratic: auto_ets
 * intermittent: sba
 * lumpy: sba
 * no_demand: naive
 * candidates: [theta, sba, tsb, seasonal_naive]   # for selection: validation
 * validation_horizon: 12      # default: the season length
 * metric: mae                 # or rmse
 * </pre>
 */
public final class AutoSelectFamily {
    public static final String AUTO = "auto";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DemandClass, String> DEFAULT_BY_CLASS = Map.of(
            DemandClass.SMOOTH, "auto_ets",
            DemandClass.ERRATIC, "auto_ets",
            DemandClass.INTERMITTENT, "sba",
            DemandClass.LUMPY, "sba",
            DemandClass.NO_DEMAND, "naive");
    private static final List<String> DEFAULT_CANDIDATES = List.of("theta", "sba", "tsb", "seasonal_naive");

    private AutoSelectFamily() {
    }

    public static List<ModelFamily> families(MemberResolver resolver) {
        return List.of(new LocalFamily(AUTO,
                "one method per series, by Syntetos-Boylan class (default: smooth/erratic auto_ets, intermittent/lumpy sba, "
                        + "no demand naive) or by hold-out error among candidates; selection (class|validation), "
                        + "smooth, erratic, intermittent, lumpy, no_demand, candidates, validation_horizon, metric (mae|rmse)",
                (params, ctx) -> fromParams(params, ctx, resolver),
                saved -> fromSaved(saved, resolver)));
    }

    static AutoSelect fromParams(JsonNode params, ModelContext context, MemberResolver resolver) {
        Set<String> allowed = new java.util.HashSet<>(Set.of("selection", "candidates", "validation_horizon", "metric"));
        for (DemandClass c : DemandClass.values()) {
            allowed.add(c.label());
        }
        Params p = Params.of(AUTO, params, allowed);
        AutoSelect.Selection selection = AutoSelect.Selection.valueOf(
                p.choice("selection", "class", List.of("class", "validation")).toUpperCase(Locale.ROOT));
        Map<DemandClass, SeriesMethod> byClass = new EnumMap<>(DemandClass.class);
        for (DemandClass c : DemandClass.values()) {
            JsonNode spec = p.node(c.label());
            if (spec == null) {
                spec = JSON.getNodeFactory().textNode(DEFAULT_BY_CLASS.get(c));
            }
            byClass.put(c, MemberSpecs.resolveOne(spec, "model.params." + c.label(), context, resolver, Set.of(AUTO)));
        }
        JsonNode candidatesNode = p.node("candidates");
        List<SeriesMethod> candidates = MemberSpecs.resolve(
                candidatesNode != null ? candidatesNode : JSON.valueToTree(DEFAULT_CANDIDATES),
                "model.params.candidates", context, resolver, Set.of(AUTO));
        int horizon = p.integer("validation_horizon", context.seasonLength(), 1, 100_000);
        AutoSelect.Metric metric = AutoSelect.Metric.valueOf(p.choice("metric", "mae", List.of("mae", "rmse")).toUpperCase(Locale.ROOT));
        return new AutoSelect(selection, byClass, candidates, horizon, metric, context);
    }

    static AutoSelect fromSaved(JsonNode saved, MemberResolver resolver) {
        JsonNode ctx = saved.path("context");
        ModelContext context = new ModelContext(Frequency.parse(ctx.path("frequency").asText()), ctx.path("season_length").asInt(1));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("selection", saved.path("selection").asText("class"));
        saved.path("by_class").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        params.put("candidates", saved.path("candidates"));
        params.put("validation_horizon", saved.path("validation_horizon").asInt(context.seasonLength()));
        params.put("metric", saved.path("metric").asText("mae"));
        return fromParams(JSON.valueToTree(params), context, resolver);
    }
}
