package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.stat.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transfer-learning keys of an {@code lstm} model entry: {@code model.params.pretrain} (fit the
 * same network on a larger related prepared dataset first) and {@code model.params.fine_tune}
 * (adapt a copy of it to the target series, per group, with the lowest LSTM layers frozen).
 *
 * @param pretrain the pre-training, or null when {@code fine_tune.from} names a published network
 * @param fineTune how the pre-trained network is adapted
 */
public record TransferSpec(Pretrain pretrain, FineTune fineTune) {
    /** The keys of {@code model.params} this record reads (the rest are {@link LstmSpec}'s). */
    public static final Set<String> KEYS = Set.of("pretrain", "fine_tune");
    /** {@code fine_tune.store}'s default: {@code train.store}'s default. */
    static final String DEFAULT_STORE = "build/artifacts";

    /**
     * @param prepared        a prepared dataset directory ({@code prepare}'s output) holding the related series; cut at the
     *                        target history's last date before every fit, so a backtest window never sees later data
     * @param epochs          most pre-training epochs (null: the model's {@code epochs})
     * @param learningRate    pre-training learning rate (null: the model's)
     * @param batchesPerEpoch pre-training gradient steps per epoch (null: the model's)
     * @param maxWindows      pre-training windows per series (null: the model's)
     */
    public record Pretrain(Path prepared, Integer epochs, Double learningRate, Integer batchesPerEpoch, Integer maxWindows) {
    }

    /**
     * @param groupBy      static attribute whose values each get their own fine-tuned copy; null: one copy for all series
     * @param frozen       LSTM layers kept as pre-trained: layers 0 .. frozen-1 (0: none)
     * @param epochs       most fine-tuning epochs (null: the model's {@code epochs})
     * @param learningRate fine-tuning learning rate (null: the model's)
     * @param batchesPerEpoch fine-tuning gradient steps per epoch (null: the model's); each group trains this many
     * @param from         a published plain {@code lstm} artifact {@code name[@version]} to start from instead of
     *                     {@code pretrain}; null with {@code pretrain}
     * @param store        the artifact store {@code from} is read from ({@code train.store}'s default unless given)
     */
    public record FineTune(String groupBy, int frozen, Integer epochs, Double learningRate, Integer batchesPerEpoch, String from,
                           Path store) {

        /** {@code from}'s artifact name. */
        public String fromName() {
            int at = from.indexOf('@');
            return at < 0 ? from : from.substring(0, at);
        }

        /** {@code from}'s version reference, {@code latest} when absent. */
        public String fromVersion() {
            int at = from.indexOf('@');
            return at < 0 ? "latest" : from.substring(at + 1);
        }
    }

    /** Whether {@code params} holds a transfer key. */
    public static boolean requested(JsonNode params) {
        return params != null && params.isObject() && KEYS.stream().anyMatch(params::has);
    }

    /**
     * Reads {@code pretrain} and {@code fine_tune}.
     *
     * @param layers the network's LSTM layers ({@code model.params.layers}), the bound of {@code freeze}
     * @throws IllegalArgumentException naming {@code model.params.pretrain.<key>} or {@code model.params.fine_tune.<key>}
     */
    public static TransferSpec parse(JsonNode pretrainNode, JsonNode fineTuneNode, int layers) {
        if (fineTuneNode == null || fineTuneNode.isNull()) {
            throw new IllegalArgumentException("model.params.pretrain needs model.params.fine_tune (e.g. {group_by: none, freeze: [0]}):"
                    + " the pre-trained network is adapted to the target series");
        }
        FineTune fineTune = fineTune(fineTuneNode, layers);
        boolean pretrain = pretrainNode != null && !pretrainNode.isNull();
        if (!pretrain && fineTune.from() == null) {
            throw new IllegalArgumentException("model.params.fine_tune needs a network to start from: model.params.pretrain"
                    + " ({prepared: <prepared dataset dir>}) or model.params.fine_tune.from (<artifact name>[@version])");
        }
        if (pretrain && fineTune.from() != null) {
            throw new IllegalArgumentException("model.params.fine_tune.from and model.params.pretrain both name the network to start"
                    + " from: give one");
        }
        return new TransferSpec(pretrain ? pretrain(pretrainNode) : null, fineTune);
    }

    private static Pretrain pretrain(JsonNode node) {
        return nested("pretrain", () -> {
            Params p = Params.of(LstmFamily.NAME, node, Set.of("prepared", "epochs", "learning_rate", "batches_per_epoch", "max_windows"));
            JsonNode prepared = p.node("prepared");
            if (prepared == null || !prepared.isTextual() || prepared.textValue().isBlank()) {
                throw new IllegalArgumentException("model.params.prepared must name a prepared dataset directory (prepare's output)"
                        + " holding the related series (got " + prepared + ")");
            }
            return new Pretrain(Path.of(prepared.textValue()), optionalInt(p, "epochs", 1, 100_000),
                    p.optionalNumber("learning_rate", 1e-7, 1), optionalInt(p, "batches_per_epoch", 0, 100_000_000),
                    optionalInt(p, "max_windows", 0, Integer.MAX_VALUE));
        });
    }

