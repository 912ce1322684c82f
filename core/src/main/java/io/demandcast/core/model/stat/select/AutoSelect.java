package io.demandcast.core.model.stat.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.combine.MemberSpecs;
import io.demandcast.core.prepare.DemandClass;
import io.demandcast.core.prepare.DemandProfile;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks one candidate method per series, so {@code model.family: auto} gives a sensible model for
 * every kind of series in a retail panel:
 * <ul>
 *   <li>{@code selection: class} (default) uses the series' Syntetos–Boylan class (ADI, CV² of
 *       the non-zero demands, as the prepare quality report computes them): smooth and erratic
 *       series get the {@code smooth}/{@code erratic} method, intermittent and lumpy ones the
 *       intermittent-demand method, an all-zero series the {@code no_demand} method;</li>
 *   <li>{@code selection: validation} fits every candidate on all but the last
 *       {@code validation_horizon} values, keeps the one with the lowest MAE (or RMSE) on them, and
 *       refits it on the whole series. A series too short to hold out
 *       (fewer than {@code 2 x validation_horizon} values) gets the first candidate.</li>
 * </ul>
 */
public final class AutoSelect implements SeriesMethod {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_SHORT_TO_VALIDATE = "too short to validate";

    /** How a candidate is chosen. */
    public enum Selection { CLASS, VALIDATION }

    /** Validation error measure. */
    public enum Metric { MAE, RMSE }

    private final Selection selection;
    private final Map<DemandClass, SeriesMethod> byClass;
    private final List<SeriesMethod> candidates;
    private final int validationHorizon;
    private final Metric metric;
    private final ModelContext context;
    /** Every member with its parameters as JSON, built once: loading matches each series' choice against them. */
    private final List<Map.Entry<SeriesMethod, JsonNode>> members;

    /**
     * @param byClass    method per demand class (all five classes), for {@code CLASS}
     * @param candidates candidate methods, for {@code VALIDATION} (at least one)
     */
    public AutoSelect(Selection selection, Map<DemandClass, SeriesMethod> byClass, List<SeriesMethod> candidates,
                      int validationHorizon, Metric metric, ModelContext context) {
        this.selection = selection;
        this.byClass = new EnumMap<>(byClass);
        this.candidates = List.copyOf(candidates);
        this.validationHorizon = validationHorizon;
        this.metric = metric;
        this.context = context;
        if (selection == Selection.CLASS && this.byClass.size() != DemandClass.values().length) {
            throw new IllegalArgumentException("class selection needs a method for every demand class");
        }
        if (selection == Selection.VALIDATION && this.candidates.isEmpty()) {
            throw new IllegalArgumentException("validation selection needs at least one candidate");
        }
        if (validationHorizon < 1) {
            throw new IllegalArgumentException("validation_horizon must be >= 1 (got " + validationHorizon + ")");
        }
        List<Map.Entry<SeriesMethod, JsonNode>> all = new java.util.ArrayList<>();
        this.byClass.values().forEach(m -> all.add(Map.entry(m, JSON.valueToTree(m.parameters()))));
        this.candidates.forEach(m -> all.add(Map.entry(m, JSON.valueToTree(m.parameters()))));
        this.members = List.copyOf(all);
    }

    @Override
    public String family() {
        return AutoSelectFamily.AUTO;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("selection", selection.name().toLowerCase(Locale.ROOT));
        Map<String, Object> classes = new LinkedHashMap<>();
        byClass.forEach((c, m) -> classes.put(c.label(), MemberSpecs.specOf(m)));
        p.put("by_class", classes);
        p.put("candidates", candidates.stream().map(MemberSpecs::specOf).toList());
        p.put("validation_horizon", validationHorizon);
        p.put("metric", metric.name().toLowerCase(Locale.ROOT));
        p.put("context", Map.of("frequency", context.frequency().label(), "season_length", context.seasonLength()));
        return p;
    }

