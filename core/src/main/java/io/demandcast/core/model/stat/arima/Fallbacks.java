package io.demandcast.core.model.stat.arima;

/**
 * Simple models for data an ARIMA search cannot handle (empty, constant, too short, failed
 * optimisation): a fixed mean, a random walk, or the bare differencing model. All forecast finite
 * values.
 */
final class Fallbacks {
    private Fallbacks() {
    }

    /** ARIMA(0,0,0) with the sample mean fixed (0 for an empty series), as auto.arima does for constant data. */
    static ArimaModel mean(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean = y.length == 0 ? 0 : mean / y.length;
        ArimaOrder order = ArimaOrder.of(0, 0, 0).withConstant();
        ArimaModel model = y.length == 0 ? null : ArimaFitter.fixed(y, order, new double[] {mean});
        if (model != null) {
            return model;
        }
        return new ArimaModel(order, new double[] {mean}, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, y.length,
                new double[] {0}, new double[] {1}, new double[0]);
    }

    /** ARIMA(0,1,0): the last value, with random-walk intervals; the mean model for fewer than two values. */
    static ArimaModel naive(double[] y) {
        ArimaModel model = y.length < 2 ? null : ArimaFitter.fixed(y, ArimaOrder.of(0, 1, 0), new double[0]);
        return model != null ? model : mean(y);
    }

    /** A fixed-coefficient model, or null. */
    static ArimaModel fixed(double[] y, ArimaOrder order, double[] coef) {
        return ArimaFitter.fixed(y, order, coef);
    }

    /** The differencing-only model ARIMA(0,d,0)(0,D,0)[m], with a constant when d + D &lt;= 1; else a random walk. */
    static ArimaModel simple(double[] y, int d, int seasonalD, int m) {
        ArimaOrder order = new ArimaOrder(0, d, 0, 0, m > 1 ? seasonalD : 0, 0, m, d + seasonalD <= 1);
        ArimaFitter.Fit fit = ArimaFitter.fit(y, order, EstimationMethod.CSS_ML);
        ArimaModel model = fit == null ? null : fit.toModel(fit.sigma2);
        return model != null ? model : naive(y);
    }

    /**
     * The family a fallback model amounts to, for fit reports: {@code mean} (no differencing),
     * {@code naive} (one difference), {@code drift} (one difference and a constant),
     * {@code seasonal_naive} (one seasonal difference), else {@code arima(p,d,q)(P,D,Q)}.
     */
    static String family(ArimaModel model) {
        ArimaOrder o = model.order();
        if (o.p() + o.q() + o.seasonalP() + o.seasonalQ() == 0) {
            if (o.d() == 0 && o.seasonalD() == 0) {
                return "mean";
            }
            if (o.d() == 1 && o.seasonalD() == 0) {
                return o.constant() ? "drift" : "naive";
            }
            if (o.d() == 0 && o.seasonalD() == 1 && !o.constant()) {
                return "seasonal_naive";
            }
        }
        return "arima(" + o.p() + "," + o.d() + "," + o.q() + ")(" + o.seasonalP() + "," + o.seasonalD() + "," + o.seasonalQ() + ")";
    }
}
