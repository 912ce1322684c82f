package io.demandcast.core.model.deep;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ml.HistoryFrames;
import io.demandcast.core.model.ml.MlSpec;
import io.demandcast.core.model.ml.TargetTransform;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The global {@code lstm} family: one network across all series of the panel, learning the next
 * {@code horizon} steps of each series' scaled target from its last {@code lookback} periods and
 * the known covariates (see {@link InputLayout} for the inputs, {@link LstmNetwork} for the
 * network, {@link TrainingWindows} for the windows, {@link FittedLstmModel} for forecasting).
 */
public final class LstmForecaster implements Forecaster {
    /** y / (mean |y| over the series' history), the scaling the ML families call {@code scale: mean}. */
    static final TargetTransform SCALING = new TargetTransform(MlSpec.Scale.MEAN, 1, MlSpec.Transform.NONE);

    private final LstmSpec spec;

    public LstmForecaster(LstmSpec spec) {
        this.spec = spec;
    }

    @Override
    public String family() {
        return spec.family();
    }

    public LstmSpec spec() {
        return spec;
    }

    @Override
    public Map<String, Object> parameters() {
        return spec.parameters();
    }

    @Override
    public FittedModel fit(Panel history) {
        return fit(history, Progress.Task.NONE);
    }

    /**
     * Builds each series' frame, the input layout and the windows, then trains; {@code task} advances
     * per epoch (its {@code history.seriesCount()} steps spread over {@code epochs}) and gets one line
     * per epoch (losses, seconds, ETA).
     *
     * @throws IllegalArgumentException when a named covariate is not a known numeric column, when
     *                                  {@code loss: poisson} meets a negative target, or when no series
     *                                  has a window to learn from (naming the horizon and validation)
     */
    @Override
    public FittedModel fit(Panel history, Progress.Task task) {
        FeatureSchema schema = schema(history);
        int n = history.seriesCount();
        HistoryFrames.Built[] built = new HistoryFrames.Built[n];
        IntStream.range(0, n).parallel().forEach(s -> built[s] = HistoryFrames.of(history, s, schema, SCALING, 0, 0, 1));
        List<SeriesFrame> frames = Arrays.stream(built).map(HistoryFrames.Built::frame).toList();
        if (spec.loss() == LstmSpec.Loss.POISSON) {
            requireNonNegative(history);
        }
        TrainingWindows windows = TrainingWindows.of(frames, spec.horizon(), spec.maxWindows(), spec.validation());
        InputLayout layout = layout(schema, history, frames, windows);
        if (windows.trainCount() == 0) {
            throw new IllegalArgumentException("lstm: no training windows: a window needs " + spec.horizon()
                    + " observed periods after its input (the horizon), and each series' newest windows up to a share of "
                    + spec.validation() + " (model.params.validation) are held out with the horizon - 1 before them;"
                    + " the longest series has " + frames.stream().mapToInt(SeriesFrame::length).max().orElse(0) + " periods");
        }
        int k = spec.ensemble();
        LstmNetwork[] members = new LstmNetwork[k];
        EpochTrainer.Result[] results = new EpochTrainer.Result[k];
        IntConsumer trainMember = m -> {
            LstmSpec member = spec.member(m);
            LstmNetwork network = LstmNetwork.create(member, layout.windowChannels(), layout.lookback(), layout.futureSize());
            if (m == 0) {
                task.note(spec.family() + ": training on " + network.backend().describe() + ", " + network.precision() + ", "
                        + network.parameterCount() + " weights" + (k > 1 ? " per network, " + k + " networks" : "") + ", "
                        + windows.trainCount() + " training windows");
            }
            long steps = (long) n * (m + 1) / k - (long) n * m / k;
            results[m] = EpochTrainer.train(network, member, layout, frames, windows, task, steps,
                    k == 1 ? spec.family() : spec.family() + " " + (m + 1) + "/" + k);
            members[m] = network;
        };
        trainMembers(k, trainMember);
        LstmEnsemble ensemble = new LstmEnsemble(List.of(members));
        EpochTrainer.Residuals residuals = EpochTrainer.residuals(ensemble, layout, frames, windows);
        List<LstmSeries> states = IntStream.range(0, n)
                .mapToObj(s -> LstmSeries.of(history.seriesId(s), built[s].frame(), built[s].state().divisor(), spec.lookback()))
                .toList();
        List<TrainingSummary> summaries = Arrays.stream(results)
                .map(r -> new TrainingSummary(windows.trainCount(), windows.validationCount(), ensemble.first().parameterCount(),
                        r.epochs(), r.bestEpoch(), r.stoppedEarly(), residuals.source(), ensemble.first().backend().describe(),
                        ensemble.first().precision()))
                .toList();
        return new FittedLstmModel(spec, layout, ensemble, states, residuals.grids(), summaries);
    }

