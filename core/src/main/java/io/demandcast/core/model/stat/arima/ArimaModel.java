package io.demandcast.core.model.stat.arima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * A fitted ARIMA model, ready to forecast: orders, coefficients (R's layout {@code ar, ma, sar, sma,
 * [intercept|drift]}), innovation variance, fit statistics as R reports them, and the final Kalman
 * state: the predicted ARMA state {@code a(n+1|n)} with its covariance, plus the last {@code d+mD}
 * values of the series net of the constant, which the differencing needs. Immutable.
 */
public final class ArimaModel {
    private final ArimaOrder order;
    private final double[] coef;
    private final double sigma2;
    private final double loglik;
    private final double aic;
    private final double aicc;
    private final double bic;
    private final int n;
    private final double[] state;
    private final double[] stateCov;
    private final double[] lastZ;

    ArimaModel(ArimaOrder order, double[] coef, double sigma2, double loglik, double aic, double aicc, double bic, int n,
               double[] state, double[] stateCov, double[] lastZ) {
        this.order = order;
        this.coef = coef;
        this.sigma2 = sigma2;
        this.loglik = loglik;
        this.aic = aic;
        this.aicc = aicc;
        this.bic = bic;
        this.n = n;
        this.state = state;
        this.stateCov = stateCov;
        this.lastZ = lastZ;
    }

    public ArimaOrder order() {
        return order;
    }

    /** Coefficients in R's order {@code ar1..p, ma1..q, sar1..P, sma1..Q, [intercept|drift]}; a copy. */
    public double[] coefficients() {
        return coef.clone();
    }

    public double sigma2() {
        return sigma2;
    }

    public double loglik() {
        return loglik;
    }

    public double aic() {
        return aic;
    }

    public double aicc() {
        return aicc;
    }

    public double bic() {
        return bic;
    }

    /** Number of observations its state has filtered: those it was fitted to, or those of the last {@link #filter}. */
    public int length() {
        return n;
    }

    /**
     * This model with its orders, coefficients, innovation variance and fit statistics kept and its
     * Kalman state recomputed over {@code y} (differencing and constant included), as the fit
     * computes it: {@code y} being the fitted series gives back this model's state, and forecasts
     * continue from the end of {@code y}. Nothing is estimated. This model is unchanged.
     *
     * @param y the series from the same first value the model was fitted on, possibly extended
     * @return null when {@code y} is shorter than the differencing or the filter breaks down numerically
     */
    public ArimaModel filter(double[] y) {
        ArimaState s = ArimaState.after(y, order, coef);
        return s == null ? null : new ArimaModel(order, coef, sigma2, loglik, aic, aicc, bic, y.length, s.state(), s.covariance(), s.lastZ());
    }

