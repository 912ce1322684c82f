package io.demandcast.core.model.ml;

/**
 * The target as the regressors see it: {@code z = y / s} (or {@code log1p(y / s)}) with a
 * per-series divisor {@code s}, and back: {@code y = s * z} (or {@code s * expm1(z)}). A quantile
 * maps back exactly (the transform is monotone); a mean does not through log1p, so log1p point
 * forecasts are median-like.
 */
public record TargetTransform(MlSpec.Scale scale, int scaleWindow, MlSpec.Transform transform) {

    /**
     * The divisor of a series' history: 1 for {@link MlSpec.Scale#NONE}; the mean of |y| over the
     * history ({@code MEAN}) or over its last {@code scaleWindow} periods ({@code LAST_WINDOW}),
     * ignoring missing values. A zero or undefined mean gives 1.
     */
    public double divisor(double[] y) {
        if (scale == MlSpec.Scale.NONE) {
            return 1;
        }
        int from = scale == MlSpec.Scale.LAST_WINDOW ? Math.max(0, y.length - scaleWindow) : 0;
        double s = meanAbs(y, from);
        return s > 0 && Double.isFinite(s) ? s : 1;
    }

    /** Mean of |y| from {@code from} on over the finite values; NaN when there is none. */
    static double meanAbs(double[] y, int from) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                sum += Math.abs(y[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Whether the transform needs a non-negative target. */
    public boolean needsNonNegative() {
        return transform == MlSpec.Transform.LOG1P;
    }

    public double forward(double y, double divisor) {
        double x = y / divisor;
        return transform == MlSpec.Transform.LOG1P ? Math.log1p(x) : x;
    }

    public double back(double z, double divisor) {
        return divisor * (transform == MlSpec.Transform.LOG1P ? Math.expm1(z) : z);
    }
}
