package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forecast combination: every member method is fitted on the series and, per step, the members'
 * point forecasts are averaged (mean, median, or a weighted mean with fixed weights summing to 1).
 * Quantiles are combined the same way, level by level (quantile averaging, "Vincentization"; with
 * the median, the median of the members' quantiles), which keeps them ordered across levels. The
 * result is finite because every member's is.
 */
public final class Combination implements SeriesMethod {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How member forecasts are combined. */
    public enum Method {
        MEAN, MEDIAN, WEIGHTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final List<SeriesMethod> members;
    private final CombinationRule rule;
    private final ModelContext context;

    /**
     * An unweighted combination.
     *
     * @param members the member methods, at least one
     * @param method  {@link Method#MEAN} or {@link Method#MEDIAN}
     * @param context the data context the members were built with (saved, so they can be rebuilt)
     * @throws IllegalArgumentException when there is no member, or the method is weighted
     */
    public Combination(List<SeriesMethod> members, Method method, ModelContext context) {
        this(members, method, null, context);
    }

    /**
     * @param weights with {@link Method#WEIGHTED}: one per member, each finite and {@code >= 0}, summing
     *                to more than 0; normalised to sum to 1. Null for the other methods.
     * @throws IllegalArgumentException when there is no member, or the weights do not fit the method or members
     */
    public Combination(List<SeriesMethod> members, Method method, double[] weights, ModelContext context) {
        this.rule = new CombinationRule(method, weights, members.size());
        this.members = List.copyOf(members);
        this.context = context;
    }

    /**
     * Weights scaled to sum to 1.
     *
     * @throws IllegalArgumentException when their number is not {@code members}, one is negative or not
     *                                  finite, or they sum to 0
     */
    public static double[] normalised(double[] weights, int members) {
        if (weights.length != members) {
            throw new IllegalArgumentException("weights: one per member expected (" + members + " members, "
                    + weights.length + " weights)");
        }
        double sum = 0;
        for (double w : weights) {
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weights must be finite numbers >= 0 (got " + Arrays.toString(weights) + ")");
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be 0 (got " + Arrays.toString(weights) + ")");
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] / sum;
        }
        return out;
    }

    /** The normalised weights (summing to 1) of a weighted combination, else null. */
    public double[] weights() {
        return rule.weights();
    }

    public List<SeriesMethod> members() {
        return members;
    }

    public Method method() {
        return rule.method();
    }

    /** How the members' forecasts are combined. */
    public CombinationRule rule() {
        return rule;
    }

    /**
     * The combination of forecasts the members made of the same series over the same periods, step
     * by step and level by level exactly as a fitted combination does: what a backtest uses when it
     * already holds its members' forecasts, instead of fitting them again.
     *
     * @param forecasts one per member, in member order
     * @throws IllegalArgumentException when the member forecasts differ in series, periods, horizon or
     *                                  levels, or their number is not the number of members
     */
    public Forecast combine(String model, List<Forecast> forecasts) {
        return rule.combine(model, forecasts);
    }

    @Override
    public String family() {
        return CombinationFamily.COMBINATION;
    }

    /**
     * {@code members} as {family, params} mappings with each member's own parameters, {@code method},
     * the normalised {@code weights} of a weighted combination, and the {@code context} (frequency,
     * season_length) they were built with.
     */
    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = rule.parameters(members.stream().map(m -> m.family()).toList(),
                members.stream().map(m -> m.parameters()).toList());
        p.put("context", Map.of("frequency", context.frequency().label(), "season_length", context.seasonLength()));
        return p;
    }

    @Override
    public SeriesFit fit(double[] y) {
        SeriesFit[] fits = new SeriesFit[members.size()];
        for (int i = 0; i < fits.length; i++) {
            fits[i] = members.get(i).fit(y);
        }
        return new Fit(fits);
    }

    /**
     * The members' outcomes on the series, merged by {@link io.demandcast.core.model.FitOutcome#ofMembers}:
     * null (as asked) unless a member fell back.
     */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fitted) {
        if (!(fitted instanceof Fit fit)) {
            return null;
        }
        List<io.demandcast.core.model.FitOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < fit.fits.length; i++) {
            SeriesMethod member = members.get(i);
            outcomes.add(io.demandcast.core.model.FitOutcome.of("", member.family(), member.familyUsed(y, fit.fits[i])));
        }
        io.demandcast.core.model.FitOutcome merged = io.demandcast.core.model.FitOutcome.ofMembers("", family(), outcomes);
        return merged.fellBack() ? io.demandcast.core.model.FamilyUsed.fallback(merged.familyUsed(), merged.reason()) : null;
    }

    /** Each member updated with its own update; the combination rule is fixed anyway. */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        if (!(fitted instanceof Fit fit) || fit.fits.length != members.size()) {
            throw new IllegalArgumentException(family() + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
        }
        SeriesFit[] updated = new SeriesFit[members.size()];
        for (int i = 0; i < updated.length; i++) {
            updated[i] = members.get(i).update(fit.fits[i], y);
        }
        return new Fit(updated);
    }

    /** {@link UpdateMode#FILTER} when any member filters; otherwise every member's update is a refit, and so is the combination's. */
    @Override
    public UpdateMode updateMode() {
        return members.stream().anyMatch(m -> m.updateMode() == UpdateMode.FILTER) ? UpdateMode.FILTER : UpdateMode.REFORECAST;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        JsonNode arr = state.path("members");
        if (arr.size() != members.size()) {
            throw new IllegalArgumentException("members holds " + arr.size() + " states, expected " + members.size());
        }
        SeriesFit[] fits = new SeriesFit[members.size()];
        for (int i = 0; i < fits.length; i++) {
            fits[i] = members.get(i).load(arr.get(i));
        }
        return new Fit(fits);
    }

    private final class Fit implements SeriesFit {
        private final SeriesFit[] fits;

        Fit(SeriesFit[] fits) {
            this.fits = fits;
        }

        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            SeriesForecast[] f = new SeriesForecast[fits.length];
            for (int i = 0; i < fits.length; i++) {
                f[i] = fits[i].forecast(horizon, levels);
            }
            double[] point = new double[horizon];
            double[][] q = new double[levels.length][horizon];
            double[] values = new double[fits.length];
            for (int step = 0; step < horizon; step++) {
                for (int i = 0; i < fits.length; i++) {
                    values[i] = f[i].point()[step];
                }
                point[step] = rule.combine(values);
                for (int l = 0; l < levels.length; l++) {
                    for (int i = 0; i < fits.length; i++) {
                        values[i] = f[i].quantiles()[l][step];
                    }
                    q[l][step] = rule.combine(values);
                }
            }
            return new SeriesForecast(point, q);
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ArrayNode arr = node.putArray("members");
            for (SeriesFit fit : fits) {
                arr.add(fit.state());
            }
            return node;
        }
    }

    static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }
}
