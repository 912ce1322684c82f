package io.demandcast.core.model.deep;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ml.HistoryFrames;
import io.demandcast.core.model.ml.features.Coding;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.prepare.PreparedSplits;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code lstm} with {@code pretrain} and {@code fine_tune}: fits the network on a related
 * prepared dataset cut at the target history's last date (so a backtest window's pre-training
 * never sees past its cutoff), then adapts one copy of it per {@code group_by} group of the target
 * series with the lowest LSTM layers frozen ({@link TransferNetworks}), each copy trained by the
 * same {@link EpochTrainer} (early stopping, best-epoch restore) on its group's windows only.
 *
 * <p>The inputs are the pre-trained network's: its input layout is built on the pre-training data
 * and read from the target data by column name, so the target data must hold every covariate,
 * categorical and static column the pre-training data gave the network (choose them with
 * {@code covariates}, or leave the extra columns out of the pre-training dataset).
 */
public final class TransferLstmForecaster implements Forecaster {
    /**
     * Parents pre-trained in this process, by data, cut date and parameters: the models of one
     * evaluate run that share a pre-training (e.g. {@code group_by: none} and {@code group_by: store})
     * fit it once. A fit is deterministic for its key, so a shared parent is the one each would fit.
     */
    private static final RecentResults<FittedLstmModel> PARENTS = new RecentResults<>(4);

    private final LstmSpec spec;
    private final TransferSpec transfer;

    public TransferLstmForecaster(LstmSpec spec, TransferSpec transfer) {
        this.spec = spec;
        this.transfer = transfer;
    }

    @Override
    public String family() {
        return LstmFamily.NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>(spec.parameters());
        m.putAll(transfer.parameters());
        return m;
    }

    @Override
    public FittedModel fit(Panel history) {
        return fit(history, Progress.Task.NONE);
    }

