package io.demandcast.core.tune;

/** Weights of a combination from its members' backtest errors. */
public final class EnsembleWeights {
    private EnsembleWeights() {
    }

    /**
     * Weights proportional to 1 / error, summing to 1: a member with half the error gets twice the
     * weight. Members with an error of exactly 0 share all the weight; an undefined error gets none.
     *
     * @throws IllegalArgumentException when no error is a finite number >= 0
     */
    public static double[] inverseError(double[] errors) {
        double[] w = new double[errors.length];
        boolean perfect = false;
        for (double e : errors) {
            perfect |= e == 0;
        }
        double sum = 0;
        for (int i = 0; i < errors.length; i++) {
            double e = errors[i];
            w[i] = !Double.isFinite(e) || e < 0 ? 0 : perfect ? (e == 0 ? 1 : 0) : 1 / e;
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("no member has a finite error to weight by");
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
