package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;

/**
 * R's likelihood criterion of {@link EtsRecursion#run}, one loop per model form: the same
 * arithmetic in the same order, so the same value to the last bit, at about half the cost.
 *
 * <p>Why written out per form: the likelihood search evaluates this thousands of times per model
 * (R's 2,000-evaluation cap is reached by most seasonal fits of long monthly series), and it is
 * 86 % of {@code auto_ets}'s time. One general loop tests six flags at every step, and the JIT,
 * which compiles it with the branches the first forms took, recompiles it as each new form turns
 * up. A loop per form has no test left but R's guards against division by zero, and its seasonal
 * states are indexed by the position in the season (no wrap-around, no bounds checks). Forms with
 * a multiplicative trend (off by default, as in R) take {@link EtsRecursion#run}.
 */
final class EtsLikelihood {
    private static final double TOL = EtsRecursion.TOL;
    private static final double HUGE = EtsRecursion.HUGE;

    /** The loops; a model's is chosen once per search. */
    enum Form { ANN, AAN, ANA, AAA, MNN, MAN, MNA, MAA, MNM, MAM, GENERAL }

    private EtsLikelihood() {
    }

    /** The loop for {@code model}; {@code GENERAL} for multiplicative trends. */
    static Form formOf(EtsModel model) {
        if (model.trend() == Component.M) {
            return Form.GENERAL;
        }
        boolean trend = model.hasTrend();
        boolean mult = model.error() == Component.M;
        return switch (model.season()) {
            case N -> mult ? (trend ? Form.MAN : Form.MNN) : (trend ? Form.AAN : Form.ANN);
            case A -> mult ? (trend ? Form.MAA : Form.MNA) : (trend ? Form.AAA : Form.ANA);
            case M -> mult ? (trend ? Form.MAM : Form.MNM) : Form.GENERAL;
        };
    }

    /**
     * {@link EtsRecursion#run}'s criterion without residuals or final state.
     *
     * @param form    {@link #formOf} of {@code model}
     * @param seasons the initial seasonal states, most recent first ({@code m} values), unused without a season
     * @param work    scratch of length &gt;= m (overwritten)
     */
    static double of(Form form, double[] y, EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                     double level, double trend, double[] seasons, double[] work) {
        if (form == Form.GENERAL) {
            return EtsRecursion.run(y, model, m, alpha, beta, gamma, phi, level, trend, seasons, work, null, null);
        }
        if (model.hasSeason()) {
            for (int k = 0; k < m; k++) {
                work[k] = seasons[m - 1 - k];
            }
        }
        double betaStar = model.hasTrend() ? beta / alpha : 0;
        return switch (form) {
            case ANN -> ann(y, alpha, level);
            case AAN -> aan(y, alpha, betaStar, phi, level, trend);
            case ANA -> ana(y, m, alpha, gamma, level, work);
            case AAA -> aaa(y, m, alpha, betaStar, gamma, phi, level, trend, work);
            case MNN -> mnn(y, alpha, level);
            case MAN -> man(y, alpha, betaStar, phi, level, trend);
            case MNA -> mna(y, m, alpha, gamma, level, work);
            case MAA -> maa(y, m, alpha, betaStar, gamma, phi, level, trend, work);
            case MNM -> mnm(y, m, alpha, gamma, level, work);
            case MAM -> mam(y, m, alpha, betaStar, gamma, phi, level, trend, work);
            case GENERAL -> throw new IllegalStateException("handled above");
        };
    }

