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
import java.util.LinkedHashMap;
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
    private final Method method;
    private final double[] weights;
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
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        if ((method == Method.WEIGHTED) != (weights != null)) {
            throw new IllegalArgumentException(method == Method.WEIGHTED ? "a weighted combination needs weights"
                    : "weights need method weighted (got " + method.label() + ")");
        }
        this.members = List.copyOf(members);
        this.method = method;
        this.weights = weights == null ? null : normalised(weights, members.size());
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
        return weights == null ? null : weights.clone();
    }

    public List<SeriesMethod> members() {
        return members;
    }

    public Method method() {
        return method;
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
        if (forecasts.size() != members.size()) {
            throw new IllegalArgumentException("one forecast per member expected (" + members.size() + " members, "
                    + forecasts.size() + " forecasts)");
        }
        Forecast first = forecasts.get(0);
        int n = first.seriesCount();
        int h = first.horizon();
        double[] levels = first.levels();
        for (Forecast f : forecasts) {
            if (!f.seriesIds().equals(first.seriesIds()) || f.horizon() != h || !Arrays.equals(f.levels(), levels)) {
                throw new IllegalArgumentException("member forecasts must cover the same series, horizon and levels");
            }
            for (int s = 0; s < n; s++) {
                if (f.firstPeriod(s) != first.firstPeriod(s)) {
                    throw new IllegalArgumentException("member forecasts of '" + f.seriesId(s) + "' start on different periods");
                }
            }
        }
        double[] point = new double[n * h];
        double[][] q = new double[levels.length][n * h];
        double[] values = new double[forecasts.size()];
        int[] firstPeriods = new int[n];
        for (int s = 0; s < n; s++) {
            firstPeriods[s] = first.firstPeriod(s);
            for (int k = 0; k < h; k++) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = forecasts.get(i).point(s, k);
                }
                point[s * h + k] = combine(values);
                for (int l = 0; l < levels.length; l++) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = forecasts.get(i).quantile(l, s, k);
                    }
                    q[l][s * h + k] = combine(values);
                }
            }
        }
        return new Forecast(model, first.axis(), first.seriesIds().toArray(String[]::new), firstPeriods, h, point, levels, q);
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("members", members.stream().map(m -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("family", m.family());
            one.put("params", m.parameters());
            return one;
        }).toList());
        p.put("method", method.label());
        if (weights != null) {
            p.put("weights", Arrays.stream(weights).boxed().toList());
        }
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

    private double combine(double[] values) {
        if (method == Method.WEIGHTED) {
            double s = 0;
            for (int i = 0; i < values.length; i++) {
                s += weights[i] * values[i];
            }
            return s;
        }
        if (method == Method.MEAN) {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.length;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
                point[step] = combine(values);
                for (int l = 0; l < levels.length; l++) {
                    for (int i = 0; i < fits.length; i++) {
                        values[i] = f[i].quantiles()[l][step];
                    }
                    q[l][step] = combine(values);
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
