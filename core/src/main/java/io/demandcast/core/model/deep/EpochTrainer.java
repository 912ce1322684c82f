package io.demandcast.core.model.deep;

import io.demandcast.core.Progress;
import io.demandcast.core.model.ml.ResidualQuantiles;
import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a network on the training windows epoch by epoch, with early stopping on the held-out
 * windows and best-epoch restore, then measures the residual quantiles of each forecast step.
 * The loop is written here rather than with DL4J's {@code EarlyStoppingTrainer} so that each epoch
 * reports its losses and time through the progress task, and the window order comes from our seed.
 */
final class EpochTrainer {
    /** Windows per inference call (validation, residuals). */
    private static final int PREDICT_ROWS = 1024;
    /** At most this many training windows measure the residuals when none is held out. */
    private static final int RESIDUAL_WINDOWS = 20_000;

    private EpochTrainer() {
    }

    /** One epoch: mean training loss, validation loss (NaN without validation windows), wall seconds. */
    record Epoch(int epoch, double loss, double validationLoss, double seconds) {
    }

    /**
     * @param epochs         every epoch run, in order
     * @param bestEpoch      the epoch whose weights the network holds (the last one without validation windows)
     * @param stoppedEarly   whether {@code patience} epochs passed without a better validation loss
     */
    record Result(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly) {
    }

    /**
     * @param source {@code validation} or, when no window was held out, {@code training} (in-sample)
     * @param grids  per forecast step, the residual quantile grid ({@link ResidualQuantiles}) of {@code z}
     */
    record Residuals(String source, double[][] grids) {
    }

    /**
     * @param task       stepped by {@code steps} in total over the epochs (the rest at the end when stopping early),
     *                   and given one {@link Progress.Task#note} per epoch
     * @param label      what the notes call the network: {@code lstm}, or {@code lstm 2/3} for an ensemble's member
     * @throws IllegalStateException when the training loss is no longer finite (the weights diverged)
     */
    static Result train(LstmNetwork network, LstmSpec spec, InputLayout layout, List<SeriesFrame> frames, TrainingWindows windows,
                        Progress.Task task, long steps, String label) {
        LstmNetwork.seed(spec.seed());
        Random random = new Random(spec.seed());
        int n = windows.trainCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean validate = windows.validationCount() > 0;
        List<Epoch> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        float[] bestWeights = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stopped = false;
        long stepped = 0;
        double elapsed = 0;
        // an epoch takes the next windows of a shuffled order, shuffled again once used up: with
        // batches_per_epoch 0 exactly one pass, else its windows, every window as often as any other
        int perEpoch = spec.batchesPerEpoch() == 0 ? n : (int) Math.min(n, (long) spec.batchesPerEpoch() * spec.batchSize());
        int cursor = n;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double sum = 0;
            for (int seen = 0; seen < perEpoch; ) {
                if (cursor == n) {
                    shuffle(order, random);
                    cursor = 0;
                }
                int take = Math.min(spec.batchSize(), Math.min(perEpoch - seen, n - cursor));
                WindowBatch b = WindowBatch.of(layout, frames, windows.trainSeries(), windows.trainEnd(), order, cursor, cursor + take, true);
                sum += network.fit(b.window(), b.future(), b.labels(), b.up(), b.rows()) * b.rows();
                cursor += take;
                seen += take;
            }
            double loss = sum / perEpoch;
            network.endEpoch();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(label + ": the training loss became " + loss + " in epoch " + epoch
                        + ": the weights diverged; lower model.params.learning_rate (now " + spec.learningRate() + ")");
            }
            double validationLoss = validate ? validationLoss(network, spec, layout, frames, windows) : Double.NaN;
            double seconds = (System.nanoTime() - t0) / 1e9;
            elapsed += seconds;
            history.add(new Epoch(epoch, loss, validationLoss, seconds));
            boolean improved = !validate || validationLoss < best;
            if (improved) {
                best = validate ? validationLoss : best;
                bestEpoch = epoch;
                sinceBest = 0;
                if (validate) {
                    bestWeights = network.parameters();
                }
            } else {
                sinceBest++;
            }
            long target = steps * epoch / spec.epochs();
            task.step(target - stepped);
            stepped = target;
            int left = spec.epochs() - epoch;
            task.note(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.5f%s, %.1f s%s", label, epoch, spec.epochs(), loss,
                    validate ? String.format(Locale.ROOT, ", val loss %.5f%s", validationLoss, improved ? " (best)" : "") : "",
                    seconds, left > 0 ? ", ETA <= " + duration(elapsed / epoch * left) : ""));
            if (validate && spec.patience() > 0 && sinceBest >= spec.patience()) {
                stopped = left > 0;
                break;
            }
        }
        task.step(steps - stepped);
        if (bestWeights != null) {
            network.setParameters(bestWeights);
        }
        return new Result(List.copyOf(history), bestEpoch, stopped);
    }

    /**
     * The residual quantiles of the trained {@code predictor}: on the held-out windows, or in-sample on
     * (a regular subsample of) the training windows when none is held out.
     */
    static Residuals residuals(LstmPredictor predictor, InputLayout layout, List<SeriesFrame> frames, TrainingWindows windows) {
        return windows.validationCount() > 0
                ? new Residuals("validation", residualGrids(predictor, layout, frames, windows.validationSeries(), windows.validationEnd()))
                : new Residuals("training",
                        residualGrids(predictor, layout, frames, every(windows.trainSeries()), every(windows.trainEnd())));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The loss of the held-out windows without dropout or penalty: mean squared error, or mean Poisson deviance term. */
    private static double validationLoss(LstmNetwork network, LstmSpec spec, InputLayout layout, List<SeriesFrame> frames,
                                         TrainingWindows windows) {
        int n = windows.validationCount();
        int h = layout.horizon();
        double sum = 0;
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            WindowBatch b = WindowBatch.of(layout, frames, windows.validationSeries(), windows.validationEnd(), null, from, to, true);
            float[] out = network.predict(b.window(), b.future(), b.rows());
            for (int i = 0; i < b.rows() * h; i++) {
                double y = b.labels()[i];
                double f = out[i];
                sum += spec.loss() == LstmSpec.Loss.POISSON ? f - y * Math.log(Math.max(f, 1e-12)) : (y - f) * (y - f);
            }
        }
        return sum / ((double) n * h);
    }

    /** Per step, the quantile grid of {@code z - prediction} over the given windows. */
    private static double[][] residualGrids(LstmPredictor network, InputLayout layout, List<SeriesFrame> frames, int[] series, int[] ends) {
        int n = series.length;
        int h = layout.horizon();
        double[][] residuals = new double[h][n];
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            WindowBatch b = WindowBatch.of(layout, frames, series, ends, null, from, to, true);
            float[] out = network.predict(b.window(), b.future(), b.rows());
            for (int r = 0; r < b.rows(); r++) {
                for (int k = 0; k < h; k++) {
                    residuals[k][from + r] = b.labels()[r * h + k] - out[r * h + k];
                }
            }
        }
        double[][] grids = new double[h][];
        for (int k = 0; k < h; k++) {
            grids[k] = ResidualQuantiles.grid(residuals[k]);
        }
        return grids;
    }

    /** A regular subsample of at most {@link #RESIDUAL_WINDOWS} of {@code values}. */
    private static int[] every(int[] values) {
        int stride = Math.max(1, (values.length + RESIDUAL_WINDOWS - 1) / RESIDUAL_WINDOWS);
        int[] out = new int[(values.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i * stride];
        }
        return out;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