    /** R's criterion from the sum of squared errors (and, for multiplicative errors, of log|f|), as {@link EtsRecursion#run}. */
    private static double criterion(int n, double sse, double sumLog, boolean multError) {
        double lik = n * Math.log(sse) + (multError ? 2 * sumLog : 0);
        if (Double.isNaN(lik) || lik == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(lik, -1e10);
    }

    // Each loop below is EtsRecursion.run with its flags fixed. No trend: run's q = l + 0, which
    // is l. Additive trend: phi is exactly 1 when undamped, and phi * b then b.

    private static double ann(double[] y, double alpha, double l) {
        double sse = 0;
        for (double yt : y) {
            double e = yt - l;
            sse += e * e;
            l = l + alpha * (yt - l);
        }
        return criterion(y.length, sse, 0, false);
    }

    private static double aan(double[] y, double alpha, double betaStar, double phi, double l, double b) {
        double sse = 0;
        for (double yt : y) {
            double phib = phi * b;
            double q = l + phib;
            double e = yt - q;
            sse += e * e;
            double newLevel = q + alpha * (yt - q);
            b = phib + betaStar * (newLevel - l - phib);
            l = newLevel;
        }
        return criterion(y.length, sse, 0, false);
    }

    private static double ana(double[] y, int m, double alpha, double gamma, double l, double[] work) {
        double sse = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double s = work[j];
                double e = yt - (l + s);
                sse += e * e;
                double newLevel = l + alpha * (yt - s - l);
                work[j] = s + gamma * (yt - l - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, 0, false);
    }

    private static double aaa(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b,
                            double[] work) {
        double sse = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib = phi * b;
                double q = l + phib;
                double s = work[j];
                double e = yt - (q + s);
                sse += e * e;
                double newLevel = q + alpha * (yt - s - q);
                b = phib + betaStar * (newLevel - l - phib);
                work[j] = s + gamma * (yt - q - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, 0, false);
    }

    private static double mnn(double[] y, double alpha, double l) {
        double sse = 0;
        double sumLog = 0;
        for (double yt : y) {
            double e = (yt - l) / l;
            sumLog += Math.log(Math.abs(l));
            sse += e * e;
            l = l + alpha * (yt - l);
        }
        return criterion(y.length, sse, sumLog, true);
    }

    private static double man(double[] y, double alpha, double betaStar, double phi, double l, double b) {
        double sse = 0;
        double sumLog = 0;
        for (double yt : y) {
            double phib = phi * b;
            double q = l + phib;
            double e = (yt - q) / q;
            sumLog += Math.log(Math.abs(q));
            sse += e * e;
            double newLevel = q + alpha * (yt - q);
            b = phib + betaStar * (newLevel - l - phib);
            l = newLevel;
        }
        return criterion(y.length, sse, sumLog, true);
    }

    private static double mna(double[] y, int m, double alpha, double gamma, double l, double[] work) {
        double sse = 0;
        double sumLog = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double s = work[j];
                double f = l + s;
                double e = (yt - f) / f;
                sumLog += Math.log(Math.abs(f));
                sse += e * e;
                double newLevel = l + alpha * (yt - s - l);
                work[j] = s + gamma * (yt - l - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, sumLog, true);
    }

    private static double maa(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b,
                            double[] work) {
        double sse = 0;
        double sumLog = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib = phi * b;
                double q = l + phib;
                double s = work[j];
                double f = q + s;
                double e = (yt - f) / f;
                sumLog += Math.log(Math.abs(f));
                sse += e * e;
                double newLevel = q + alpha * (yt - s - q);
                b = phib + betaStar * (newLevel - l - phib);
                work[j] = s + gamma * (yt - q - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, sumLog, true);
    }

    private static double mnm(double[] y, int m, double alpha, double gamma, double l, double[] work) {
        double sse = 0;
        double sumLog = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double s = work[j];
                double f = l * s;
                double e = (yt - f) / f;
                sumLog += Math.log(Math.abs(f));
                sse += e * e;
                double p = Math.abs(s) < TOL ? HUGE : yt / s;
                double newLevel = l + alpha * (p - l);
                double target = Math.abs(l) < TOL ? HUGE : yt / l;
                work[j] = s + gamma * (target - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, sumLog, true);
    }

    private static double mam(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b,
                            double[] work) {
        double sse = 0;
        double sumLog = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib = phi * b;
                double q = l + phib;
                double s = work[j];
                double f = q * s;
                double e = (yt - f) / f;
                sumLog += Math.log(Math.abs(f));
                sse += e * e;
                double p = Math.abs(s) < TOL ? HUGE : yt / s;
                double newLevel = q + alpha * (p - q);
                b = phib + betaStar * (newLevel - l - phib);
                double target = Math.abs(q) < TOL ? HUGE : yt / q;
                work[j] = s + gamma * (target - s);
                l = newLevel;
            }
        }
        return criterion(y.length, sse, sumLog, true);
    }
}
