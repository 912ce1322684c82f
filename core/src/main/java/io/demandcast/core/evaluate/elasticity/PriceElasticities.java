package io.demandcast.core.evaluate.elasticity;

import io.demandcast.core.config.ElasticityConfig;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Own-price elasticities of every series of a history panel ({@link LogLogRegression}), pooled per
 * group of each grouping static column ({@link GroupElasticity}), with their distribution.
 *
 * @param series       one estimate per series of the history, in its order
 * @param groups       per grouping column, its groups in natural order of their values
 * @param distribution the spread of the series' estimates
 * @param price        the price column
 * @param controls     the controls entered
 */
public record PriceElasticities(List<SeriesElasticity> series, List<GroupElasticity> groups, ElasticityDistribution distribution,
                                String price, List<String> controls) {

    public PriceElasticities {
        series = List.copyOf(series);
        groups = List.copyOf(groups);
        controls = List.copyOf(controls);
    }

    /**
     * Estimates every series of {@code history} (its rows are the periods used: a backtest passes the
     * rows up to each series' last cutoff, so no scored period enters), series in parallel.
     *
     * @param groupColumns static columns of {@code history} to pool by
     * @throws IllegalArgumentException when the price, a control or a group column is not in the panel
     */
    public static PriceElasticities estimate(Panel history, ElasticityConfig config, List<String> groupColumns) {
        requireColumns(config, history.numericNames(), history.staticNames(), groupColumns);
        LogLogRegression regression = new LogLogRegression(config.minObservations());
        SeriesElasticity[] out = new SeriesElasticity[history.seriesCount()];
        IntStream.range(0, history.seriesCount()).parallel().forEach(s -> {
            List<double[]> controls = config.controls().stream().map(c -> history.numericValues(c, s)).toList();
            out[s] = regression.fit(history.seriesId(s), history.values(s), history.numericValues(config.price(), s), controls);
        });
        List<SeriesElasticity> series = List.of(out);
        List<GroupElasticity> groups = new ArrayList<>();
        for (String column : groupColumns) {
            Map<String, List<SeriesElasticity>> byValue = new TreeMap<>(PriceElasticities::naturalOrder);
            for (int s = 0; s < out.length; s++) {
                String value = history.staticValue(column, s);
                byValue.computeIfAbsent(value == null ? "" : value, v -> new ArrayList<>()).add(out[s]);
            }
            byValue.forEach((value, members) -> groups.add(pool(column, value, members)));
        }
        return new PriceElasticities(series, groups, distribution(series), config.price(), config.controls());
    }

    /** The estimates by series id. */
    public Map<String, SeriesElasticity> bySeries() {
        Map<String, SeriesElasticity> map = new LinkedHashMap<>();
        series.forEach(e -> map.put(e.seriesId(), e));
        return map;
    }

    /** The precision-weighted mean of the members' estimates (see {@link GroupElasticity}). */
    static GroupElasticity pool(String column, String value, List<SeriesElasticity> members) {
        double weights = 0;
        double sum = 0;
        List<Double> estimates = new ArrayList<>();
        for (SeriesElasticity e : members) {
            if (e.estimable() && e.se() > 0) {
                double w = 1 / (e.se() * e.se());
                weights += w;
                sum += w * e.elasticity();
                estimates.add(e.elasticity());
            }
        }
        if (estimates.isEmpty()) {
            return new GroupElasticity(column, value, members.size(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double pooled = sum / weights;
        double se = 1 / Math.sqrt(weights);
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + LogLogRegression.LEVEL / 2);
        return new GroupElasticity(column, value, members.size(), estimates.size(), pooled, se, pooled - z * se, pooled + z * se,
                quantile(estimates, 50));
    }

    static ElasticityDistribution distribution(List<SeriesElasticity> series) {
        List<Double> estimates = series.stream().filter(SeriesElasticity::estimable).map(SeriesElasticity::elasticity).toList();
        if (estimates.isEmpty()) {
            return new ElasticityDistribution(series.size(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double negative = estimates.stream().filter(e -> e < 0).count() / (double) estimates.size();
        double significant = series.stream().filter(SeriesElasticity::significantlyNegative).count() / (double) estimates.size();
        return new ElasticityDistribution(series.size(), estimates.size(), negative, significant,
                quantile(estimates, 25), quantile(estimates, 50), quantile(estimates, 75));
    }

    private static double quantile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(v, p);
    }

    /**
     * Checks that the price and controls are numeric columns and the groups static columns.
     *
     * @throws IllegalArgumentException naming the key, the column and the columns there are
     */
    public static void requireColumns(ElasticityConfig config, List<String> numeric, List<String> statics, List<String> groupColumns) {
        requireNumeric(numeric, config.price(), "price");
        config.controls().forEach(c -> requireNumeric(numeric, c, "controls"));
        for (String g : groupColumns) {
            if (!statics.contains(g)) {
                throw new IllegalArgumentException("evaluate.elasticity.groups: '" + g + "' is not a static column of the data"
                        + " (static columns: " + (statics.isEmpty() ? "none" : String.join(", ", statics)) + ")");
            }
        }
    }

    private static void requireNumeric(List<String> numeric, String column, String key) {
        if (!numeric.contains(column)) {
            throw new IllegalArgumentException("evaluate.elasticity." + key + ": '" + column + "' is not a numeric column of the"
                    + " prepared data (numeric columns: " + String.join(", ", numeric) + ")");
        }
    }

    /** Numbers by value (store 2 before store 10), then text. */
    private static int naturalOrder(String a, String b) {
        boolean na = a.matches("-?\\d+(\\.\\d+)?");
        boolean nb = b.matches("-?\\d+(\\.\\d+)?");
        if (na && nb) {
            int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
            return c != 0 ? c : a.compareTo(b);
        }
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }
}