    /**
     * The columns the network reads: every known numeric (or {@code covariates}), price, known
     * categorical and static column; never a past-only one, and not {@code prepare}'s calendar
     * columns (the network has its own calendar inputs).
     */
    private FeatureSchema schema(Panel history) {
        FeatureSchema all = FeatureSchema.of(history, spec.context().pastOnly(), spec.horizon(), true, spec.covariates(), null, true);
        return new FeatureSchema(List.of(), all.known(), all.price(), all.categorical(), all.statics(), all.pastOnly(), spec.horizon(), true);
    }

    /**
     * The layout with the known columns' training mean and deviation, the spread of the series' log
     * scales, and the position in the year as an input when the training windows' targets span two
     * years (over one year, the position in the year names each date of it once: the network would
     * learn that date's events as the date's, and repeat them on the same date a year later).
     */
    private InputLayout layout(FeatureSchema schema, Panel history, List<SeriesFrame> frames, TrainingWindows windows) {
        int known = schema.known().size();
        double[] mean = new double[known];
        double[] std = new double[known];
        for (int c = 0; c < known; c++) {
            final int col = c;
            double[] moments = moments(frames.stream().flatMapToDouble(f -> Arrays.stream(f.known()[col])));
            mean[c] = moments[0];
            std[c] = moments[1];
        }
        int pastCount = schema.pastOnly().size();
        double[] pastMean = new double[pastCount];
        double[] pastStd = new double[pastCount];
        for (int c = 0; c < pastCount; c++) {
            final int col = c;
            double[] moments = moments(frames.stream().flatMapToDouble(f -> Arrays.stream(f.pastOnly()[col])));
            pastMean[c] = moments[0];
            pastStd[c] = moments[1];
        }
        double[] scale = moments(frames.stream().mapToDouble(SeriesFrame::logScale));
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < windows.trainCount(); i++) {
            int end = frames.get(windows.trainSeries()[i]).firstPeriod() + windows.trainEnd()[i];
            first = Math.min(first, end + 1);
            last = Math.max(last, end + spec.horizon());
        }
        boolean annual = windows.trainCount() > 0 && CalendarCoding.annual(history.frequency(), last - first + 1);
        int season = spec.deseasonalize() ? spec.context().seasonLength() : 0;
        return new InputLayout(schema, history.axis(), spec.lookback(), spec.horizon(), annual, spec.scale() == LstmSpec.Scale.WINDOW,
                season, mean, std, pastMean, pastStd, scale[0], scale[1]);
    }

    /**
     * Trains the ensemble's members, up to one per core at a time. Each member is trained wholly on
     * one thread from its own seed (ND4J's generator is per thread), so the networks are the same
     * however many run at once; with {@code OMP_NUM_THREADS=1} (the launcher's default) a member
     * keeps one core busy, and on an idle machine the members share the cores instead of queueing.
     */
    private static void trainMembers(int k, IntConsumer trainMember) {
        int threads = Math.min(k, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int m = 0; m < k; m++) {
                trainMember.accept(m);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lstm-member");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int m = 0; m < k; m++) {
                final int member = m;
                running.add(pool.submit(() -> trainMember.accept(member)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("lstm: interrupted while training", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean and standard deviation of the finite values (0 and 1 when there are none; deviation 1 when it is 0). */
    private static double[] moments(java.util.stream.DoubleStream values) {
        double[] acc = new double[3];
        values.filter(Double::isFinite).forEach(v -> {
            acc[0]++;
            acc[1] += v;
            acc[2] += v * v;
        });
        if (acc[0] == 0) {
            return new double[] {0, 1};
        }
        double mean = acc[1] / acc[0];
        double var = Math.max(0, acc[2] / acc[0] - mean * mean);
        double std = Math.sqrt(var);
        return new double[] {mean, std > 1e-12 ? std : 1};
    }

    private static void requireNonNegative(Panel history) {
        for (int s = 0; s < history.seriesCount(); s++) {
            for (int r = history.rowStart(s); r < history.rowEnd(s); r++) {
                if (history.target(r) < 0) {
                    throw new IllegalArgumentException("series '" + history.seriesId(s) + "' has a negative target (" + history.target(r)
                            + " on " + history.axis().date(history.period(r)) + "): model.params.loss: poisson needs a non-negative target");
                }
            }
        }
    }
}
