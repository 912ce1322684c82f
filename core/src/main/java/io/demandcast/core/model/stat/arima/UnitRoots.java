package io.demandcast.core.model.stat.arima;

/**
 * How many differences a series needs, as R's {@code forecast::ndiffs} (KPSS level-stationarity
 * test at 5%, repeated on the differenced series) and {@code nsdiffs(test = "seas")} (seasonal
 * strength of an STL decomposition above 0.64). The KPSS statistic is a few lines of arithmetic
 * (Kwiatkowski et al. 1992, with urca's short Bartlett lag {@code trunc(3 sqrt(n)/13)}), written
 * here because no library on our classpath has it.
 */
final class UnitRoots {
    /** urca's 5% critical value of the level (mu) KPSS statistic. */
    private static final double KPSS_CRITICAL_5PCT = 0.463;
    /** forecast's threshold on seasonal strength for one seasonal difference. */
    private static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private UnitRoots() {
    }

    /** forecast's {@code is.constant}: {@code all.equal(x, rep(x[1]))} with tolerance 1.5e-8. */
    static boolean isConstant(double[] x) {
        if (x.length == 0) {
            return true;
        }
        double diff = 0;
        double abs = 0;
        for (double v : x) {
            diff += Math.abs(v - x[0]);
            abs += Math.abs(v);
        }
        diff /= x.length;
        abs /= x.length;
        double tol = 1.5e-8;
        return abs > tol ? diff / abs < tol : diff < tol;
    }

    /** KPSS level-stationarity statistic. */
    static double kpss(double[] y) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] res = new double[n];
        double s = 0;
        double num = 0;
        double s2 = 0;
        for (int t = 0; t < n; t++) {
            res[t] = y[t] - mean;
            s += res[t];
            num += s * s;
            s2 += res[t] * res[t];
        }
        num /= (double) n * n;
        s2 /= n;
        int lmax = (int) (3 * Math.sqrt(n) / 13);
        double den = s2;
        for (int l = 1; l <= lmax; l++) {
            double c = 0;
            for (int t = l; t < n; t++) {
                c += res[t] * res[t - l];
            }
            den += 2.0 / n * (1 - l / (lmax + 1.0)) * c;
        }
        return num / den;
    }

    /** Number of first differences, at most maxD. */
    static int ndiffs(double[] x, int maxD) {
        int d = 0;
        if (isConstant(x)) {
            return 0;
        }
        boolean diff = kpssRejects(x);
        while (diff && d < maxD) {
            d++;
            x = ArimaFitter.difference(x, ArimaOrder.of(0, 1, 0));
            if (isConstant(x)) {
                return d;
            }
            diff = kpssRejects(x);
        }
        return d;
    }

    private static boolean kpssRejects(double[] x) {
        if (x.length < 2) {
            return false;
        }
        double stat = kpss(x);
        // a NaN statistic (degenerate variance) is treated as "no further difference", as R's error path
        return stat > KPSS_CRITICAL_5PCT;
    }

    /** Number of seasonal differences, at most maxD (forecast's nsdiffs with the seasonal-strength test). */
    static int nsdiffs(double[] x, int period, int maxD) {
        if (isConstant(x) || period <= 1 || period >= x.length) {
            return 0;
        }
        boolean diff = seasonalTest(x, period);
        int d = 0;
        while (diff && d < maxD) {
            d++;
            x = ArimaFitter.difference(x, new ArimaOrder(0, 0, 0, 0, 1, 0, period, false));
            if (isConstant(x)) {
                return d;
            }
            diff = x.length >= 2 * period && d < maxD && seasonalTest(x, period);
        }
        return d;
    }

    private static boolean seasonalTest(double[] x, int period) {
        if (x.length <= 2 * period) {
            return false; // R's stl() stops with an error here; nsdiffs then uses 0 differences
        }
        return Stl.seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD;
    }
}
