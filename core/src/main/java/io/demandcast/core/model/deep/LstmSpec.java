package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.stat.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the {@code lstm} family ({@code model.params}), with the data context they were
 * read in. Immutable; {@link #parameters()} gives them back as {@code model.params} values, defaults
 * written out, so a manifest shows what was fitted.
 *
 * @param lookback      periods of history each input window holds
 * @param layers        stacked LSTM layers
 * @param units         units of each LSTM layer and of the dense layer before the output
 * @param dropout       share of inputs dropped (in training) before every LSTM layer but the first and before the dense layer
 * @param l2            L2 penalty on the weights ({@code optimizer: adam})
 * @param weightDecay   decoupled weight decay ({@code optimizer: adamw})
 * @param learningRate  Adam's learning rate (in the first epoch)
 * @param learningRateDecay factor the learning rate is multiplied by after each epoch (1: constant; DL4J's exponential
 *                      schedule by epoch)
 * @param optimizer     {@code adam} (with {@code l2}) or {@code adamw} (Adam with decoupled weight decay)
 * @param batchSize     windows per gradient step
 * @param batchesPerEpoch gradient steps per epoch, on windows drawn in turn from a seeded shuffle of all training
 *                      windows (0: one pass over all of them per epoch)
 * @param epochs        most epochs
 * @param patience      epochs without a better validation loss before training stops (0: never stop early)
 * @param validation    share of each series' newest windows held out for early stopping and the residual quantiles
 * @param loss          {@code mse} on the scaled target, or {@code poisson} (counts: a positive output, Poisson deviance)
 * @param maxWindows    training and validation windows per series, newest first (0: all)
 * @param scale         what the target is divided by: the series' mean |y| over its history, or also each window's own
 *                      mean (so the network sees and predicts levels relative to the window)
 * @param deseasonalize whether each window's seasonal profile (of {@code context.seasonLength()} periods) is taken out
 *                      of its target and added back to the outputs (see {@code InputLayout#fillWindow})
 * @param directionHead a second output trained jointly: per forecast step, the probability that demand rises from the
 *                      step before, weighted {@code directionWeight} in the loss (0: no head)
 * @param covariates    known numeric columns read; null = every known numeric column
 * @param quantileLevels the levels of the quantile output fitted with the pinball loss ({@code quantiles: loss}),
 *                      ascending; empty for residual quantiles ({@code quantiles: residual})
 * @param heads         0 for the {@code lstm} family; for the {@code attention} family, the heads of each self-attention
 *                      layer ({@code layers} of them, after one LSTM layer)
 * @param ensemble      networks trained on the same windows, member {@code i} with seed {@code seed + i}; the forecast
 *                      is the mean of their outputs (averaging seeds takes out most of a single network's variance)
 * @param seed          seed of the weights, dropout and the order of the windows (of the first member)
 * @param context       frequency, season, horizon, past-only columns and quantile levels of the data
 */
public record LstmSpec(int lookback, int layers, int units, double dropout, double l2, double weightDecay, double learningRate,
                       double learningRateDecay, Optimizer optimizer, int batchSize, int batchesPerEpoch, int epochs, int patience,
                       double validation, Loss loss, int maxWindows, Scale scale, boolean deseasonalize, double directionHead,
                       List<String> covariates, List<Double> quantileLevels, int heads, int ensemble, long seed, ModelContext context) {

    /** Adam with an L2 penalty in the loss, or AdamW (decoupled weight decay). */
    public enum Optimizer { ADAM, ADAMW }

    /** The training loss. */
    public enum Loss { MSE, POISSON }

    /** The target's scaling: by the series' history mean |y|, or also by each window's mean. */
    public enum Scale { HISTORY, WINDOW }

    /** The keys of {@code model.params}. */
    public static final Set<String> KEYS = Set.of("lookback", "layers", "units", "dropout", "l2", "weight_decay", "learning_rate",
            "optimizer", "batch_size", "batches_per_epoch", "epochs", "patience", "validation", "loss", "cell", "max_windows", "scale",
            "deseasonalize", "direction_head", "direction_weight", "quantiles", "quantile_levels", "covariates", "learning_rate_decay",
            "ensemble", "seed");

    /** Default {@link #maxWindows}: about a year of daily windows per series (see the README for the cost). */
    static final int DEFAULT_MAX_WINDOWS = 365;
    /** Default {@link #batchesPerEpoch}: an epoch's cost does not grow with the panel (see the README). */
    static final int DEFAULT_BATCHES_PER_EPOCH = 100;
    static final Scale DEFAULT_SCALE = Scale.WINDOW;
    static final boolean DEFAULT_DESEASONALIZE = false;
    static final double DEFAULT_LEARNING_RATE_DECAY = 1;
    static final int DEFAULT_EPOCHS = 15;
    static final int DEFAULT_ENSEMBLE = 4;

    public LstmSpec {
        covariates = covariates == null ? null : List.copyOf(covariates);
        quantileLevels = List.copyOf(quantileLevels);
    }

    /**
     * Reads {@code model.params}.
     *
     * @throws IllegalArgumentException naming {@code model.params.<key>} and the bad value, or an unknown key
     */
    public static LstmSpec parse(JsonNode node, ModelContext context) {
        return parse(node, context, false);
    }

    /**
     * Reads the {@code attention} family's {@code model.params}: the {@code lstm} keys and {@code heads}.
     *
     * @throws IllegalArgumentException naming {@code model.params.<key>} and the bad value, or an unknown key
     */
    public static LstmSpec parseAttention(JsonNode node, ModelContext context) {
        return parse(node, context, true);
    }

    private static LstmSpec parse(JsonNode node, ModelContext context, boolean attention) {
        Set<String> keys = KEYS;
        if (attention) {
            keys = new java.util.HashSet<>(KEYS);
            keys.add("heads");
        }
        Params p = Params.of(attention ? AttentionFamily.NAME : LstmFamily.NAME, node, keys);
        // one horizon (at least one season): on the M5 aggregates a 4-member ensemble with lookback 28 scored 0.625, at half
        // the cost per epoch of the earlier default of two horizons (README, "Accuracy of lstm on the M5 aggregates")
        int lookback = p.integer("lookback", Math.max(context.horizon(), context.seasonLength()), 1, 10_000);
        int layers = p.integer("layers", 2, 1, 8);
        int units = p.integer("units", 64, 1, 4096);
        double dropout = p.number("dropout", 0.1, 0, 0.9);
        Optimizer optimizer = Optimizer.valueOf(p.choice("optimizer", "adam", List.of("adam", "adamw")).toUpperCase(Locale.ROOT));
        if (optimizer == Optimizer.ADAM && p.node("weight_decay") != null) {
            throw new IllegalArgumentException("model.params.weight_decay is used only with optimizer: adamw (decoupled weight decay);"
                    + " with optimizer: adam give l2");
        }
        if (optimizer == Optimizer.ADAMW && p.node("l2") != null) {
            throw new IllegalArgumentException("model.params.l2 is used only with optimizer: adam; with optimizer: adamw give weight_decay");
        }
        double l2 = p.number("l2", 1e-4, 0, 1);
        double weightDecay = p.number("weight_decay", 1e-4, 0, 1);
        double learningRate = p.number("learning_rate", 1e-3, 1e-7, 1);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("model.params.learning_rate must be > 0 (got " + learningRate + ")");
        }
        double learningRateDecay = p.number("learning_rate_decay", DEFAULT_LEARNING_RATE_DECAY, 0, 1);
        if (!(learningRateDecay > 0)) {
            throw new IllegalArgumentException("model.params.learning_rate_decay must be in (0, 1] (got " + learningRateDecay + ")");
        }
        int batchSize = p.integer("batch_size", 64, 1, 1_000_000);
        int batchesPerEpoch = p.integer("batches_per_epoch", DEFAULT_BATCHES_PER_EPOCH, 0, 100_000_000);
        int epochs = p.integer("epochs", DEFAULT_EPOCHS, 1, 100_000);
        int patience = p.integer("patience", 5, 0, 100_000);
        double validation = p.number("validation", 0.1, 0, 0.9);
        Loss loss = Loss.valueOf(p.choice("loss", "mse", List.of("mse", "poisson")).toUpperCase(Locale.ROOT));
        // DL4J 1.0.0-M2.1 has no GRU layer (only LSTM, GravesLSTM, SimpleRnn): the key exists so a config
        // asking for a GRU is told why rather than that the key is unknown.
        JsonNode cell = p.node("cell");
        if (cell != null && !(cell.isTextual() && cell.textValue().equals("lstm"))) {
            throw new IllegalArgumentException("model.params.cell must be lstm (got " + cell + "): Deeplearning4j 1.0.0-M2.1, which"
                    + " demandcast uses, has no GRU layer");
        }
        int maxWindows = p.integer("max_windows", DEFAULT_MAX_WINDOWS, 0, Integer.MAX_VALUE);
        Scale scale = Scale.valueOf(p.choice("scale", DEFAULT_SCALE.name().toLowerCase(Locale.ROOT), List.of("history", "window"))
                .toUpperCase(Locale.ROOT));
        boolean deseasonalize = p.bool("deseasonalize", DEFAULT_DESEASONALIZE);
        if (deseasonalize && context.seasonLength() < 2) {
            throw new IllegalArgumentException("model.params.deseasonalize needs a season of at least 2 periods (data.season_length is "
                    + context.seasonLength() + ")");
        }
        boolean head = p.bool("direction_head", false);
        if (!head && p.node("direction_weight") != null) {
            throw new IllegalArgumentException("model.params.direction_weight is used only with direction_head: true");
        }
        double directionWeight = p.number("direction_weight", 1.0, 1e-6, 1000);
        boolean lossQuantiles = p.choice("quantiles", "residual", List.of("residual", "loss")).equals("loss");
        List<Double> quantileLevels = List.of();
        if (lossQuantiles) {
            quantileLevels = p.node("quantile_levels") == null ? context.quantileLevels() : levels(p.node("quantile_levels"));
            if (quantileLevels.isEmpty()) {
                throw new IllegalArgumentException("model.params.quantiles: loss needs levels: give model.params.quantile_levels"
                        + " or predict.quantiles");
            }
        } else if (p.node("quantile_levels") != null) {
            throw new IllegalArgumentException("model.params.quantile_levels is used only with quantiles: loss (quantiles is residual)");
        }
        List<String> covariates = p.node("covariates") == null ? null : p.strings("covariates", List.of());
        int ensemble = p.integer("ensemble", DEFAULT_ENSEMBLE, 1, 100);
        JsonNode seedNode = p.node("seed");
        if (seedNode != null && !seedNode.isIntegralNumber()) {
            throw new IllegalArgumentException("model.params.seed must be an integer (got " + seedNode + ")");
        }
        long seed = seedNode == null ? 42 : seedNode.longValue();
        int heads = 0;
        if (attention) {
            heads = p.integer("heads", 4, 1, 64);
            if (units % heads != 0) {
                throw new IllegalArgumentException("model.params.heads must divide model.params.units (" + units + "): each head reads "
                        + "units / heads of the projected input (got heads " + heads + ")");
            }
        }
        return new LstmSpec(lookback, layers, units, dropout, l2, weightDecay, learningRate, learningRateDecay, optimizer, batchSize,
                batchesPerEpoch, epochs, patience, validation, loss, maxWindows, scale, deseasonalize, head ? directionWeight : 0, covariates,
                quantileLevels, heads, ensemble, seed, context);
    }

    /** The spec of ensemble member {@code member}: the same, seeded with {@code seed + member}. */
    LstmSpec member(int member) {
        return new LstmSpec(lookback, layers, units, dropout, l2, weightDecay, learningRate, learningRateDecay, optimizer, batchSize,
                batchesPerEpoch, epochs, patience, validation, loss, maxWindows, scale, deseasonalize, directionHead, covariates,
                quantileLevels, heads, ensemble, seed + member, context);
    }

    private static List<Double> levels(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("model.params.quantile_levels must be a non-empty list of levels in (0, 1) (got " + node + ")");
        }
        java.util.TreeSet<Double> set = new java.util.TreeSet<>();
        for (JsonNode e : node) {
            if (!e.isNumber() || !(e.doubleValue() > 0 && e.doubleValue() < 1)) {
                throw new IllegalArgumentException("model.params.quantile_levels must be a list of levels in (0, 1) (got " + node + ")");
            }
            set.add(e.doubleValue());
        }
        return List.copyOf(set);
    }

    /** The quantile output's levels as an array (empty without {@code quantiles: loss}). */
    double[] lossQuantileLevels() {
        return quantileLevels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code attention} when the encoder has self-attention layers, else {@code lstm}. */
    public String family() {
        return heads > 0 ? AttentionFamily.NAME : LstmFamily.NAME;
    }

    /** Whether the network has the direction head. */
    public boolean hasDirectionHead() {
        return directionHead > 0;
    }

    /** The horizon the network is fitted for: its number of outputs. */
    public int horizon() {
        return context.horizon();
    }

    /** These parameters as {@code model.params} values. */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lookback", lookback);
        m.put("layers", layers);
        m.put("units", units);
        m.put("dropout", dropout);
        m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        if (optimizer == Optimizer.ADAM) {
            m.put("l2", l2);
        } else {
            m.put("weight_decay", weightDecay);
        }
        m.put("learning_rate", learningRate);
        m.put("learning_rate_decay", learningRateDecay);
        m.put("batch_size", batchSize);
        m.put("batches_per_epoch", batchesPerEpoch);
        m.put("epochs", epochs);
        m.put("patience", patience);
        m.put("validation", validation);
        m.put("loss", loss.name().toLowerCase(Locale.ROOT));
        m.put("cell", "lstm");
        if (heads > 0) {
            m.put("heads", heads);
        }
        m.put("max_windows", maxWindows);
        m.put("scale", scale.name().toLowerCase(Locale.ROOT));
        m.put("deseasonalize", deseasonalize);
        m.put("direction_head", hasDirectionHead());
        if (hasDirectionHead()) {
            m.put("direction_weight", directionHead);
        }
        m.put("quantiles", quantileLevels.isEmpty() ? "residual" : "loss");
        if (!quantileLevels.isEmpty()) {
            m.put("quantile_levels", quantileLevels);
        }
        if (covariates != null) {
            m.put("covariates", covariates);
        }
        m.put("ensemble", ensemble);
        m.put("seed", seed);
        return m;
    }
}