    @Override
    public SeriesFit fit(double[] y) {
        if (selection == Selection.CLASS) {
            DemandClass demandClass = DemandProfile.of(y, 0, y.length).demandClass();
            SeriesMethod m = byClass.get(demandClass);
            return new Fit(m, m.fit(y), "class " + demandClass.label());
        }
        int hv = validationHorizon;
        if (y.length < 2 * hv) {
            SeriesMethod first = candidates.get(0);
            return new Fit(first, first.fit(y), TOO_SHORT_TO_VALIDATE);
        }
        double[] head = java.util.Arrays.copyOf(y, y.length - hv);
        SeriesMethod best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (SeriesMethod m : candidates) {
            double[] f = m.fit(head).forecast(hv, new double[0]).point();
            double error = error(y, y.length - hv, f);
            if (error < bestError) {
                bestError = error;
                best = m;
            }
        }
        if (best == null) {
            best = candidates.get(0);
        }
        return new Fit(best, best.fit(y), String.format(Locale.ROOT, "validation %s %.6g", metric.name().toLowerCase(Locale.ROOT), bestError));
    }

    /**
     * The chosen member's family ({@code auto_ets}, {@code sba}, ...: a choice, no reason), or
     * what the member itself fell back to; a series too short to validate on
     * ({@code selection: validation}) got the first candidate: {@code too_short}.
     */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fitted) {
        if (!(fitted instanceof Fit fit)) {
            return null;
        }
        io.demandcast.core.model.FamilyUsed member = fit.method.familyUsed(y, fit.fit);
        if (member != null && member.reason() != null) {
            return member;
        }
        String used = member != null ? member.family() : fit.method.family();
        return TOO_SHORT_TO_VALIDATE.equals(fit.reason)
                ? io.demandcast.core.model.FamilyUsed.fallback(used, io.demandcast.core.model.FallbackReason.TOO_SHORT)
                : io.demandcast.core.model.FamilyUsed.chosen(used);
    }

    private double error(double[] y, int from, double[] f) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double e = y[from + i] - f[i];
            sum += metric == Metric.MAE ? Math.abs(e) : e * e;
        }
        double mean = sum / f.length;
        return metric == Metric.MAE ? mean : Math.sqrt(mean);
    }

    /**
     * The per-series choice is kept (it was estimated from the fitted data, so this is always
     * {@link UpdateMode#FILTER}) and the chosen method's fit is updated with that method's own update.
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        if (!(fitted instanceof Fit fit)) {
            throw new IllegalArgumentException(family() + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
        }
        return new Fit(fit.method, fit.method.update(fit.fit, y), fit.reason);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        String chosen = state.path("chosen").asText();
        SeriesMethod m = member(chosen, state.path("chosen_params"));
        return new Fit(m, m.load(state.path("state")), state.path("reason").asText());
    }

    /** The member with this family and parameters (members are told apart by both). */
    private SeriesMethod member(String family, JsonNode params) {
        for (Map.Entry<SeriesMethod, JsonNode> m : members) {
            if (m.getKey().family().equals(family) && m.getValue().equals(params)) {
                return m.getKey();
            }
        }
        throw new IllegalArgumentException("chosen method '" + family + "' " + params + " is not among this model's members");
    }

    private static final class Fit implements SeriesFit {
        private final SeriesMethod method;
        private final SeriesFit fit;
        private final String reason;

        Fit(SeriesMethod method, SeriesFit fit, String reason) {
            this.method = method;
            this.fit = fit;
            this.reason = reason;
        }

        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            return fit.forecast(horizon, levels);
        }

        /** The chosen method's simulation (none when it has none). */
        @Override
        public io.demandcast.core.model.stat.SeriesSimulation simulation() {
            return fit.simulation();
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("chosen", method.family());
            node.set("chosen_params", JSON.valueToTree(method.parameters()));
            node.put("reason", reason);
            node.set("state", fit.state());
            return node;
        }
    }
}
