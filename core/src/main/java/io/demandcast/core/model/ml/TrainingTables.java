package io.demandcast.core.model.ml;

import io.demandcast.core.model.ml.features.FeatureLayout;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.regressor.TrainingTable;
import java.util.List;

/**
 * The training rows of one model, built once per fit into float columns: every period of every
 * series after its first with a finite target (only the last {@code maxTrainPeriods} periods of a
 * series when that is positive), its features read by the model's layout.
 */
final class TrainingTables {
    private TrainingTables() {
    }

    static TrainingTable build(List<SeriesFrame> frames, FeatureLayout layout, int maxTrainPeriods) {
        int rows = 0;
        for (SeriesFrame f : frames) {
            int from = firstRow(f, maxTrainPeriods);
            for (int pos = from; pos < f.length(); pos++) {
                if (Double.isFinite(f.z()[pos])) {
                    rows++;
                }
            }
        }
        int width = layout.size();
        float[][] columns = new float[width][rows];
        double[] target = new double[rows];
        float[] row = new float[width];
        int r = 0;
        for (SeriesFrame f : frames) {
            int from = firstRow(f, maxTrainPeriods);
            for (int pos = from; pos < f.length(); pos++) {
                double z = f.z()[pos];
                if (Double.isFinite(z)) {
                    layout.fill(f, pos, row);
                    for (int c = 0; c < width; c++) {
                        columns[c][r] = row[c];
                    }
                    target[r++] = z;
                }
            }
        }
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
