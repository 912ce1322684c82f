package io.demandcast.core.model.ml.regressor;

import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic demand tables: price, promotion, day of week, a lag and noise, some lags missing. */
final class DemandTables {
    static final List<String> NAMES = List.of("price", "promo", "dow", "lag_7", "noise");

    private DemandTables() {
    }

    /** {@code rows} rows; with {@code missing}, about 5 % of the lag values are NaN. */
    static TrainingTable table(int rows, long seed, boolean missing) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[NAMES.size()][rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            float price = (float) (2 + 3 * r.nextDouble());
            float promo = r.nextDouble() < 0.2 ? 1 : 0;
            float dow = r.nextInt(7);
            float lag = (float) Math.max(0, 10 - 1.5 * price + 6 * r.nextDouble());
            float noise = (float) r.nextDouble();
            x[0][i] = price;
            x[1][i] = promo;
            x[2][i] = dow;
            x[3][i] = missing && r.nextDouble() < 0.05 ? Float.NaN : lag;
            x[4][i] = noise;
            y[i] = Math.max(0, 12 - 2 * price + 5 * promo + (dow >= 5 ? 3 : 0) + 0.5 * lag + r.nextGaussian());
        }
        return new TrainingTable(NAMES, x, y, null);
    }

    /** Row {@code i} of a table as a float array. */
    static float[] row(TrainingTable table, int i) {
        float[] row = new float[table.features()];
        for (int f = 0; f < row.length; f++) {
            row[f] = table.columns()[f][i];
        }
        return row;
    }
}
