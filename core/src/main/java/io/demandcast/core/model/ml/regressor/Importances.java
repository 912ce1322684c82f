package io.demandcast.core.model.ml.regressor;

/** Scales non-negative per-feature scores to sum to 1 (all 0 when every score is 0). */
final class Importances {
    private Importances() {
    }

    static double[] normalised(double[] scores) {
        double total = 0;
        for (double s : scores) {
            total += Math.max(s, 0);
        }
        double[] out = new double[scores.length];
        if (total > 0) {
            for (int i = 0; i < scores.length; i++) {
                out[i] = Math.max(scores[i], 0) / total;
            }
        }
        return out;
    }
}