    private static FineTune fineTune(JsonNode node, int layers) {
        return nested("fine_tune", () -> {
            Params p = Params.of(LstmFamily.NAME, node, Set.of("group_by", "freeze", "epochs", "learning_rate", "batches_per_epoch", "from", "store"));
            JsonNode g = p.node("group_by");
            if (g != null && (!g.isTextual() || g.textValue().isBlank())) {
                throw new IllegalArgumentException("model.params.group_by must be none or a static attribute column, e.g. store_id (got "
                        + g + ")");
            }
            String groupBy = g == null || g.textValue().equals("none") ? null : g.textValue();
            int frozen = frozen(p.node("freeze"), layers);
            JsonNode f = p.node("from");
            if (f != null && !(f.isTextual() && f.textValue().matches("[A-Za-z0-9._-]+(@[A-Za-z0-9._-]+)?"))) {
                throw new IllegalArgumentException("model.params.from must be an artifact name or name@version (got " + f + ")");
            }
            JsonNode store = p.node("store");
            if (store != null && f == null) {
                throw new IllegalArgumentException("model.params.store is read only with model.params.from");
            }
            if (store != null && (!store.isTextual() || store.textValue().isBlank())) {
                throw new IllegalArgumentException("model.params.store must be an artifact store directory (got " + store + ")");
            }
            return new FineTune(groupBy, frozen, optionalInt(p, "epochs", 1, 100_000), p.optionalNumber("learning_rate", 1e-7, 1),
                    optionalInt(p, "batches_per_epoch", 0, 100_000_000), f == null ? null : f.textValue(),
                    f == null ? null : Path.of(store == null ? DEFAULT_STORE : store.textValue()));
        });
    }

    /**
     * {@code freeze: [0, 1]}: DL4J freezes a layer with every layer below it ({@code setFeatureExtractor}),
     * so the list must be the lowest layers 0 .. k; at least one layer stays trainable.
     */
    private static int frozen(JsonNode freeze, int layers) {
        if (freeze == null) {
            return layers > 1 ? 1 : 0;
        }
        if (!freeze.isArray()) {
            throw new IllegalArgumentException("model.params.freeze must be a list of LSTM layer indices, e.g. [0] (got " + freeze + ")");
        }
        List<Integer> indices = new ArrayList<>();
        freeze.forEach(e -> indices.add(e.isIntegralNumber() ? e.intValue() : -1));
        for (int i = 0; i < indices.size(); i++) {
            if (indices.get(i) != i) {
                throw new IllegalArgumentException("model.params.freeze must list the lowest LSTM layers in order, 0 to k (got " + freeze
                        + "): Deeplearning4j freezes a layer together with every layer below it");
            }
        }
        if (indices.size() > layers) {
            throw new IllegalArgumentException("model.params.freeze lists " + indices.size() + " layers; the network has " + layers
                    + " LSTM layers (model.params.layers), indices 0 to " + (layers - 1));
        }
        return indices.size();
    }

    private static Integer optionalInt(Params p, String key, int min, int max) {
        return p.node(key) == null ? null : p.integer(key, 0, min, max);
    }

    private interface Parse<T> {
        T run();
    }

    /** Runs a nested parse, its errors naming {@code model.params.<section>.<key>}. */
    private static <T> T nested(String section, Parse<T> parse) {
        try {
            return parse.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("model.params.", "model.params." + section + ".")
                    .replace("model.params of lstm", "model.params." + section), e);
        }
    }

    /** These keys as {@code model.params} values, for manifests. */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (pretrain != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("prepared", pretrain.prepared().toString().replace('\\', '/'));
            putIfSet(p, "epochs", pretrain.epochs());
            putIfSet(p, "learning_rate", pretrain.learningRate());
            putIfSet(p, "batches_per_epoch", pretrain.batchesPerEpoch());
            putIfSet(p, "max_windows", pretrain.maxWindows());
            m.put("pretrain", p);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("group_by", fineTune.groupBy() == null ? "none" : fineTune.groupBy());
        List<Integer> freeze = new ArrayList<>();
        for (int i = 0; i < fineTune.frozen(); i++) {
            freeze.add(i);
        }
        f.put("freeze", freeze);
        putIfSet(f, "epochs", fineTune.epochs());
        putIfSet(f, "learning_rate", fineTune.learningRate());
        putIfSet(f, "batches_per_epoch", fineTune.batchesPerEpoch());
        putIfSet(f, "from", fineTune.from());
        putIfSet(f, "store", fineTune.store() == null ? null : fineTune.store().toString().replace('\\', '/'));
        m.put("fine_tune", f);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * {@code spec} with other training settings (null keeps the spec's), as one network: a pre-trained
     * parent and each fine-tuned copy are single networks, whatever {@code ensemble} says.
     */
    static LstmSpec retrained(LstmSpec spec, Integer epochs, Double learningRate, Integer batchesPerEpoch, Integer maxWindows) {
        return new LstmSpec(spec.lookback(), spec.layers(), spec.units(), spec.dropout(), spec.l2(), spec.weightDecay(),
                learningRate != null ? learningRate : spec.learningRate(), spec.learningRateDecay(), spec.optimizer(), spec.batchSize(),
                batchesPerEpoch != null ? batchesPerEpoch : spec.batchesPerEpoch(), epochs != null ? epochs : spec.epochs(),
                spec.patience(), spec.validation(), spec.loss(), maxWindows != null ? maxWindows : spec.maxWindows(), spec.scale(),
                spec.deseasonalize(), spec.directionHead(), spec.covariates(), spec.quantileLevels(), spec.heads(), 1, spec.seed(),
                spec.context());
    }
}
