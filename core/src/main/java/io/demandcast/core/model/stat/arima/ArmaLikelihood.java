package io.demandcast.core.model.stat.arima;

/**
 * Conditional-sum-of-squares and exact Gaussian likelihood of a zero-mean ARMA series (the
 * differenced, de-meaned data), with preallocated work arrays so the optimiser's inner loop
 * allocates nothing. Not thread-safe: one instance per fit.
 *
 * <p>The exact likelihood is the prediction-error decomposition of the Kalman filter on Harvey's
 * state-space form (R's {@code makeARIMA} with the ARMA block only). Differencing is applied to the
 * data beforehand instead of carried as diffuse states, which gives the diffuse likelihood R
 * approximates with {@code kappa = 1e6}. Two pieces of numerical code are ours rather than a
 * library's, because no library offers them and this is the hot path: (1) the stationary initial
 * state covariance is built from the ARMA autocovariances (only its first column is needed), which
 * replaces Gardner et al.'s O(r^4) Q0 solve; (2) the covariance recursion uses the Chandrasekhar
 * (Morf-Sidhu-Kailath) form, valid for a time-invariant model started at its stationary covariance:
 * the one-step change of the state covariance has rank one, so each step costs O(r) instead of the
 * Riccati update's O(r^2).
 */
final class ArmaLikelihood {
    /** Observations whose prediction variance exceeds this are left out of the likelihood, as R's ARIMA_Like does. */
    private static final double MAX_GAIN = 1e4;

    private final int rMax;
    private final int pMax;
    // state-space work arrays
    private final double[] phiR;
    private final double[] thetaR;
    private final double[] psi;
    private final double[] gamma;
    private final double[] a;
    private final double[] k;
    private final double[] w;
    private final double[] lu;
    private final double[] rhs;
    private final int[] nzPhi;
    private final int[] nzTheta;
    /** CSS residuals after {@link #qMax} leading zeros. */
    private final double[] cssBuf;
    private final int qMax;

    double ssq;
    double sumLog;
    int used;

    ArmaLikelihood(int arDegree, int maDegree, int n) {
        this.pMax = arDegree;
        this.rMax = Math.max(arDegree, maDegree + 1);
        phiR = new double[rMax + 1];
        thetaR = new double[rMax + 1];
        psi = new double[rMax + 1];
        gamma = new double[rMax + 2];
        a = new double[rMax + 1];
        k = new double[rMax + 1];
        w = new double[rMax + 1];
        lu = new double[(pMax + 1) * (pMax + 1)];
        rhs = new double[pMax + 1];
        nzPhi = new int[Math.max(1, arDegree)];
        nzTheta = new int[Math.max(1, maDegree)];
        qMax = maDegree;
        cssBuf = new double[maDegree + Math.max(1, n)];
    }

