package io.demandcast.core.model.stat.arima;

/**
 * Orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model and whether it carries a constant: a mean when
 * {@code d + D == 0}, a drift (slope in time) when {@code d + D == 1}; ignored for more differences,
 * as in R's {@code Arima(include.constant = TRUE)}.
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period, boolean constant) {

    public ArimaOrder {
        if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0) {
            throw new IllegalArgumentException("ARIMA orders must be >= 0 (got " + p + "," + d + "," + q
                    + ")(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")");
        }
        if (period < 1) {
            throw new IllegalArgumentException("ARIMA period must be >= 1 (got " + period + ")");
        }
        if (period == 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
            throw new IllegalArgumentException("seasonal orders need a period > 1 (got period 1 with ("
                    + seasonalP + "," + seasonalD + "," + seasonalQ + "))");
        }
        if (d + seasonalD > 1) {
            constant = false;
        }
    }

    /** A non-seasonal ARIMA(p,d,q) without constant. */
    public static ArimaOrder of(int p, int d, int q) {
        return new ArimaOrder(p, d, q, 0, 0, 0, 1, false);
    }

    /** The same orders with a constant (a mean when d + D = 0, a drift when d + D = 1). */
    public ArimaOrder withConstant() {
        return new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ, period, true);
    }

    /** Total number of differences {@code d + D}. */
    public int differences() {
        return d + seasonalD;
    }

    /** Number of observations lost to differencing, {@code d + m*D}. */
    public int lostToDifferencing() {
        return d + period * seasonalD;
    }

    /** Degree of the expanded AR polynomial, {@code p + m*P}. */
    public int arDegree() {
        return p + period * seasonalP;
    }

    /** Degree of the expanded MA polynomial, {@code q + m*Q}. */
    public int maDegree() {
        return q + period * seasonalQ;
    }

    /** Number of ARMA coefficients {@code p + q + P + Q}. */
    public int armaCount() {
        return p + q + seasonalP + seasonalQ;
    }

    /** Number of estimated coefficients, the constant included. */
    public int coefficientCount() {
        return armaCount() + (constant ? 1 : 0);
    }

    /** R's notation, e.g. {@code ARIMA(2,1,1)(0,1,0)[12] with drift}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ARIMA(" + p + "," + d + "," + q + ")");
        if (seasonalP + seasonalD + seasonalQ > 0) {
            s.append("(").append(seasonalP).append(",").append(seasonalD).append(",").append(seasonalQ).append(")[").append(period).append("]");
        }
        if (constant) {
            s.append(differences() == 0 ? " with non-zero mean" : " with drift");
        }
        return s.toString();
    }
}
