package io.demandcast.core.model.stat.arima;

/**
 * STL seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae &amp; Terpenning 1990),
 * non-robust (2 inner passes, no outer robustness passes), as R's {@code stl()} runs it for
 * {@code forecast::mstl()} on a single-period series. Written here because no library on our
 * classpath offers STL; the structure (cycle-subseries loess with end extrapolation, low-pass filter
 * of three moving averages and a loess, loess evaluated every {@code jump} points with linear
 * interpolation in between) follows the published algorithm so that the seasonal strength matches
 * R's {@code nsdiffs(test = "seas")}.
 */
final class Stl {
    private Stl() {
    }

    /** Seasonal and trend components; remainder = y - seasonal - trend. */
    record Decomposition(double[] seasonal, double[] trend) {
    }

    /**
     * Decomposes y with period np and seasonal window sWindow (degree 0), trend and low-pass windows
     * chosen as R's defaults.
     *
     * @throws IllegalArgumentException when the series has two periods or fewer
     */
    static Decomposition decompose(double[] y, int np, int sWindow) {
        int n = y.length;
        if (np < 2 || n <= 2 * np) {
            throw new IllegalArgumentException("series is not periodic or has less than two periods");
        }
        int ns = Math.max(3, sWindow % 2 == 0 ? sWindow + 1 : sWindow);
        int nt = nextOdd(Math.ceil(1.5 * np / (1 - 1.5 / sWindow)));
        int nl = nextOdd(np);
        nt = Math.max(3, nt % 2 == 0 ? nt + 1 : nt);
        nl = Math.max(3, nl % 2 == 0 ? nl + 1 : nl);
        int isdeg = 0;
        int itdeg = 1;
        int ildeg = 1;
        int nsjump = (int) Math.ceil(ns / 10.0);
        int ntjump = (int) Math.ceil(nt / 10.0);
        int nljump = (int) Math.ceil(nl / 10.0);
        double[] season = new double[n];
        double[] trend = new double[n];
        double[] work1 = new double[n + 2 * np];
        double[] c = new double[n + 2 * np];
        double[] work3 = new double[n + 2 * np];
        double[] lowPass = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                work1[i] = y[i] - trend[i];
            }
            cycleSubseries(work1, n, np, ns, isdeg, nsjump, c);
            lowPass(c, n + 2 * np, np, work3);
            loess(work3, n, nl, ildeg, nljump, lowPass);
            for (int i = 0; i < n; i++) {
                season[i] = c[np + i] - lowPass[i];
                work1[i] = y[i] - season[i];
            }
            loess(work1, n, nt, itdeg, ntjump, trend);
        }
        return new Decomposition(season, trend);
    }

    private static int nextOdd(double x) {
        int v = (int) Math.round(x);
        return v % 2 == 0 ? v + 1 : v;
    }

    /**
     * Seasonal strength {@code max(0, min(1, 1 - var(R)/var(R + S)))} of the STL decomposition with
     * R's {@code mstl} defaults ({@code s.window = 11}); forecast's {@code seas.heuristic}.
     */
    static double seasonalStrength(double[] y, int period) {
        Decomposition d = decompose(y, period, 11);
        int n = y.length;
        double[] rem = new double[n];
        double[] rs = new double[n];
        for (int i = 0; i < n; i++) {
            rem[i] = y[i] - d.seasonal()[i] - d.trend()[i];
            rs[i] = rem[i] + d.seasonal()[i];
        }
        double v = variance(rem);
        double vs = variance(rs);
        double s = 1 - v / vs;
        if (Double.isNaN(s)) {
            return 0;
        }
        return Math.max(0, Math.min(1, s));
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** Smooths each cycle-subseries with loess and extrapolates one value at either end; out has n + 2 np values. */
    private static void cycleSubseries(double[] y, int n, int np, int ns, int isdeg, int nsjump, double[] out) {
        int kMax = (n - 1) / np + 1;
        double[] sub = new double[kMax];
        double[] smooth = new double[kMax + 2];
        double[] sm = new double[kMax];
        double[] wts = new double[kMax];
        for (int j = 0; j < np; j++) {
            int k = (n - 1 - j) / np + 1;
            for (int i = 0; i < k; i++) {
                sub[i] = y[i * np + j];
            }
            loess(sub, k, ns, isdeg, nsjump, sm);
            System.arraycopy(sm, 0, smooth, 1, k);
            int nright = Math.min(ns, k);
            double v = estimate(sub, k, ns, isdeg, 0, 1, nright, wts);
            smooth[0] = Double.isNaN(v) ? smooth[1] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = estimate(sub, k, ns, isdeg, k + 1, nleft, k, wts);
            smooth[k + 1] = Double.isNaN(v) ? smooth[k] : v;
            for (int m = 0; m < k + 2; m++) {
                out[m * np + j] = smooth[m];
            }
        }
    }

    /** Moving averages of lengths np, np, 3 over x (length len); result has len - 2 np values, in out. */
    private static void lowPass(double[] x, int len, int np, double[] out) {
        double[] a = movingAverage(x, len, np);
        double[] b = movingAverage(a, a.length, np);
        double[] c = movingAverage(b, b.length, 3);
        System.arraycopy(c, 0, out, 0, c.length);
    }

    private static double[] movingAverage(double[] x, int n, int len) {
        int newn = n - len + 1;
        double[] ave = new double[newn];
        double v = 0;
        for (int i = 0; i < len; i++) {
            v += x[i];
        }
        ave[0] = v / len;
        for (int j = 1; j < newn; j++) {
            v = v - x[j - 1] + x[len + j - 1];
            ave[j] = v / len;
        }
        return ave;
    }

    /**
     * Loess smoothing of y[0..n) with span len and degree ideg, fitted every njump points and
     * linearly interpolated in between; result in ys. Positions are 1-based inside, as in STL.
     */
    private static void loess(double[] y, int n, int len, int ideg, int njump, double[] ys) {
        double[] w = new double[n];
        if (n < 2) {
            ys[0] = y[0];
            return;
        }
        int newnj = Math.min(njump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj) {
                double v = estimate(y, n, len, ideg, i, nleft, nright, w);
                ys[i - 1] = Double.isNaN(v) ? y[i - 1] : v;
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                double v = estimate(y, n, len, ideg, i, nleft, nright, w);
                ys[i - 1] = Double.isNaN(v) ? y[i - 1] : v;
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }
                double v = estimate(y, n, len, ideg, i, nleft, nright, w);
                ys[i - 1] = Double.isNaN(v) ? y[i - 1] : v;
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[j - 1] = ys[i - 1] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                double v = estimate(y, n, len, ideg, n, nleft, nright, w);
                ys[n - 1] = Double.isNaN(v) ? y[n - 1] : v;
                if (k != n - 1) {
                    double delta = (ys[n - 1] - ys[k - 1]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        ys[j - 1] = ys[k - 1] + delta * (j - k);
                    }
                }
            }
        }
    }

    /** Loess estimate at 1-based position xs from points nleft..nright (tricube weights); NaN when no weight. */
    private static double estimate(double[] y, int n, int len, int ideg, double xs, int nleft, int nright, double[] w) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            double wj = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    wj = 1;
                } else {
                    double u = r / h;
                    u = 1 - u * u * u;
                    wj = u * u * u;
                }
            }
            w[j - 1] = wj;
            a += wj;
        }
        if (a <= 0) {
            return Double.NaN;
        }
        for (int j = nleft; j <= nright; j++) {
            w[j - 1] /= a;
        }
        if (h > 0 && ideg > 0) {
            a = 0;
            for (int j = nleft; j <= nright; j++) {
                a += w[j - 1] * j;
            }
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) {
                c += w[j - 1] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[j - 1] *= b * (j - a) + 1;
                }
            }
        }
        double ys = 0;
        for (int j = nleft; j <= nright; j++) {
            ys += w[j - 1] * y[j - 1];
        }
        return ys;
    }
}
