package io.demandcast.core.model.deep;

import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.List;

/**
 * A minibatch of windows as the network's float arrays: the window and future inputs and, in
 * training, the scaled targets of the forecast periods. Built on demand from the frames, so the
 * windows of a fit are never all held in memory at once.
 *
 * @param factors  per row, what its target was divided by beyond the series' scale ({@link InputLayout#fillWindow})
 * @param baseline per row and forecast step ({@code row * horizon + k}), the window's seasonal profile at that step:
 *                 a label is {@code z / factor - baseline}, a forecast {@code factor × (output + baseline)}
 * @param up       in training, per row and step, 1 where the target rose from the step before (the first step from
 *                 the window's last period; 0 when that is missing): the direction head's labels, the direction
 *                 metrics' definition of "up"
 */
record WindowBatch(float[] window, float[] future, float[] labels, float[] up, double[] factors, double[] baseline, int rows) {

    /**
     * The windows {@code order[from .. to - 1]} of {@code series} / {@code ends}, with their labels
     * (the targets at {@code end + 1 .. end + horizon}) when {@code withLabels}.
     */
    static WindowBatch of(InputLayout layout, List<SeriesFrame> frames, int[] series, int[] ends, int[] order, int from, int to,
                          boolean withLabels) {
        int rows = to - from;
        int w = layout.windowChannels() * layout.lookback();
        int f = layout.futureSize();
        int h = layout.horizon();
        float[] window = new float[rows * w];
        float[] future = new float[rows * f];
        float[] labels = withLabels ? new float[rows * h] : null;
        float[] up = withLabels ? new float[rows * h] : null;
        double[] factors = new double[rows];
        double[] baseline = new double[rows * h];
        for (int r = 0; r < rows; r++) {
            int i = order == null ? from + r : order[from + r];
            SeriesFrame frame = frames.get(series[i]);
            int end = ends[i];
            factors[r] = layout.fillWindow(frame, end, window, r * w, baseline, r * h);
            layout.fillFuture(frame, end, future, r * f);
            if (withLabels) {
                for (int k = 0; k < h; k++) {
                    labels[r * h + k] = (float) (frame.z()[end + 1 + k] / factors[r] - baseline[r * h + k]);
                    up[r * h + k] = frame.z()[end + 1 + k] > frame.z()[end + k] ? 1f : 0f;
                }
            }
        }
        return new WindowBatch(window, future, labels, up, factors, baseline, rows);
    }
}
