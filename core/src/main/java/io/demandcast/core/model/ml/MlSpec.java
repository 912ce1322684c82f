package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.stat.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The feature, transform and strategy parameters of a global ML family (everything in
 * {@code model.params} except the learner's hyper-parameters), with the data context they were
 * read in. Immutable; {@link #parameters()} gives them back as {@code model.params} values.
 *
 * @param lags            target lags of the one-step model, ascending, each {@code >= 1}
 * @param rolling         rolling windows over the lagged target, ascending
 * @param rollingStats    some of {@code mean}, {@code std}, {@code nonzero} (the share of periods with demand) and
 *                        {@code since_nonzero} (periods since the last demand, capped at the window: M5's "days since last sale")
 * @param calendar        whether calendar features of the period's date are used
 * @param covariates      known numeric columns to use; null = every known numeric column
 * @param price           price columns; null = a known {@code price} or {@code sell_price} column if any
 * @param priceMomentum   whether each price column also gives its ratio to its own mean over each rolling window
 *                        ending the period before (the M5 winners' price momentum)
 * @param scale           per-series divisor of the target
 * @param scaleWindow     periods of {@link Scale#LAST_WINDOW}
 * @param transform       applied after scaling
 * @param strategy        multi-step strategy
 * @param blocks          number of models of {@link Strategy#HYBRID}
 * @param groupBy         static column with one model per value; {@link #PER_SERIES} without such a static: one
 *                        model per series; null = one global model
 * @param maxTrainPeriods training rows per series (its last periods); 0 = all
 * @param quantiles       where forecast quantiles come from
 * @param quantileLevels  the levels {@link Quantiles#LOSS} fits ({@code quantile_levels}), ascending; null = the
 *                        levels the experiment requests ({@link ModelContext#quantileLevels()})
 * @param seed            seed passed to the learner
 * @param context         frequency, season, horizon, past-only columns and requested quantile levels of the data
 */
public record MlSpec(int[] lags, int[] rolling, List<String> rollingStats, boolean calendar, List<String> covariates,
                     List<String> price, boolean priceMomentum, Scale scale, int scaleWindow, Transform transform, Strategy strategy, int blocks,
                     String groupBy, int maxTrainPeriods, Quantiles quantiles, List<Double> quantileLevels, long seed,
                     ModelContext context) {

    /** Per-series divisor of the target. */
    public enum Scale { NONE, MEAN, LAST_WINDOW }

    /** Transform applied to the scaled target. */
    public enum Transform { NONE, LOG1P }

    /** Multi-step strategy. */
    public enum Strategy { RECURSIVE, DIRECT, HYBRID }

    /**
     * Where forecast quantiles come from: {@code RESIDUAL}, the point model's in-sample residuals;
     * {@code LOSS}, one more regressor per level fitted with the learner's quantile (pinball) loss.
     */
    public enum Quantiles { RESIDUAL, LOSS }

    /** {@code group_by} value for one model per series, unless the data has a static column of that name. */
    public static final String PER_SERIES = "series";

    /** The keys of {@code model.params} this class reads (the learner reads the others). */
    public static final Set<String> KEYS = Set.of("lags", "rolling", "rolling_stats", "calendar", "covariates", "price",
            "price_momentum", "scale", "scale_window", "transform", "strategy", "blocks", "group_by", "max_train_periods", "quantiles", "quantile_levels",
            "seed");
    private static final List<String> STATS = List.of("mean", "std", "nonzero", "since_nonzero");

    public MlSpec {
        lags = lags.clone();
        rolling = rolling.clone();
        rollingStats = List.copyOf(rollingStats);
        covariates = covariates == null ? null : List.copyOf(covariates);
        price = price == null ? null : List.copyOf(price);
        quantileLevels = quantileLevels == null ? null : List.copyOf(quantileLevels);
    }

    @Override
    public int[] lags() {
        return lags.clone();
    }

    @Override
    public int[] rolling() {
        return rolling.clone();
    }

    /**
     * Reads the keys of {@link #KEYS} from {@code params} (the caller has already rejected unknown keys).
     *
     * @throws IllegalArgumentException naming {@code model.params.<key>} and the bad value
     */
    public static MlSpec parse(Params p, ModelContext context) {
        Frequency f = context.frequency();
        int[] lags = positiveInts(p.node("lags"), "lags", defaultLags(f, context.seasonLength()), false);
        int[] rolling = positiveInts(p.node("rolling"), "rolling", defaultRolling(f), true);
        List<String> stats = p.strings("rolling_stats", List.of("mean", "std"));
        for (String s : stats) {
            if (!STATS.contains(s)) {
                throw new IllegalArgumentException("model.params.rolling_stats must list some of " + STATS + " (got '" + s + "')");
            }
        }
        boolean calendar = p.bool("calendar", true);
        List<String> covariates = p.node("covariates") == null ? null : p.strings("covariates", List.of());
        List<String> price = p.node("price") == null ? null : p.strings("price", List.of());
        boolean priceMomentum = p.bool("price_momentum", false);
        Scale scale = Scale.valueOf(p.choice("scale", "mean", List.of("none", "mean", "last_window")).toUpperCase(Locale.ROOT));
        int scaleWindow = p.integer("scale_window", Math.max(7, context.seasonLength()), 1, 100_000);
        Transform transform = Transform.valueOf(p.choice("transform", "none", List.of("none", "log1p")).toUpperCase(Locale.ROOT));
        Strategy strategy = Strategy.valueOf(p.choice("strategy", "recursive", List.of("recursive", "direct", "hybrid")).toUpperCase(Locale.ROOT));
        int blocks = p.integer("blocks", 4, 1, 10_000);
        JsonNode group = p.node("group_by");
        if (group != null && !group.isTextual()) {
            throw new IllegalArgumentException("model.params.group_by must be the name of a static column (got " + group + ")");
        }
        int maxTrain = p.integer("max_train_periods", 0, 0, Integer.MAX_VALUE);
        Quantiles quantiles = Quantiles.valueOf(p.choice("quantiles", "residual", List.of("residual", "loss")).toUpperCase(Locale.ROOT));
        List<Double> quantileLevels = levels(p.node("quantile_levels"));
        if (quantileLevels != null && quantiles != Quantiles.LOSS) {
            throw new IllegalArgumentException("model.params.quantile_levels is used only with quantiles: loss (quantiles is residual)");
        }
        JsonNode seedNode = p.node("seed");
        if (seedNode != null && !seedNode.isIntegralNumber()) {
            throw new IllegalArgumentException("model.params.seed must be an integer (got " + seedNode + ")");
        }
        long seed = seedNode == null ? 42 : seedNode.longValue();
        return new MlSpec(lags, rolling, stats, calendar, covariates, price, priceMomentum, scale, scaleWindow, transform, strategy, blocks,
                group == null ? null : group.textValue(), maxTrain, quantiles, quantileLevels, seed, context);
    }

    /** A non-empty list of distinct levels in (0, 1), ascending; null when absent. */
    private static List<Double> levels(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model.params.quantile_levels must be a non-empty list of levels in (0, 1) (got " + node + ")");
        }
        TreeSet<Double> set = new TreeSet<>();
        for (JsonNode e : node) {
            if (!e.isNumber() || !(e.doubleValue() > 0 && e.doubleValue() < 1)) {
                throw new IllegalArgumentException("model.params.quantile_levels must be a list of levels in (0, 1) (got " + node + ")");
            }
            set.add(e.doubleValue());
        }
        return List.copyOf(set);
    }

    /** The levels {@link Quantiles#LOSS} fits one regressor for, ascending; empty for {@link Quantiles#RESIDUAL}. */
    public double[] fittedQuantileLevels() {
        if (quantiles != Quantiles.LOSS) {
            return new double[0];
        }
        return (quantileLevels != null ? quantileLevels : context.quantileLevels()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** daily 1..7, 14, 21, 28; weekly 1, 2, 3, 4, 8, 13, 26, 52; monthly 1, 2, 3, 6, 12; else 1..season. */
    static int[] defaultLags(Frequency f, int season) {
        return switch (f) {
            case DAILY -> new int[] {1, 2, 3, 4, 5, 6, 7, 14, 21, 28};
            case WEEKLY -> new int[] {1, 2, 3, 4, 8, 13, 26, 52};
            case MONTHLY -> new int[] {1, 2, 3, 6, 12};
            default -> IntStream.rangeClosed(1, Math.max(1, season)).toArray();
        };
    }

    /** daily 7, 28; weekly 4, 13; monthly 3, 12; else none. */
    static int[] defaultRolling(Frequency f) {
        return switch (f) {
            case DAILY -> new int[] {7, 28};
            case WEEKLY -> new int[] {4, 13};
            case MONTHLY -> new int[] {3, 12};
            default -> new int[0];
        };
    }

    private static int[] positiveInts(JsonNode node, String key, int[] defaults, boolean allowEmpty) {
        if (node == null) {
            return defaults;
        }
        if (!node.isArray() || (!allowEmpty && node.isEmpty())) {
            throw new IllegalArgumentException("model.params." + key + " must be a " + (allowEmpty ? "" : "non-empty ")
                    + "list of positive integers (got " + node + ")");
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (JsonNode e : node) {
            if (!e.isIntegralNumber() || !e.canConvertToInt() || e.intValue() < 1 || e.intValue() > 100_000) {
                throw new IllegalArgumentException("model.params." + key + " must be a list of positive integers (got " + node + ")");
            }
            set.add(e.intValue());
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Largest lag or rolling reach of the one-step model. */
    public int maxLag() {
        int max = lags.length == 0 ? 1 : lags[lags.length - 1];
        for (int w : rolling) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** These parameters as {@code model.params} values (defaults written out, so a manifest shows them). */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lags", Arrays.stream(lags).boxed().toList());
        m.put("rolling", Arrays.stream(rolling).boxed().toList());
        m.put("rolling_stats", rollingStats);
        m.put("calendar", calendar);
        if (covariates != null) {
            m.put("covariates", covariates);
        }
        if (price != null) {
            m.put("price", price);
        }
        if (priceMomentum) {
            m.put("price_momentum", true);
        }
        m.put("scale", scale.name().toLowerCase(Locale.ROOT));
        m.put("scale_window", scaleWindow);
        m.put("transform", transform.name().toLowerCase(Locale.ROOT));
        m.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        if (strategy == Strategy.HYBRID) {
            m.put("blocks", blocks);
        }
        if (groupBy != null) {
            m.put("group_by", groupBy);
        }
        if (maxTrainPeriods > 0) {
            m.put("max_train_periods", maxTrainPeriods);
        }
        m.put("quantiles", quantiles.name().toLowerCase(Locale.ROOT));
        if (quantileLevels != null) {
            m.put("quantile_levels", quantileLevels);
        }
        m.put("seed", seed);
        return m;
    }

    /** The steps each model of the strategy covers for horizon {@code h}: {@code {first, last}} pairs, 1-based. */
    public List<int[]> stepBlocks(int h) {
        List<int[]> out = new ArrayList<>();
        switch (strategy) {
            case RECURSIVE -> out.add(new int[] {1, h});
            case DIRECT -> IntStream.rangeClosed(1, h).forEach(k -> out.add(new int[] {k, k}));
            case HYBRID -> {
                int b = Math.min(blocks, h);
                for (int j = 0; j < b; j++) {
                    out.add(new int[] {(int) ((long) j * h / b) + 1, (int) ((long) (j + 1) * h / b)});
                }
            }
        }
        return out;
    }
}
