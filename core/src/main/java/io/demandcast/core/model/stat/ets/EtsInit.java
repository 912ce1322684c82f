package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Starting values for the likelihood search, following the heuristics R's {@code ets()} uses
 * (Hyndman et al. 2002, 2008 §2.6.1):
 * <ul>
 *   <li>seasonal states from a classical decomposition (centred 2xm moving average, per-period
 *       means of the detrended series, normalised) when there are at least three seasons, else
 *       from the residuals of a regression on a linear trend and one Fourier pair;</li>
 *   <li>level (and slope) from the first {@code max(10, 2m)} seasonally adjusted values: their
 *       mean, or the intercept and slope of a least-squares line;</li>
 *   <li>smoothing parameters placed near the lower end of the usual bounds, phi near its upper end.</li>
 * </ul>
 */
final class EtsInit {
    private EtsInit() {
    }

    /**
     * Initial states as the optimiser sees them: {@code [l, b?, s_0 .. s_(m-2)]}, seasonal states
     * most recent first; the last seasonal state is implied (states sum to 0, or to m when multiplicative).
     */
    static double[] states(double[] y, int m, EtsModel model) {
        int n = y.length;
        double[] adjusted = y;
        double[] initSeason = null;
        int period = 1;
        if (model.hasSeason()) {
            period = m;
            boolean mult = model.season() == Component.M;
            double[] seasonal = n < 3 * m ? fourierSeasonal(y, m, mult) : decompose(y, m, mult);
            initSeason = new double[m - 1];
            for (int j = 0; j < m - 1; j++) {
                initSeason[j] = seasonal[m - 1 - j];
            }
            adjusted = new double[n];
            if (mult) {
                double sum = 0;
                for (int j = 0; j < m - 1; j++) {
                    initSeason[j] = Math.max(initSeason[j], 0.01);
                    sum += initSeason[j];
                }
                if (sum > m) {
                    double denom = sum + 0.01 * (m - 1);
                    for (int j = 0; j < m - 1; j++) {
                        initSeason[j] /= denom;
                    }
                }
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] / Math.max(seasonal[t], 0.01);
                }
            } else {
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] - seasonal[t];
                }
            }
        }
        int maxn = Math.min(Math.max(10, 2 * period), n);
        double l0;
        double b0 = 0;
        if (!model.hasTrend()) {
            double s = 0;
            for (int t = 0; t < maxn; t++) {
                s += adjusted[t];
            }
            l0 = s / maxn;
        } else {
            // least-squares line through (1, a_1) .. (maxn, a_maxn)
            double mx = (maxn + 1) / 2.0;
            double my = 0;
            for (int t = 0; t < maxn; t++) {
                my += adjusted[t];
            }
            my /= maxn;
            double sxy = 0;
            double sxx = 0;
            for (int t = 0; t < maxn; t++) {
                double dx = t + 1 - mx;
                sxy += dx * (adjusted[t] - my);
                sxx += dx * dx;
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            double intercept = my - slope * mx;
            if (model.trend() == Component.A) {
                l0 = intercept;
                b0 = slope;
                if (Math.abs(l0 + b0) < 1e-8) {
                    l0 *= 1 + 1e-3;
                    b0 *= 1 - 1e-3;
                }
            } else {
                // multiplicative growth: the line's values at t = 1 and t = 2 give level and ratio
                l0 = intercept + slope;
                if (Math.abs(l0) < 1e-8) {
                    l0 = 1e-7;
                }
                b0 = (intercept + 2 * slope) / l0;
                l0 = l0 / b0;
                if (Math.abs(b0) > 1e10) {
                    b0 = Math.signum(b0) * 1e10;
                }
                if (l0 < 1e-8 || b0 < 1e-8) {
                    l0 = Math.max(adjusted[0], 1e-3);
                    b0 = Math.max(adjusted[Math.min(1, n - 1)] / adjusted[0], 1e-3);
                }
            }
        }
        int size = 1 + (model.hasTrend() ? 1 : 0) + (initSeason == null ? 0 : m - 1);
        double[] out = new double[size];
        out[0] = l0;
        int k = 1;
        if (model.hasTrend()) {
            out[k++] = b0;
        }
        if (initSeason != null) {
            System.arraycopy(initSeason, 0, out, k, m - 1);
        }
        return out;
    }

    /** Classical decomposition's seasonal component (R's {@code decompose}), one value per observation. */
    static double[] decompose(double[] y, int m, boolean mult) {
        int n = y.length;
        double[] filter = new double[m % 2 == 0 ? m + 1 : m];
        if (m % 2 == 0) {
            filter[0] = filter[m] = 0.5 / m;
            for (int i = 1; i < m; i++) {
                filter[i] = 1.0 / m;
            }
        } else {
            java.util.Arrays.fill(filter, 1.0 / m);
        }
        int half = filter.length / 2;
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend = 0;
            for (int j = 0; j < filter.length; j++) {
                trend += filter[j] * y[t - half + j];
            }
            double detrended = mult ? y[t] / trend : y[t] - trend;
            if (!Double.isNaN(detrended)) {
                sum[t % m] += detrended;
                count[t % m]++;
            }
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            figure[i] = sum[i] / count[i];
            mean += figure[i] / m;
        }
        for (int i = 0; i < m; i++) {
            figure[i] = mult ? figure[i] / mean : figure[i] - mean;
        }
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = figure[t % m];
        }
        return seasonal;
    }

    /**
     * With fewer than three seasons R regresses y on a linear trend and the first Fourier pair and
     * takes y minus (or over) the fitted straight line as the seasonal component.
     */
    static double[] fourierSeasonal(double[] y, int m, boolean mult) {
        int n = y.length;
        boolean withSine = m != 2; // sin(pi t) vanishes for m = 2 (R drops that column)
        int cols = withSine ? 4 : 3;
        double[][] x = new double[n][cols];
        for (int t = 0; t < n; t++) {
            double angle = 2 * Math.PI * (t + 1) / m;
            x[t][0] = 1;
            x[t][1] = t + 1;
            int c = 2;
            if (withSine) {
                x[t][c++] = Math.sin(angle);
            }
            x[t][c] = Math.cos(angle);
        }
        RealVector coef = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                .solve(new ArrayRealVector(y, false));
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            double line = coef.getEntry(0) + coef.getEntry(1) * (t + 1);
            seasonal[t] = mult ? y[t] / line : y[t] - line;
        }
        return seasonal;
    }

    /**
     * Starting smoothing parameters, laid out {@code [alpha, beta?, gamma?, phi?]} (R's {@code initparam}
     * with the usual bounds).
     */
    static double[] parameters(EtsModel model, int m) {
        double lo = Admissibility.ALPHA_LOW;
        double hi = Admissibility.ALPHA_HIGH;
        int period = model.hasSeason() ? m : 1;
        double alpha = lo + 0.2 * (hi - lo) / period;
        int size = 1 + (model.hasTrend() ? 1 : 0) + (model.hasSeason() ? 1 : 0) + (model.damped() ? 1 : 0);
        double[] p = new double[size];
        int k = 0;
        p[k++] = alpha;
        if (model.hasTrend()) {
            double upper = Math.min(hi, alpha);
            double beta = lo + 0.1 * (upper - lo);
            if (beta < 0 || beta > alpha) {
                beta = alpha - 1e-3;
            }
            p[k++] = beta;
        }
        if (model.hasSeason()) {
            double upper = Math.min(hi, 1 - alpha);
            double gamma = lo + 0.05 * (upper - lo);
            if (gamma < 0 || gamma > 1 - alpha) {
                gamma = 1 - alpha - 1e-3;
            }
            p[k++] = gamma;
        }
        if (model.damped()) {
            p[k] = Admissibility.PHI_LOW + 0.99 * (Admissibility.PHI_HIGH - Admissibility.PHI_LOW);
        }
        return p;
    }
}
