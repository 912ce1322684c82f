package io.demandcast.core.model.stat.combine;

import io.demandcast.core.model.Forecast;
import java.util.Arrays;
import java.util.List;

/**
 * How a combination turns its members' forecasts into one: per step, the mean, the median or a
 * weighted mean (weights normalised to sum to 1) of the members' points, and the same level by
 * level for quantiles. Shared by the per-series combination of local members, the panel
 * combination of members of any family, and backtests that combine runs already made.
 */
public final class CombinationRule {
    private final Combination.Method method;
    private final double[] weights;
    private final int members;

    /**
     * @param weights with {@link Combination.Method#WEIGHTED}: one per member (of {@code members}),
     *                normalised to sum to 1; null for the other methods
     * @throws IllegalArgumentException when the weights do not fit the method or members
     */
    public CombinationRule(Combination.Method method, double[] weights, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        if ((method == Combination.Method.WEIGHTED) != (weights != null)) {
            throw new IllegalArgumentException(method == Combination.Method.WEIGHTED ? "a weighted combination needs weights"
                    : "weights need method weighted (got " + method.label() + ")");
        }
        this.method = method;
        this.members = members;
        this.weights = weights == null ? null : Combination.normalised(weights, members);
    }

    public Combination.Method method() {
        return method;
    }

    /** The number of members. */
    public int members() {
        return members;
    }

    /** The normalised weights (summing to 1) of a weighted rule, else null. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** One value from the members' values of one step (and level), in member order. */
    double combine(double[] values) {
        if (method == Combination.Method.WEIGHTED) {
            double s = 0;
            for (int i = 0; i < values.length; i++) {
                s += weights[i] * values[i];
            }
            return s;
        }
        if (method == Combination.Method.MEAN) {
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

    /**
     * The combination of forecasts the members made of the same series over the same periods, step
     * by step and level by level.
     *
     * @param forecasts one per member, in member order
     * @throws IllegalArgumentException when the member forecasts differ in series, periods, horizon or
     *                                  levels, or their number is not the number of members
     */
    public Forecast combine(String model, List<Forecast> forecasts) {
        if (forecasts.size() != members) {
            throw new IllegalArgumentException("one forecast per member expected (" + members + " members, "
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

    /**
     * The members, rule and weights part of a combination's parameters: {@code members} as
     * {family, params} mappings, {@code method}, and the normalised {@code weights} of a weighted rule.
     */
    java.util.Map<String, Object> parameters(List<String> families, List<java.util.Map<String, Object>> memberParams) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        List<java.util.Map<String, Object>> members = new java.util.ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            java.util.Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put("family", families.get(i));
            one.put("params", memberParams.get(i));
            members.add(one);
        }
        p.put("members", members);
        p.put("method", method().label());
        double[] w = weights();
        if (w != null) {
            p.put("weights", Arrays.stream(w).boxed().toList());
        }
        return p;
    }
}
