package io.demandcast.core.model.stat.arima;

import java.util.Arrays;

/**
 * Where an ARIMA model with fixed coefficients stands after a series, ready to forecast: the
 * predicted ARMA state {@code a(n+1|n)} and its covariance {@code P(n+1|n)} (row-major, in units of
 * the innovation variance) from the Kalman filter over the differenced series net of the constant,
 * and the last {@code d + mD} values of the series net of the constant, which undoing the
 * differencing needs. A fit ends with this state; an update recomputes it over a longer series
 * with the coefficients unchanged.
 *
 * @param state      {@code a(n+1|n)}, r values
 * @param covariance {@code P(n+1|n)}, r*r values
 * @param lastZ      {@code z(n), z(n-1), ...}, d + mD values
 */
record ArimaState(double[] state, double[] covariance, double[] lastZ) {

    /**
     * Filters {@code y} with the model's orders and coefficients (R's layout). Leaves its inputs unchanged.
     *
     * @return null when {@code y} is shorter than the differencing or the filter breaks down numerically
     */
    static ArimaState after(double[] y, ArimaOrder order, double[] coef) {
        int nd = order.lostToDifferencing();
        int n = y.length;
        if (n < nd) {
            return null;
        }
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        double[] phi = Polynomials.expandAr(Arrays.copyOfRange(coef, 0, p), Arrays.copyOfRange(coef, p + q, p + q + sp), order.period());
        double[] theta = Polynomials.expandMa(Arrays.copyOfRange(coef, p, p + q),
                Arrays.copyOfRange(coef, p + q + sp, p + q + sp + order.seasonalQ()), order.period());
        double beta = order.constant() ? coef[coef.length - 1] : 0;
        double[] w = ArimaFitter.difference(y, order);
        double xc = differencedConstant(order);
        for (int t = 0; t < w.length; t++) {
            w[t] -= beta * xc;
        }
        double[][] filtered = new ArmaLikelihood(phi.length, theta.length, w.length).finalState(w, w.length, phi, phi.length, theta, theta.length);
        if (filtered == null) {
            return null;
        }
        double[] lastZ = new double[nd];
        for (int i = 0; i < nd; i++) {
            int t = n - 1 - i;
            lastZ[i] = y[t] - constantAt(order, beta, t);
        }
        return new ArimaState(filtered[0], filtered[1], lastZ);
    }

    /**
     * The constant's regressor after differencing: 1 for a mean, or for a drift after one
     * difference; m for a drift after one seasonal difference.
     */
    static double differencedConstant(ArimaOrder order) {
        return order.differences() == 0 ? 1 : (order.d() == 1 ? 1 : order.period());
    }

    /** The constant's contribution at 0-based time t: the mean, or the drift times (t+1); 0 without constant. */
    static double constantAt(ArimaOrder order, double beta, int t) {
        if (!order.constant()) {
            return 0;
        }
        return order.differences() == 0 ? beta : beta * (t + 1);
    }
}