    /**
     * CSS variance: residuals {@code e_t = x_t - sum phi_i x_{t-i} - sum theta_j e_{t-j}} for
     * {@code t >= p} with earlier residuals taken as zero; returns {@code sum e^2 / count}, NaN when
     * no residual can be formed.
     */
    double css(double[] x, int n, double[] phi, int p, double[] theta, int q) {
        int np = 0;
        for (int i = 0; i < p; i++) {
            if (phi[i] != 0) {
                nzPhi[np++] = i;
            }
        }
        int nq = 0;
        for (int j = 0; j < q; j++) {
            if (theta[j] != 0) {
                nzTheta[nq++] = j;
            }
        }
        // residuals live at cssBuf[qMax + t]; the qMax slots before them and the first p residuals
        // are zero, so the MA terms need no test for "before the conditioning lags" (a zero term
        // leaves the sum as it is)
        int off = qMax;
        java.util.Arrays.fill(cssBuf, 0, off + Math.min(p, n), 0);
        double sum = 0;
        int count = 0;
        for (int t = p; t < n; t++) {
            double e = x[t];
            for (int ii = 0; ii < np; ii++) {
                int i = nzPhi[ii];
                e -= phi[i] * x[t - i - 1];
            }
            int base = off + t - 1;
            for (int jj = 0; jj < nq; jj++) {
                int j = nzTheta[jj];
                e -= theta[j] * cssBuf[base - j];
            }
            cssBuf[off + t] = e;
            sum += e * e;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The residuals of the last {@link #css} call (zero before the conditioning lags), copied into out. */
    void cssResiduals(int n, double[] out) {
        System.arraycopy(cssBuf, qMax, out, 0, n);
    }

    /**
     * Runs the exact-likelihood filter; afterwards {@link #ssq}, {@link #sumLog} and {@link #used}
     * hold the sum of squared standardised prediction errors, the sum of log prediction variances
     * (both in units of the innovation variance) and the number of observations counted.
     *
     * @param resid when not null, receives the standardised prediction errors (length n)
     * @return false when the model is numerically non-stationary (no finite likelihood)
     */
    boolean exact(double[] x, int n, double[] phi, int p, double[] theta, int q, double[] resid) {
        int r = Math.max(p, q + 1);
        if (!initialise(phi, p, theta, q, r)) {
            return false;
        }
        // F_1 = gamma(0); K_1 = T * first column of P0 (kept in k); W_1 = K_1, M_1 = -1/F_1
        double f = gamma[0];
        if (!(f > 0) || !Double.isFinite(f)) {
            return false;
        }
        System.arraycopy(k, 0, w, 0, r);
        double mm = -1 / f;
        java.util.Arrays.fill(a, 0, r + 1, 0);
        ssq = 0;
        sumLog = 0;
        used = 0;
        boolean steady = false;
        int nPhi = 0;
        for (int i = 0; i < p; i++) {
            if (phiR[i] != 0) {
                nzPhi[nPhi++] = i;
            }
        }
        for (int t = 0; t < n; t++) {
            double v = x[t] - a[0];
            if (f < MAX_GAIN) {
                used++;
                ssq += v * v / f;
                sumLog += Math.log(f);
            }
            if (resid != null) {
                resid[t] = f < MAX_GAIN ? v / Math.sqrt(f) : 0;
            }
            double g = v / f;
            double a0 = a[0];
            System.arraycopy(a, 1, a, 0, r);
            for (int ii = 0; ii < nPhi; ii++) {
                int i = nzPhi[ii];
                a[i] += phiR[i] * a0;
            }
            for (int i = 0; i < r; i++) {
                a[i] += k[i] * g;
            }
            if (steady) {
                continue;
            }
            double aw = w[0];
            double fNew = f + mm * aw * aw;
            if (!(fNew > 0)) {
                return false;
            }
            double scale = mm * aw;
            double kw = aw / f;
            double w0 = w[0];
            // T W: a shift plus the (few, for seasonal models) non-zero AR terms
            System.arraycopy(w, 1, w, 0, r);
            for (int ii = 0; ii < nPhi; ii++) {
                int i = nzPhi[ii];
                w[i] += phiR[i] * w0;
            }
            for (int i = 0; i < r; i++) {
                double tw = w[i];
                double kOld = k[i];
                w[i] = tw - kOld * kw;
                k[i] = kOld + tw * scale;
            }
            mm = mm * f / fNew;
            f = fNew;
            // once the rank-one corrections vanish the covariance is at its steady state (checked every 8 steps)
            if ((t & 7) == 7) {
                double maxW = 0;
                for (int i = 0; i < r; i++) {
                    maxW = Math.max(maxW, Math.abs(w[i]));
                }
                if (Math.abs(mm) * maxW * maxW < 1e-13 * f) {
                    steady = true;
                }
            }
        }
        return Double.isFinite(ssq) && Double.isFinite(sumLog);
    }

    /**
     * The predicted state {@code a(n+1|n)} and its covariance {@code P(n+1|n)} after filtering x,
     * for forecasting. Costs O(n r^2); used once per final model.
     *
     * @return {state (r), covariance (r*r, row-major)} or null when not computable
     */
    double[][] finalState(double[] x, int n, double[] phi, int p, double[] theta, int q) {
        int r = Math.max(p, q + 1);
        if (!initialise(phi, p, theta, q, r)) {
            return null;
        }
        double[] cov = stationaryCovariance(r);
        double f = gamma[0];
        System.arraycopy(k, 0, w, 0, r);
        double mm = -1 / f;
        java.util.Arrays.fill(a, 0, r + 1, 0);
        for (int t = 0; t < n; t++) {
            double v = x[t] - a[0];
            double g = v / f;
            double a0 = a[0];
            for (int i = 0; i < r; i++) {
                a[i] = phiR[i] * a0 + a[i + 1] + k[i] * g;
            }
            double aw = w[0];
            double fNew = f + mm * aw * aw;
            if (!(fNew > 0)) {
                return null;
            }
            // P(t+1) = P(t) + W M W'
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    cov[i * r + j] += w[i] * mm * w[j];
                }
            }
            double scale = mm * aw;
            double kw = aw / f;
            double w0 = w[0];
            for (int i = 0; i < r; i++) {
                double tw = phiR[i] * w0 + w[i + 1];
                w[i] = tw - k[i] * kw;
                k[i] += tw * scale;
            }
            mm = mm * f / fNew;
            f = fNew;
        }
        return new double[][] {java.util.Arrays.copyOf(a, r), cov};
    }

    /**
     * Fills phiR/thetaR (padded to r), psi weights, autocovariances gamma(0..r) and, in k, the
     * initial Kalman gain {@code T P0 Z'} (all in units of the innovation variance).
     */
    private boolean initialise(double[] phi, int p, double[] theta, int q, int r) {
        java.util.Arrays.fill(phiR, 0);
        java.util.Arrays.fill(thetaR, 0);
        System.arraycopy(phi, 0, phiR, 0, p);
        thetaR[0] = 1;
        System.arraycopy(theta, 0, thetaR, 1, q);
        // psi weights: psi_0 = 1, psi_j = theta_j + sum_i phi_i psi_{j-i}
        psi[0] = 1;
        for (int j = 1; j <= r; j++) {
            double s = j <= q ? thetaR[j] : 0;
            for (int i = 1; i <= Math.min(j, p); i++) {
                s += phiR[i - 1] * psi[j - i];
            }
            psi[j] = s;
        }
        if (!autocovariances(p, q, r)) {
            return false;
        }
        // first column of P0: c_0 = gamma(0); c_i = sum_{k>=i} phi_k gamma(k+1-i) + theta_k psi_{k-i}
        // k = T c: k_i = phi_i c_0 + c_{i+1}
        double c0 = gamma[0];
        for (int i = 0; i < r; i++) {
            k[i] = phiR[i] * c0 + column(i + 1, r);
        }
        return true;
    }

    /** Element i (>= 1) of the first column of P0. */
    private double column(int i, int r) {
        if (i >= r) {
            return 0;
        }
        double s = 0;
        for (int kk = i; kk < r; kk++) {
            s += phiR[kk] * gamma[kk + 1 - i] + thetaR[kk] * psi[kk - i];
        }
        return s;
    }

    /** gamma(0..r) of the ARMA process with unit innovation variance; false when singular (non-stationary). */
    private boolean autocovariances(int p, int q, int r) {
        if (p == 0) {
            for (int h = 0; h <= r; h++) {
                double s = 0;
                for (int j = h; j <= q; j++) {
                    s += thetaR[j] * thetaR[j - h];
                }
                gamma[h] = s;
            }
            return true;
        }
        // gamma(h) - sum_i phi_i gamma(|h-i|) = sum_{j>=h} theta_j psi_{j-h}, h = 0..p; a small dense
        // solve by Gaussian elimination with partial pivoting, in place (hot path, no allocation)
        int s = p + 1;
        java.util.Arrays.fill(lu, 0, s * s, 0);
        for (int h = 0; h <= p; h++) {
            lu[h * s + h] += 1;
            for (int i = 1; i <= p; i++) {
                lu[h * s + Math.abs(h - i)] -= phiR[i - 1];
            }
            double b = 0;
            for (int j = h; j <= q; j++) {
                b += thetaR[j] * psi[j - h];
            }
            rhs[h] = b;
        }
        for (int c = 0; c < s; c++) {
            int piv = c;
            double best = Math.abs(lu[c * s + c]);
            for (int rr = c + 1; rr < s; rr++) {
                double v = Math.abs(lu[rr * s + c]);
                if (v > best) {
                    best = v;
                    piv = rr;
                }
            }
            if (!(best > 1e-12)) {
                return false;
            }
            if (piv != c) {
                for (int j = 0; j < s; j++) {
                    double tmp = lu[c * s + j];
                    lu[c * s + j] = lu[piv * s + j];
                    lu[piv * s + j] = tmp;
                }
                double tmp = rhs[c];
                rhs[c] = rhs[piv];
                rhs[piv] = tmp;
            }
            double d = lu[c * s + c];
            for (int rr = c + 1; rr < s; rr++) {
                double fct = lu[rr * s + c] / d;
                if (fct != 0) {
                    for (int j = c; j < s; j++) {
                        lu[rr * s + j] -= fct * lu[c * s + j];
                    }
                    rhs[rr] -= fct * rhs[c];
                }
            }
        }
        for (int c = s - 1; c >= 0; c--) {
            double v = rhs[c];
            for (int j = c + 1; j < s; j++) {
                v -= lu[c * s + j] * gamma[j];
            }
            gamma[c] = v / lu[c * s + c];
        }
        for (int h = p + 1; h <= r; h++) {
            double v = 0;
            for (int i = 1; i <= p; i++) {
                v += phiR[i - 1] * gamma[h - i];
            }
            for (int j = h; j <= q; j++) {
                v += thetaR[j] * psi[j - h];
            }
            gamma[h] = v;
        }
        return gamma[0] > 0 && Double.isFinite(gamma[0]);
    }

    /** The full stationary covariance P0 (r x r, row-major) from gamma and psi; used once per final model. */
    private double[] stationaryCovariance(int r) {
        double[] cov = new double[r * r];
        // cross-covariance Cov(y_s, e_u) = psi_{s-u} (0 when s < u); psi needed up to r
        for (int i = 0; i < r; i++) {
            for (int j = i; j < r; j++) {
                double v;
                if (i == 0 && j == 0) {
                    v = gamma[0];
                } else if (i == 0) {
                    v = column(j, r);
                } else {
                    v = 0;
                    for (int kk = i; kk < r; kk++) {
                        for (int l = j; l < r; l++) {
                            int lagK = kk - i;
                            int lagL = l - j;
                            v += phiR[kk] * phiR[l] * gamma[Math.abs(lagK - lagL)];
                            int h1 = lagL - lagK - 1;
                            if (h1 >= 0) {
                                v += phiR[kk] * thetaR[l] * psi[h1];
                            }
                            int h2 = lagK - lagL - 1;
                            if (h2 >= 0) {
                                v += thetaR[kk] * phiR[l] * psi[h2];
                            }
                            if (lagK == lagL) {
                                v += thetaR[kk] * thetaR[l];
                            }
                        }
                    }
                }
                cov[i * r + j] = v;
                cov[j * r + i] = v;
            }
        }
        return cov;
    }
}
