package io.demandcast.core.model.ml;

import io.demandcast.core.model.ml.features.FeatureLayout;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.regressor.TrainingTable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The training rows of one model, built once per fit into float columns: every period of every
 * series after its first with a finite target (only the last {@code maxTrainPeriods} periods of a
 * series when that is positive), its features read by the model's layout.
 */
final class TrainingTables {
    private TrainingTables() {
    }

    static TrainingTable build(List<SeriesFrame> frames, FeatureLayout layout, int maxTrainPeriods) {
        // each series' rows go to their own range of the table, so series fill it in parallel
        int[] start = new int[frames.size() + 1];
        for (int i = 0; i < frames.size(); i++) {
            SeriesFrame f = frames.get(i);
            int rows = 0;
            for (int pos = firstRow(f, maxTrainPeriods); pos < f.length(); pos++) {
                if (Double.isFinite(f.z()[pos])) {
                    rows++;
                }
            }
            start[i + 1] = start[i] + rows;
        }
        int width = layout.size();
        float[][] columns = new float[width][start[frames.size()]];
        double[] target = new double[start[frames.size()]];
        IntStream.range(0, frames.size()).parallel().forEach(i -> {
            SeriesFrame f = frames.get(i);
            float[] row = new float[width];
            int r = start[i];
            for (int pos = firstRow(f, maxTrainPeriods); pos < f.length(); pos++) {
                double z = f.z()[pos];
                if (Double.isFinite(z)) {
                    layout.fill(f, pos, row);
                    for (int c = 0; c < width; c++) {
                        columns[c][r] = row[c];
                    }
                    target[r++] = z;
                }
            }
        });
        return new TrainingTable(layout.names(), columns, target, null);
    }

    private static int firstRow(SeriesFrame f, int maxTrainPeriods) {
        return Math.max(1, maxTrainPeriods > 0 ? f.length() - maxTrainPeriods : 1);
    }

    /** One row of a table, for predicting on training rows. */
    static float[] row(TrainingTable table, int r, float[] into) {
        float[][] columns = table.columns();
        for (int c = 0; c < columns.length; c++) {
            into[c] = columns[c][r];
        }
        return into;
    }
}