    /**
     * @throws IllegalArgumentException when the pre-training data cannot be read or do not overlap the
     *                                  history's dates, when the history lacks a column the network
     *                                  reads, or when {@code group_by} is not a static attribute
     */
    @Override
    public FittedModel fit(Panel history, Progress.Task task) {
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("lstm: the history holds no rows to fine-tune on");
        }
        LocalDate end = history.axis().date(history.maxPeriod());
        if (transfer.pretrain() == null) {
            return fineTuneFromArtifact(history, end, task);
        }
        PreparedSplits data = openRelated();
        Panel related = relatedUntil(data, end);
        LstmSpec parentSpec = parentSpec();
        String key = transfer.pretrain().prepared().toAbsolutePath().normalize() + "|" + data.dataset().manifestSha256() + "|" + end
                + "|" + parentSpec.parameters() + "|" + parentSpec.context();
        FittedLstmModel parent = PARENTS.get(key, () -> (FittedLstmModel) new LstmForecaster(parentSpec).fit(related,
                notesOnly(task, "pretrain ")));
        ParentRef ref = ParentRef.inline(transfer.pretrain().prepared().toString().replace('\\', '/'), end, related.seriesCount());
        return fineTune(parent, ref, history, task);
    }

    /**
     * Fine-tunes {@code parent} on {@code history}, one copy per group.
     *
     * @param ref how the child names its parent
     */
    FittedTransferLstm fineTune(FittedLstmModel parent, ParentRef ref, Panel history, Progress.Task task) {
        InputLayout layout = FittedTransferLstm.reanchored(parent.layout(), history.axis());
        requireColumns(layout.schema(), history);
        LstmSpec child = TransferSpec.retrained(spec, transfer.fineTune().epochs(), transfer.fineTune().learningRate(),
                transfer.fineTune().batchesPerEpoch(), null);
        Map<String, List<Integer>> groups = groups(history);
        List<FittedTransferLstm.Group> fitted = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            Panel part = history.select(g.getValue().stream().mapToInt(Integer::intValue).toArray());
            fitted.add(new FittedTransferLstm.Group(g.getKey(), fineTuneGroup(parent, layout, child, part, g.getKey(), task)));
        }
        return new FittedTransferLstm(transfer, ref, parent, fitted);
    }

    private FittedLstmModel fineTuneGroup(FittedLstmModel parent, InputLayout layout, LstmSpec child, Panel part, String group,
                                          Progress.Task task) {
        int n = part.seriesCount();
        List<HistoryFrames.Built> built = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            built.add(HistoryFrames.of(part, s, layout.schema(), LstmForecaster.SCALING, 0, 0, 1));
        }
        List<SeriesFrame> frames = built.stream().map(HistoryFrames.Built::frame).toList();
        TrainingWindows windows = TrainingWindows.of(frames, child.horizon(), child.maxWindows(), child.validation());
        if (windows.trainCount() == 0) {
            throw new IllegalArgumentException("lstm: fine_tune group '" + group + "' has no training window (a window needs "
                    + child.horizon() + " observed periods after its input)");
        }
        LstmNetwork network = TransferNetworks.fineTunable(parent.network(), transfer.fineTune().frozen(), child.learningRate(),
                child.seed());
        EpochTrainer.Result result = EpochTrainer.train(network, child, layout, frames, windows, notesWithSteps(task, group), n,
                LstmFamily.NAME + " " + group);
        EpochTrainer.Residuals residuals = EpochTrainer.residuals(network, layout, frames, windows);
        List<LstmSeries> states = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            states.add(LstmSeries.of(part.seriesId(s), built.get(s).frame(), built.get(s).state().divisor(), child.lookback()));
        }
        TrainingSummary summary = new TrainingSummary(windows.trainCount(), windows.validationCount(), network.parameterCount(),
                result.epochs(), result.bestEpoch(), result.stoppedEarly(), residuals.source(), network.backend().describe(),
                network.precision());
        return new FittedLstmModel(child, layout, new LstmEnsemble(List.of(network)), states, residuals.grids(), List.of(summary));
    }

    /**
     * Fine-tunes the published {@code fine_tune.from} network. Refused when it was trained on data
     * after the history's end: in a backtest that is the window's future.
     */
    private FittedTransferLstm fineTuneFromArtifact(Panel history, LocalDate end, Progress.Task task) {
        TransferSpec.FineTune ft = transfer.fineTune();
        String where = "model.params.fine_tune.from: ";
        Artifact artifact;
        FittedModel loaded;
        String sha;
        try {
            artifact = new ArtifactStore(ft.store()).load(ft.fromName(), ft.fromVersion());
            if (!artifact.manifest().modelFamily().equals(LstmFamily.NAME)) {
                throw new IllegalArgumentException(where + "artifact " + artifact.name() + "@" + artifact.version() + " holds a '"
                        + artifact.manifest().modelFamily() + "' model, not an lstm network");
            }
            loaded = new LstmFamily().load(artifact.payloadDirectory());
            sha = io.demandcast.core.Sha256.file(artifact.directory().resolve(Artifact.MANIFEST_FILE));
        } catch (IOException | io.demandcast.core.artifact.ArtifactException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        if (!(loaded instanceof FittedLstmModel parent)) {
            throw new IllegalArgumentException(where + "artifact " + artifact.name() + "@" + artifact.version() + " is itself fine-tuned"
                    + " (per-group networks); start from a plain lstm artifact, such as its '-pretrained' parent");
        }
        if (parent.spec().horizon() != spec.horizon() || parent.spec().lookback() != spec.lookback()
                || parent.spec().layers() != spec.layers() || parent.spec().units() != spec.units()) {
            throw new IllegalArgumentException(where + "artifact " + artifact.name() + "@" + artifact.version() + " has lookback "
                    + parent.spec().lookback() + ", horizon " + parent.spec().horizon() + ", " + parent.spec().layers() + " layers of "
                    + parent.spec().units() + " units; this model asks for " + spec.lookback() + ", " + spec.horizon() + ", "
                    + spec.layers() + " of " + spec.units() + ": give the same network shape");
        }
        LocalDate parentEnd = parent.dataEnd();
        if (parentEnd != null && parentEnd.isAfter(end)) {
            throw new IllegalArgumentException(where + "artifact " + artifact.name() + "@" + artifact.version() + " was trained on data up"
                    + " to " + parentEnd + ", after " + end + ", the end of this fit's history (a backtest window's cutoff): its"
                    + " weights have seen that window's future. Evaluate with model.params.pretrain, which pre-trains per window, or"
                    + " start from a network trained up to " + end);
        }
        ParentRef ref = new ParentRef(artifact.name(), artifact.version(), sha, null, parentEnd, parent.seriesIds().size());
        return fineTune(parent, ref, history, task);
    }

    /** The spec the parent is pre-trained with: this model's, with {@code pretrain}'s training overrides. */
    LstmSpec parentSpec() {
        TransferSpec.Pretrain p = transfer.pretrain();
        return TransferSpec.retrained(spec, p.epochs(), p.learningRate(), p.batchesPerEpoch(), p.maxWindows());
    }

    private PreparedSplits openRelated() {
        try {
            return PreparedSplits.open(transfer.pretrain().prepared());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("model.params.pretrain.prepared: " + e.getMessage(), e);
        }
    }

    /** The pre-training rows up to {@code end}, the target history's last date. */
    private Panel relatedUntil(PreparedSplits data, LocalDate end) {
        Panel all = data.all();
        if (all.frequency() != spec.context().frequency()) {
            throw new IllegalArgumentException("model.params.pretrain.prepared: " + transfer.pretrain().prepared() + " is "
                    + all.frequency().label() + " data; the target series are " + spec.context().frequency().label());
        }
        if (!data.pastOnly().isEmpty()) {
            // past-only columns are never network inputs; keeping the context's list keeps them out
            all = withoutColumns(all, data.pastOnly());
        }
        int last;
        try {
            last = all.axis().period(end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.params.pretrain.prepared: " + transfer.pretrain().prepared() + ": its periods do not"
                    + " align with the target's (" + e.getMessage() + ")", e);
        }
        Panel cut = all.sliceUntil(last);
        if (cut.rowCount() == 0) {
            throw new IllegalArgumentException("model.params.pretrain.prepared: " + transfer.pretrain().prepared()
                    + " holds no rows up to " + end + ", the end of the target history");
        }
        return cut;
    }

    private static Panel withoutColumns(Panel panel, List<String> columns) {
        Panel out = panel;
        for (String c : columns) {
            if (out.hasNumeric(c)) {
                out = out.withoutNumeric(c);
            } else if (out.categoricalNames().contains(c)) {
                out = out.withoutCategorical(c);
            }
        }
        return out;
    }

    /** The series of each group, by {@code group_by}'s value (sorted), or all in one group {@code all}. */
    private Map<String, List<Integer>> groups(Panel history) {
        String by = transfer.fineTune().groupBy();
        Map<String, List<Integer>> out = new TreeMap<>();
        if (by == null) {
            List<Integer> all = new ArrayList<>();
            for (int s = 0; s < history.seriesCount(); s++) {
                all.add(s);
            }
            out.put(FittedTransferLstm.ALL, all);
            return out;
        }
        if (!history.staticNames().contains(by)) {
            throw new IllegalArgumentException("model.params.fine_tune.group_by: '" + by + "' is not a static attribute of the data"
                    + " (attributes: " + (history.staticNames().isEmpty() ? "none" : String.join(", ", history.staticNames())) + ")");
        }
        for (int s = 0; s < history.seriesCount(); s++) {
            String v = history.staticValue(by, s);
            out.computeIfAbsent(v == null ? FittedTransferLstm.MISSING : v, k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** The network reads its inputs by column name: the target data must hold every one of them. */
    private static void requireColumns(FeatureSchema schema, Panel history) {
        for (String c : schema.futureNumeric()) {
            if (!history.hasNumeric(c)) {
                throw mismatch("numeric covariate", c, history.numericNames());
            }
        }
        for (Coding c : schema.categorical()) {
            if (!history.categoricalNames().contains(c.name())) {
                throw mismatch("categorical covariate", c.name(), history.categoricalNames());
            }
        }
        for (Coding c : schema.statics()) {
            if (!history.staticNames().contains(c.name())) {
                throw mismatch("static attribute", c.name(), history.staticNames());
            }
        }
    }

    private static IllegalArgumentException mismatch(String kind, String column, List<String> have) {
        return new IllegalArgumentException("lstm fine_tune: the pre-trained network reads the " + kind + " '" + column
                + "', which the target data lack (they have: " + (have.isEmpty() ? "none" : String.join(", ", have)) + "); give both"
                + " data sets the column, or leave it out of the pre-training (model.params.covariates, or the pre-training"
                + " dataset's prepare config)");
    }

    /** The task's notes, prefixed, without its steps (pre-training is not part of the target series' count). */
    private static Progress.Task notesOnly(Progress.Task task, String prefix) {
        return new Progress.Task() {
            @Override
            public void step(long n) {
            }

            @Override
            public void note(String message) {
                task.note(prefix + message);
            }

            @Override
            public void close() {
            }
        };
    }

    private static Progress.Task notesWithSteps(Progress.Task task, String group) {
        return new Progress.Task() {
            @Override
            public void step(long n) {
                task.step(n);
            }

            @Override
            public void note(String message) {
                task.note("fine-tune " + group + ": " + message);
            }

            @Override
            public void close() {
            }
        };
    }
}