    /**
     * Point forecasts and forecast standard deviations for steps 1..horizon, from the state-space
     * form with the differencing carried as states (as R's {@code KalmanForecast}).
     *
     * @return {mean, sd}, each of length horizon, finite
     */
    public double[][] forecast(int horizon) {
        ArimaOrder o = order;
        int p = o.p();
        int q = o.q();
        int sp = o.seasonalP();
        double[] phi = Polynomials.expandAr(Arrays.copyOfRange(coef, 0, p), Arrays.copyOfRange(coef, p + q, p + q + sp), o.period());
        double[] theta = Polynomials.expandMa(Arrays.copyOfRange(coef, p, p + q),
                Arrays.copyOfRange(coef, p + q + sp, p + q + sp + o.seasonalQ()), o.period());
        int r = state.length;
        double[] delta = differencingCoefficients(o);
        int nd = delta.length;
        int rd = r + nd;
        double[] z = observation(r, delta);
        double[][] t = transition(phi, r, delta);
        // T is sparse (a shift, the AR column, the differencing rows): P T' runs over each row's
        // non-zero entries only, in the same order, so the sums are those of the dense product
        int[][] nonZero = new int[rd][];
        for (int j = 0; j < rd; j++) {
            int c = 0;
            for (int k = 0; k < rd; k++) {
                if (t[j][k] != 0) {
                    c++;
                }
            }
            nonZero[j] = new int[c];
            c = 0;
            for (int k = 0; k < rd; k++) {
                if (t[j][k] != 0) {
                    nonZero[j][c++] = k;
                }
            }
        }
        double[] rv = shockLoadings(theta, r);
        double[] alpha = new double[rd];
        System.arraycopy(state, 0, alpha, 0, r);
        System.arraycopy(lastZ, 0, alpha, r, nd);
        double[][] pm = new double[rd][rd];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                pm[i][j] = stateCov[i * r + j];
            }
        }
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double s2 = Double.isFinite(sigma2) && sigma2 > 0 ? sigma2 : 0;
        for (int h = 0; h < horizon; h++) {
            double f = 0;
            for (int i = 0; i < rd; i++) {
                f += z[i] * alpha[i];
            }
            double v = 0;
            for (int i = 0; i < rd; i++) {
                double s = 0;
                for (int j = 0; j < rd; j++) {
                    s += pm[i][j] * z[j];
                }
                v += z[i] * s;
            }
            mean[h] = f + regressor(n + h);
            sd[h] = Math.sqrt(Math.max(0, v) * s2);
            if (!Double.isFinite(mean[h])) {
                mean[h] = h == 0 ? fallbackLevel() : mean[h - 1];
            }
            if (!Double.isFinite(sd[h])) {
                sd[h] = 0;
            }
            // alpha = T alpha; P = T P T' + V
            double[] na = new double[rd];
            for (int i = 0; i < rd; i++) {
                double s = 0;
                for (int j = 0; j < rd; j++) {
                    s += t[i][j] * alpha[j];
                }
                na[i] = s;
            }
            alpha = na;
            double[][] tp = new double[rd][rd];
            for (int i = 0; i < rd; i++) {
                for (int k = 0; k < rd; k++) {
                    double tik = t[i][k];
                    if (tik != 0) {
                        for (int j = 0; j < rd; j++) {
                            tp[i][j] += tik * pm[k][j];
                        }
                    }
                }
            }
            double[][] np = new double[rd][rd];
            for (int i = 0; i < rd; i++) {
                for (int j = 0; j < rd; j++) {
                    double s = 0;
                    int[] nzj = nonZero[j];
                    for (int kk = 0; kk < nzj.length; kk++) {
                        int k = nzj[kk];
                        s += tp[i][k] * t[j][k];
                    }
                    np[i][j] = s + (i < r && j < r ? rv[i] * rv[j] : 0);
                }
            }
            pm = np;
        }
        return new double[][] {mean, sd};
    }

    /**
     * The observation vector of the state-space form with the differencing carried as states:
     * {@code y = z . alpha}, the ARMA state's first element plus the differencing of the last values.
     */
    static double[] observation(int r, double[] delta) {
        int nd = delta.length;
        double[] z = new double[r + nd];
        z[0] = 1;
        for (int i = 0; i < nd; i++) {
            z[r + i] = delta[i];
        }
        return z;
    }

    /** The transition matrix T of that form: the AR column and shift, then the differencing rows. */
    static double[][] transition(double[] phi, int r, double[] delta) {
        int nd = delta.length;
        int rd = r + nd;
        double[][] t = new double[rd][rd];
        for (int i = 0; i < r; i++) {
            if (i < phi.length) {
                t[i][0] = phi[i];
            }
            if (i + 1 < r) {
                t[i][i + 1] = 1;
            }
        }
        if (nd > 0) {
            t[r] = observation(r, delta);
            for (int i = 1; i < nd; i++) {
                t[r + i][r + i - 1] = 1;
            }
        }
        return t;
    }

    /** How an innovation enters the ARMA state: {@code (1, theta_1, .., theta_{r-1})}. */
    static double[] shockLoadings(double[] theta, int r) {
        double[] rv = new double[r];
        rv[0] = 1;
        for (int i = 1; i < r; i++) {
            rv[i] = i - 1 < theta.length ? theta[i - 1] : 0;
        }
        return rv;
    }

    /** The expanded AR polynomial (non-seasonal times seasonal), R's layout. */
    double[] expandedAr() {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        return Polynomials.expandAr(Arrays.copyOfRange(coef, 0, p), Arrays.copyOfRange(coef, p + q, p + q + sp), order.period());
    }

    /** The expanded MA polynomial (non-seasonal times seasonal), R's layout. */
    double[] expandedMa() {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        return Polynomials.expandMa(Arrays.copyOfRange(coef, p, p + q),
                Arrays.copyOfRange(coef, p + q + sp, p + q + sp + order.seasonalQ()), order.period());
    }

    /** {@code a(n+1|n)}, the predicted ARMA state; a copy. */
    double[] predictedState() {
        return state.clone();
    }

    /** {@code P(n+1|n)}, row-major, in units of the innovation variance; a copy. */
    double[] predictedCovariance() {
        return stateCov.clone();
    }

    /** The last d + mD values net of the constant, newest first; a copy. */
    double[] lastValues() {
        return lastZ.clone();
    }

    /** The constant's contribution at step {@code h} (0-based) past the end. */
    double constantAhead(int h) {
        return regressor(n + h);
    }

    /** The value a forecast falls back to when the recursion is not finite. */
    double lastLevel() {
        return fallbackLevel();
    }

    private double fallbackLevel() {
        double last = lastZ.length > 0 ? lastZ[0] : 0;
        return Double.isFinite(last) ? last + regressor(n - 1) : 0;
    }

    /** Constant at 0-based time t: the mean, or the drift times (t+1). */
    private double regressor(int t) {
        return order.constant() ? ArimaState.constantAt(order, coef[coef.length - 1], t) : 0;
    }

    /** delta with {@code (1-B)^d (1-B^m)^D = 1 - sum delta_i B^i}. */
    static double[] differencingCoefficients(ArimaOrder o) {
        double[] poly = {1};
        for (int i = 0; i < o.d(); i++) {
            poly = multiply(poly, 1);
        }
        for (int i = 0; i < o.seasonalD(); i++) {
            poly = multiply(poly, o.period());
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 1; i < poly.length; i++) {
            delta[i - 1] = -poly[i];
        }
        return delta;
    }

    private static double[] multiply(double[] poly, int lag) {
        double[] out = new double[poly.length + lag];
        for (int i = 0; i < poly.length; i++) {
            out[i] += poly[i];
            out[i + lag] -= poly[i];
        }
        return out;
    }

    /** Everything needed to forecast, as plain JSON numbers (non-finite statistics become null). */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode ord = node.putObject("order");
        ord.put("p", order.p()).put("d", order.d()).put("q", order.q());
        ord.put("P", order.seasonalP()).put("D", order.seasonalD()).put("Q", order.seasonalQ());
        ord.put("period", order.period()).put("constant", order.constant());
        array(node.putArray("coef"), coef);
        number(node, "sigma2", sigma2);
        number(node, "loglik", loglik);
        number(node, "aic", aic);
        number(node, "aicc", aicc);
        number(node, "bic", bic);
        node.put("n", n);
        array(node.putArray("state"), state);
        array(node.putArray("state_cov"), stateCov);
        array(node.putArray("last_z"), lastZ);
        return node;
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException when a field is missing or inconsistent
     */
    public static ArimaModel fromJson(JsonNode node) {
        JsonNode ord = node.path("order");
        for (String key : new String[] {"p", "d", "q", "P", "D", "Q", "period", "constant"}) {
            if (ord.get(key) == null) {
                throw new IllegalArgumentException("saved ARIMA state lacks order." + key);
            }
        }
        ArimaOrder order = new ArimaOrder(ord.get("p").asInt(), ord.get("d").asInt(), ord.get("q").asInt(),
                ord.get("P").asInt(), ord.get("D").asInt(), ord.get("Q").asInt(), ord.get("period").asInt(),
                ord.get("constant").asBoolean());
        double[] coef = doubles(node, "coef");
        double[] state = doubles(node, "state");
        double[] cov = doubles(node, "state_cov");
        double[] lastZ = doubles(node, "last_z");
        if (coef.length != order.coefficientCount()) {
            throw new IllegalArgumentException("saved ARIMA state has " + coef.length + " coefficients, " + order + " needs " + order.coefficientCount());
        }
        int r = Math.max(order.arDegree(), order.maDegree() + 1);
        if (state.length != r || cov.length != r * r || lastZ.length != order.lostToDifferencing()) {
            throw new IllegalArgumentException("saved ARIMA state of " + order + " has state " + state.length + ", state_cov "
                    + cov.length + ", last_z " + lastZ.length + " values (expected " + r + ", " + r * r + ", " + order.lostToDifferencing() + ")");
        }
        return new ArimaModel(order, coef, optional(node, "sigma2"), optional(node, "loglik"), optional(node, "aic"),
                optional(node, "aicc"), optional(node, "bic"), node.path("n").asInt(), state, cov, lastZ);
    }

    private static void array(ArrayNode arr, double[] values) {
        for (double v : values) {
            arr.add(v);
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static double optional(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double[] doubles(JsonNode node, String key) {
        JsonNode arr = node.get(key);
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("saved ARIMA state lacks the array " + key);
        }
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asDouble();
        }
        return out;
    }

    @Override
    public String toString() {
        return order + " coef=" + Arrays.toString(coef) + " sigma2=" + sigma2 + " aicc=" + aicc;
    }
}
