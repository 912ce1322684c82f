package io.demandcast.core.model.deep;

import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.List;

/**
 * A minibatch of windows as the network's float arrays: the window and future inputs and, in
 * training, the scaled targets of the forecast periods. Built on demand from the frames, so the
 * windows of a fit are never all held in memory at once.
 */
record WindowBatch(float[] window, float[] future, float[] labels, int rows) {

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
        for (int r = 0; r < rows; r++) {
            int i = order == null ? from + r : order[from + r];
            SeriesFrame frame = frames.get(series[i]);
            int end = ends[i];
            layout.fillWindow(frame, end, window, r * w);
            layout.fillFuture(frame, end, future, r * f);
            if (withLabels) {
                for (int k = 0; k < h; k++) {
                    labels[r * h + k] = (float) frame.z()[end + 1 + k];
                }
            }
        }
        return new WindowBatch(window, future, labels, rows);
    }
}
