package io.demandcast.core.model.stat.arima;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;

/**
 * Lag-polynomial helpers: expansion of the multiplicative seasonal form, the stationarity-enforcing
 * reparameterisation of AR coefficients (as R's {@code transform.pars}), MA root inversion, and
 * root moduli. Coefficients follow R's sign convention: AR {@code 1 - phi_1 B - ...}, MA
 * {@code 1 + theta_1 B + ...}.
 */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * Expanded AR coefficients of {@code (1 - sum a_i B^i)(1 - sum s_j B^{mj})}, length {@code p + m*P}.
     */
    static double[] expandAr(double[] ar, double[] sar, int m) {
        int p = ar.length;
        int n = p + m * sar.length;
        double[] out = new double[n];
        System.arraycopy(ar, 0, out, 0, p);
        for (int j = 0; j < sar.length; j++) {
            out[(j + 1) * m - 1] += sar[j];
            for (int i = 0; i < p; i++) {
                out[(j + 1) * m + i] -= ar[i] * sar[j];
            }
        }
        return out;
    }

    /**
     * Expanded MA coefficients of {@code (1 + sum a_i B^i)(1 + sum s_j B^{mj})}, length {@code q + m*Q}.
     */
    static double[] expandMa(double[] ma, double[] sma, int m) {
        int q = ma.length;
        int n = q + m * sma.length;
        double[] out = new double[n];
        System.arraycopy(ma, 0, out, 0, q);
        for (int j = 0; j < sma.length; j++) {
            out[(j + 1) * m - 1] += sma[j];
            for (int i = 0; i < q; i++) {
                out[(j + 1) * m + i] += ma[i] * sma[j];
            }
        }
        return out;
    }

    /**
     * Maps unconstrained values to the coefficients of a stationary AR polynomial: tanh gives partial
     * autocorrelations in (-1, 1), the Durbin-Levinson recursion turns them into AR coefficients (the
     * Jones (1980) reparameterisation R's {@code arima} uses when {@code transform.pars = TRUE}).
     * Writes {@code raw[from..from+len)} transformed into {@code out[from..)}.
     */
    static void toStationary(double[] raw, int from, int len, double[] out, double[] work) {
        for (int j = 0; j < len; j++) {
            out[from + j] = Math.tanh(raw[from + j]);
            work[j] = out[from + j];
        }
        for (int j = 1; j < len; j++) {
            double a = out[from + j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * out[from + j - k - 1];
            }
            System.arraycopy(work, 0, out, from, j);
        }
    }

    /** The inverse of {@link #toStationary}: AR coefficients (stationary) back to unconstrained values. */
    static void fromStationary(double[] coef, int from, int len, double[] out) {
        double[] cur = new double[len];
        double[] work = new double[len];
        System.arraycopy(coef, from, cur, 0, len);
        for (int j = len - 1; j > 0; j--) {
            double a = cur[j];
            for (int k = 0; k < j; k++) {
                work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
            }
            System.arraycopy(work, 0, cur, 0, j);
        }
        for (int j = 0; j < len; j++) {
            double v = Math.max(-1 + 1e-12, Math.min(1 - 1e-12, cur[j]));
            out[from + j] = 0.5 * Math.log((1 + v) / (1 - v));
        }
    }

    /**
     * Roots of {@code 1 + c_1 z + ... + c_k z^k}, with trailing zero coefficients dropped; empty for
     * degree 0. Computed as the inverses of the eigenvalues of the companion matrix of the reversed
     * polynomial {@code z^k + c_1 z^(k-1) + ... + c_k} (Hipparchus' non-symmetric eigen solver), which
     * stays reliable for the sparse high-degree polynomials of seasonal models where Laguerre's
     * method does not converge; Laguerre remains the fallback.
     */
    static Complex[] roots(double[] onePlus) {
        int k = onePlus.length;
        while (k > 0 && Math.abs(onePlus[k - 1]) == 0) {
            k--;
        }
        if (k == 0) {
            return new Complex[0];
        }
        if (k == 1) {
            return new Complex[] {new Complex(-1 / onePlus[0])};
        }
        double[][] companion = new double[k][k];
        for (int j = 0; j < k; j++) {
            companion[0][j] = -onePlus[j];
        }
        for (int i = 1; i < k; i++) {
            companion[i][i - 1] = 1;
        }
        try {
            Complex[] eig = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(companion, false)).getEigenvalues();
            Complex[] out = new Complex[eig.length];
            for (int i = 0; i < eig.length; i++) {
                out[i] = Complex.ONE.divide(eig[i]);
            }
            return out;
        } catch (RuntimeException e) {
            double[] c = new double[k + 1];
            c[0] = 1;
            System.arraycopy(onePlus, 0, c, 1, k);
            return new LaguerreSolver().solveAllComplex(c, 10_000, 0); // solvers keep state: one per call
        }
    }

    /**
     * Smallest root modulus of the AR polynomial {@code 1 - sum ar_i z^i}; coefficients of 1e-8 or
     * less at the end are ignored, as R's {@code auto.arima} does. 2 when there is no root, NaN when
     * the root finder fails.
     */
    static double minArRootModulus(double[] ar) {
        double[] c = new double[ar.length];
        for (int i = 0; i < ar.length; i++) {
            c[i] = -ar[i];
        }
        return minRootModulus(c);
    }

    /** Smallest root modulus of the MA polynomial {@code 1 + sum ma_i z^i}, as {@link #minArRootModulus}. */
    static double minMaRootModulus(double[] ma) {
        return minRootModulus(ma);
    }

    /**
     * True when every root of the AR polynomial {@code 1 - sum ar_i z^i} has modulus at least
     * {@code radius}, trailing coefficients of 1e-8 or less ignored as in {@link #minArRootModulus}:
     * the same answer as {@code minArRootModulus(ar) >= radius} without computing the roots.
     */
    static boolean arRootsOutside(double[] ar, double radius) {
        return rootsOutside(ar, -1, radius);
    }

    /** True when every root of the MA polynomial {@code 1 + sum ma_i z^i} has modulus at least {@code radius} (as {@link #arRootsOutside}). */
    static boolean maRootsOutside(double[] ma, double radius) {
        return rootsOutside(ma, 1, radius);
    }

    /**
     * Schur-Cohn test by the step-down (inverse Durbin-Levinson) recursion on the polynomial scaled
     * to {@code 1 + sign * sum c_i (radius z)^i}: its roots are all outside the unit circle exactly when
     * every partial autocorrelation of the recursion is below 1 in modulus. It replaces an eigenvalue
     * decomposition of the companion matrix (16 % of auto_arima's CPU on aus-retail, where every
     * candidate's expanded seasonal polynomials of degree up to 29 were checked) by O(k^2) arithmetic.
     */
    private static boolean rootsOutside(double[] c, double sign, double radius) {
        int k = c.length;
        while (k > 0 && Math.abs(c[k - 1]) <= 1e-8) {
            k--;
        }
        if (k == 0) {
            return true;
        }
        // AR form 1 - sum a_i z^i of the scaled polynomial
        double[] a = new double[k];
        double[] work = new double[k];
        double scale = 1;
        for (int i = 0; i < k; i++) {
            scale *= radius;
            a[i] = -sign * c[i] * scale;
        }
        for (int j = k - 1; j >= 0; j--) {
            double kappa = a[j];
            if (!(Math.abs(kappa) < 1)) {
                return false;
            }
            double den = 1 - kappa * kappa;
            for (int i = 0; i < j; i++) {
                work[i] = (a[i] + kappa * a[j - i - 1]) / den;
            }
            System.arraycopy(work, 0, a, 0, j);
        }
        return true;
    }

    private static double minRootModulus(double[] onePlus) {
        int k = onePlus.length;
        while (k > 0 && Math.abs(onePlus[k - 1]) <= 1e-8) {
            k--;
        }
        if (k == 0) {
            return 2;
        }
        try {
            double min = 2;
            for (Complex r : roots(java.util.Arrays.copyOf(onePlus, k))) {
                min = Math.min(min, r.norm());
            }
            return min;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** True when every root of the AR polynomial lies strictly outside the unit circle. */
    static boolean isStationary(double[] ar) {
        int k = ar.length;
        while (k > 0 && ar[k - 1] == 0) {
            k--;
        }
        if (k == 0) {
            return true;
        }
        return arRootsOutside(java.util.Arrays.copyOf(ar, k), 1);
    }

    /**
     * Reflects MA roots inside the unit circle to their inverses, which leaves the autocovariances
     * (hence the likelihood) unchanged and makes the MA invertible (R's {@code maInvert}).
     */
    static double[] invertMa(double[] ma) {
        int q = ma.length;
        int q0 = q;
        while (q0 > 0 && ma[q0 - 1] == 0) {
            q0--;
        }
        if (q0 == 0) {
            return ma.clone();
        }
        if (maRootsOutside(java.util.Arrays.copyOf(ma, q0), 1)) {
            return ma.clone();
        }
        Complex[] roots;
        try {
            roots = roots(java.util.Arrays.copyOf(ma, q0));
        } catch (RuntimeException e) {
            return ma.clone();
        }
        boolean any = false;
        for (Complex r : roots) {
            any |= r.norm() < 1;
        }
        if (!any) {
            return ma.clone();
        }
        double[] out = new double[q];
        if (q0 == 1) {
            out[0] = 1 / ma[0];
            return out;
        }
        // rebuild prod (1 - z/r_i) from the (reflected) roots
        Complex[] poly = {Complex.ONE};
        for (Complex r : roots) {
            Complex root = r.norm() < 1 ? Complex.ONE.divide(r) : r;
            Complex[] next = new Complex[poly.length + 1];
            for (int i = 0; i < next.length; i++) {
                Complex a = i < poly.length ? poly[i] : Complex.ZERO;
                Complex b = i > 0 ? poly[i - 1].divide(root) : Complex.ZERO;
                next[i] = a.subtract(b);
            }
            poly = next;
        }
        for (int i = 0; i < q0; i++) {
            out[i] = poly[i + 1].getReal();
        }
        return out;
    }
}
