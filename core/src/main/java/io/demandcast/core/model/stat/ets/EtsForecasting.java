package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;

/**
 * Forecast means and variances of a fitted ETS model, as R's {@code forecast.ets()} computes them
 * analytically (Hyndman et al. 2008, ch. 6):
 * <ul>
 *   <li>class 1 (additive error, trend N/A/Ad, season N/A): exact, {@code v_h = sigma2 (1 + sum_{j<h} c_j^2)}
 *       with {@code c_j = w' F^(j-1) g};</li>
 *   <li>class 2 (multiplicative error, trend N/A/Ad, season N/A): R's approximation
 *       {@code v_h = (1 + sigma2) theta_h - mu_h^2};</li>
 *   <li>class 3 (multiplicative error and season): R's moment recursion on the Kronecker form.</li>
 * </ul>
 * Models with a multiplicative trend fall in none of them; see {@link EtsSimulation}.
 *
 * <p>Two details are kept exactly as in R's forecast 8.20 so that our intervals and means match
 * its output: class 1 puts gamma in the third state slot even for models without trend, and class 3
 * uses {@code [[1,1],[0,phi]]} as the level-trend transition of damped models (so its means for
 * M,Ad,M differ slightly from the textbook damped form).
 */
final class EtsForecasting {
    private EtsForecasting() {
    }

    /** Means and variances for steps 1..h. */
    record Moments(double[] mean, double[] variance) {
    }

    static Moments moments(EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                           double[] state, double sigma2, int h) {
        if (model.season() == Component.M) {
            return class3(model, m, alpha, beta, gamma, phi, state, sigma2, h);
        }
        double[][] linear = class1(model, m, alpha, beta, gamma, phi, state, sigma2, h);
        if (model.error() == Component.A) {
            return new Moments(linear[0], linear[1]);
        }
        double[] mu = linear[0];
        double[] c = linear[2];
        double[] theta = new double[h];
        double[] var = new double[h];
        for (int j = 0; j < h; j++) {
            double t = mu[j] * mu[j];
            for (int i = 1; i <= j; i++) {
                t += sigma2 * c[i] * c[i] * theta[j - i];
            }
            theta[j] = t;
            var[j] = (1 + sigma2) * theta[j] - mu[j] * mu[j];
        }
        return new Moments(mu, var);
    }

    /** Returns {means, variances, c} with {@code c[j] = w' F^(j-1) g} for j = 1..h-1 (c[0] unused). */
    private static double[][] class1(EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                                     double[] state, double sigma2, int h) {
        int p = state.length;
        double[] w = new double[p];
        double[][] f = new double[p][p];
        double[] g = new double[p];
        double damp = model.damped() ? phi : 1;
        w[0] = 1;
        f[0][0] = 1;
        g[0] = alpha;
        if (model.hasTrend()) {
            w[1] = damp;
            f[0][1] = damp;
            f[1][1] = damp;
            g[1] = beta;
        }
        if (model.hasSeason()) {
            w[p - 1] = 1;
            f[p - m][p - 1] = 1;
            for (int i = 0; i < m - 1; i++) {
                f[p - m + 1 + i][p - m + i] = 1;
            }
            g[2] = gamma; // R's slot, see the class comment
        }
        double[] mean = new double[h];
        double[] var = new double[h];
        double[] c = new double[h];
        double[] row = w.clone();
        double[] next = new double[p];
        double cum = 0;
        for (int j = 0; j < h; j++) {
            mean[j] = dot(row, state);
            var[j] = sigma2 * (1 + cum);
            if (j + 1 < h) {
                c[j + 1] = dot(row, g);
                cum += c[j + 1] * c[j + 1];
                for (int col = 0; col < p; col++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += row[k] * f[k][col];
                    }
                    next[col] = s;
                }
                double[] tmp = row;
                row = next;
                next = tmp;
            }
        }
        return new double[][] {mean, var, c};
    }

    private static Moments class3(EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                                  double[] state, double sigma2, int h) {
        int p = state.length;
        int q = model.hasTrend() ? 2 : 1;
        double[][] h1 = new double[1][q];
        java.util.Arrays.fill(h1[0], 1);
        double[][] h2 = new double[1][m];
        h2[0][m - 1] = 1;
        double[][] f1;
        double[][] g1;
        if (!model.hasTrend()) {
            f1 = new double[][] {{1}};
            g1 = new double[][] {{alpha}};
        } else {
            f1 = new double[][] {{1, 1}, {0, model.damped() ? phi : 1}};
            g1 = new double[][] {{alpha, alpha}, {beta, beta}};
        }
        double[][] f2 = new double[m][m];
        f2[0][m - 1] = 1;
        for (int i = 1; i < m; i++) {
            f2[i][i - 1] = 1;
        }
        double[][] g2 = new double[m][m];
        g2[0][m - 1] = gamma;
        double[][] mh = new double[q][m];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < m; j++) {
                mh[i][j] = state[i] * state[p - m + j];
            }
        }
        int d = q * m;
        double[][] vh = new double[d][d];
        double[][] h21 = kron(h2, h1);
        double[][] f21 = kron(f2, f1);
        double[][] g21 = kron(g2, g1);
        double[][] k = add(kron(g2, f1), kron(f2, g1));
        double[][] f21t = transpose(f21);
        double[][] g21t = transpose(g21);
        double[][] kt = transpose(k);
        double[][] f2t = transpose(f2);
        double[][] g2t = transpose(g2);
        double[] mean = new double[h];
        double[] var = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = mul(mul(h1, mh), transpose(h2))[0][0];
            double quad = mul(mul(h21, vh), transpose(h21))[0][0];
            var[i] = (1 + sigma2) * quad + sigma2 * mean[i] * mean[i];
            double[][] vec = new double[d][1];
            for (int col = 0; col < m; col++) {
                for (int row = 0; row < q; row++) {
                    vec[col * q + row][0] = mh[row][col];
                }
            }
            double[][] outer = mul(vec, transpose(vec));
            double[][] inner = add(add(mul(mul(f21, vh), g21t), mul(mul(g21, vh), f21t)),
                    add(mul(mul(k, add(vh, outer)), kt), scale(mul(mul(g21, add(scale(vh, 3), scale(outer, 2))), g21t), sigma2)));
            vh = add(mul(mul(f21, vh), f21t), scale(inner, sigma2));
            mh = add(mul(mul(f1, mh), f2t), scale(mul(mul(g1, mh), g2t), sigma2));
        }
        return new Moments(mean, var);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] kron(double[][] a, double[][] b) {
        int ra = a.length;
        int ca = a[0].length;
        int rb = b.length;
        int cb = b[0].length;
        double[][] out = new double[ra * rb][ca * cb];
        for (int i = 0; i < ra; i++) {
            for (int j = 0; j < ca; j++) {
                if (a[i][j] == 0) {
                    continue;
                }
                for (int k = 0; k < rb; k++) {
                    for (int l = 0; l < cb; l++) {
                        out[i * rb + k][j * cb + l] = a[i][j] * b[k][l];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int cols = b[0].length;
        double[][] out = new double[n][cols];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                double v = a[i][k];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < cols; j++) {
                    out[i][j] += v * b[k][j];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] * s;
            }
        }
        return out;
    }
}
