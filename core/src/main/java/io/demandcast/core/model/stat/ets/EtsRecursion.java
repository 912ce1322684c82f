package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;

/**
 * The ETS state recursion in error-correction form and R's likelihood criterion, written from the
 * definitions in Hyndman et al. (2008, ch. 2 and 5) as R's {@code etscalc} evaluates them:
 * one-step forecast {@code f = (l + phi b | l b^phi) (+|*) s_(t-m)}, residual {@code e = y - f} (additive)
 * or {@code (y - f)/f} (multiplicative), and criterion
 * {@code lik = n log(sum e^2) (+ 2 sum log|f| for multiplicative errors)}, i.e. minus twice the
 * concentrated log-likelihood without constants.
 *
 * <p>Hand-written rather than a library call: this is the model itself. It allocates nothing; the
 * seasonal states live in a caller-supplied circular buffer, so one step costs O(1) whatever m.
 *
 * <p>States are laid out as in R: {@code [l, b?, s_1 .. s_m]} with {@code s_1} the most recent
 * seasonal state and {@code s_m} the one that applies to the next period.
 */
final class EtsRecursion {
    /** Below this magnitude a divisor counts as zero (R's TOL). */
    static final double TOL = 1e-10;
    /** The value a ratio takes when its divisor is zero (R's HUGEN). */
    static final double HUGE = 1e10;

    private EtsRecursion() {
    }

    /**
     * Runs the recursion over {@code y}.
     *
     * @param seasons   the initial seasonal states, most recent first ({@code m} values), unused without a season
     * @param work      scratch of length &gt;= m (overwritten)
     * @param residuals receives the n residuals, or null
     * @param finalState receives the state after the last observation (layout as above), or null
     * @return R's criterion {@code lik}, clamped below at -1e10; +Inf when it is not finite
     */
    static double run(double[] y, EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                      double level, double trend, double[] seasons, double[] work,
                      double[] residuals, double[] finalState) {
        boolean hasTrend = model.hasTrend();
        boolean multTrend = model.trend() == Component.M;
        Component season = model.season();
        boolean seasonal = season != Component.N;
        boolean multError = model.error() == Component.M;
        boolean multSeason = season == Component.M;
        double betaStar = hasTrend ? beta / alpha : 0;
        int pos = 0;
        if (seasonal) {
            for (int k = 0; k < m; k++) {
                work[k] = seasons[m - 1 - k];
            }
        }
        double l = level;
        double b = hasTrend ? trend : 0;
        double sse = 0;
        double sumLog = 0;
        int n = y.length;
        for (int t = 0; t < n; t++) {
            double yt = y[t];
            double phib;
            double q;
            if (multTrend) {
                if (b < 0) {
                    return Double.POSITIVE_INFINITY; // R: no forecast with a negative multiplicative growth
                }
                phib = Math.abs(phi - 1) < TOL ? b : Math.pow(b, phi);
                q = l * phib;
            } else {
                phib = hasTrend ? phi * b : 0;
                q = l + phib;
            }
            double s = seasonal ? work[pos] : 0;
            double f = seasonal ? (multSeason ? q * s : q + s) : q;
            double e;
            if (multError) {
                e = (yt - f) / f;
                sumLog += Math.log(Math.abs(f));
            } else {
                e = yt - f;
            }
            if (residuals != null) {
                residuals[t] = e;
            }
            sse += e * e;
            double p;
            if (!seasonal) {
                p = yt;
            } else if (multSeason) {
                p = Math.abs(s) < TOL ? HUGE : yt / s;
            } else {
                p = yt - s;
            }
            double newLevel = q + alpha * (p - q);
            if (multTrend) {
                double ratio = Math.abs(l) < TOL ? HUGE : newLevel / l;
                b = phib + betaStar * (ratio - phib);
            } else if (hasTrend) {
                b = phib + betaStar * (newLevel - l - phib);
            }
            if (seasonal) {
                double target;
                if (multSeason) {
                    target = Math.abs(q) < TOL ? HUGE : yt / q;
                } else {
                    target = yt - q;
                }
                work[pos] = s + gamma * (target - s);
                pos = pos + 1 == m ? 0 : pos + 1;
            }
            l = newLevel;
        }
        if (finalState != null) {
            finalState[0] = l;
            int k = 1;
            if (hasTrend) {
                finalState[k++] = b;
            }
            if (seasonal) {
                for (int j = 1; j <= m; j++) {
                    finalState[k++] = work[Math.floorMod(pos - j, m)];
                }
            }
        }
        double lik = n * Math.log(sse) + (multError ? 2 * sumLog : 0);
        if (Double.isNaN(lik) || lik == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(lik, -1e10);
    }
}
