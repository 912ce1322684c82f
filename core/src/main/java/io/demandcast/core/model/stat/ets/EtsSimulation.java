package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Forecasts of models with a multiplicative trend, which have no analytic variance: as R's
 * {@code forecast.ets()} does for them, the point forecast is the deterministic recursion
 * ({@code l b^(phi + .. + phi^h)} with the season) and the quantiles are those of
 * {@link #PATHS} simulated future paths with normal errors of variance sigma2 (R's sample quantile
 * type 8). The generator is seeded with the fixed {@link #SEED}, so a fit forecasts identically
 * every time (R's own intervals differ by simulation noise).
 */
final class EtsSimulation {
    static final int PATHS = 5000;
    static final long SEED = 20_080_101L;

    private EtsSimulation() {
    }

    /** The deterministic forecast for steps 1..h from the final state ({@code [l, b?, s_1..s_m]}). */
    static double[] point(EtsModel model, int m, double phi, double[] state, int h) {
        double l = state[0];
        double b = model.hasTrend() ? state[1] : 0;
        int seasonStart = model.hasTrend() ? 2 : 1;
        double[] out = new double[h];
        double phiStar = phi;
        for (int i = 0; i < h; i++) {
            double f;
            if (model.trend() == Component.N) {
                f = l;
            } else if (model.trend() == Component.A) {
                f = l + phiStar * b;
            } else {
                f = b < 0 ? Double.NaN : l * Math.pow(b, phiStar);
            }
            if (model.hasSeason()) {
                double s = state[seasonStart + Math.floorMod(m - 1 - i, m)];
                f = model.season() == Component.M ? f * s : f + s;
            }
            out[i] = f;
            phiStar += Math.abs(phi - 1) < EtsRecursion.TOL ? 1 : Math.pow(phi, i + 1);
        }
        return out;
    }

    /** Quantiles {@code [level][step]} of simulated paths. */
    static double[][] quantiles(EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                                double[] state, double sigma2, int h, double[] levels) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] paths = new double[h][PATHS];
        double[] one = new double[h];
        double[] season = new double[Math.max(m, 1)];
        for (int path = 0; path < PATHS; path++) {
            path(model, m, alpha, beta, gamma, phi, state, sigma2, random, season, one);
            for (int i = 0; i < h; i++) {
                paths[i][path] = one[i];
            }
        }
        double[][] out = new double[levels.length][h];
        for (int i = 0; i < h; i++) {
            double[] v = paths[i];
            Arrays.sort(v); // NaN (a path whose growth turned negative) sorts last; counted out below
            int finite = 0;
            while (finite < v.length && Double.isFinite(v[finite])) {
                finite++;
            }
            for (int q = 0; q < levels.length; q++) {
                out[q][i] = finite == 0 ? Double.NaN : type8(v, finite, levels[q]);
            }
        }
        return out;
    }

    /**
     * One simulated future path {@code out[0..h)} of the state-space model from the final state
     * ({@code [l, b?, s_1..s_m]}), errors drawn from N(0, sigma2) in order from {@code random}
     * (R's {@code simulate.ets} with {@code future = TRUE}): additive errors {@code y = f + e},
     * multiplicative {@code y = f (1 + e)}, the state updated by the model's own equations. A path
     * whose multiplicative trend turns negative is NaN from there on.
     *
     * @param season scratch space of at least {@code m} values
     */
    static void path(EtsModel model, int m, double alpha, double beta, double gamma, double phi, double[] state, double sigma2,
                     SplittableRandom random, double[] season, double[] out) {
        double sd = Math.sqrt(Math.max(sigma2, 0));
        int seasonStart = model.hasTrend() ? 2 : 1;
        boolean seasonal = model.hasSeason();
        double betaStar = model.hasTrend() ? beta / alpha : 0;
        double l = state[0];
        double b = model.hasTrend() ? state[1] : 0;
        int pos = 0;
        if (seasonal) {
            for (int k = 0; k < m; k++) {
                season[k] = state[seasonStart + m - 1 - k]; // oldest first
            }
        }
        for (int i = 0; i < out.length; i++) {
            double phib;
            double q;
            if (model.trend() == Component.M) {
                phib = b < 0 ? Double.NaN : (Math.abs(phi - 1) < EtsRecursion.TOL ? b : Math.pow(b, phi));
                q = l * phib;
            } else {
                phib = model.hasTrend() ? phi * b : 0;
                q = l + phib;
            }
            double s = seasonal ? season[pos] : 0;
            double f = !seasonal ? q : model.season() == Component.M ? q * s : q + s;
            double e = sd * random.nextGaussian();
            double y = model.error() == Component.M ? f * (1 + e) : f + e;
            out[i] = y;
            double p = !seasonal ? y : model.season() == Component.M
                    ? (Math.abs(s) < EtsRecursion.TOL ? EtsRecursion.HUGE : y / s) : y - s;
            double newLevel = q + alpha * (p - q);
            if (model.trend() == Component.M) {
                double ratio = Math.abs(l) < EtsRecursion.TOL ? EtsRecursion.HUGE : newLevel / l;
                b = phib + betaStar * (ratio - phib);
            } else if (model.hasTrend()) {
                b = phib + betaStar * (newLevel - l - phib);
            }
            if (seasonal) {
                double target = model.season() == Component.M
                        ? (Math.abs(q) < EtsRecursion.TOL ? EtsRecursion.HUGE : y / q) : y - q;
                season[pos] = s + gamma * (target - s);
                pos = pos + 1 == m ? 0 : pos + 1;
            }
            l = newLevel;
        }
    }

    /** Hyndman and Fan's type 8 sample quantile (R's {@code quantile(type = 8)}) of sorted {@code v[0..n)}. */
    static double type8(double[] v, int n, double p) {
        double h = (n + 1.0 / 3) * p + 1.0 / 3; // 1-based position
        int j = (int) Math.floor(h);
        double g = h - j;
        if (j < 1) {
            return v[0];
        }
        if (j >= n) {
            return v[n - 1];
        }
        return v[j - 1] + g * (v[j] - v[j - 1]);
    }
}
