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

    /**
     * The loops; a model's is chosen once per search. Each form is its own class so that the call
     * {@code form.lik} stays a virtual call the JIT compiles once per form: inlined into the
     * simplex search, the ten loops made the JIT compile that search for seconds, several times.
     */
    enum Form {
        ANN {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return ann(y, alpha, l);
            }
        },
        AAN {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return aan(y, alpha, betaStar, phi, l, b);
            }
        },
        ANA {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return ana(y, m, alpha, gamma, l, work);
            }
        },
        AAA {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return aaa(y, m, alpha, betaStar, gamma, phi, l, b, work);
            }
        },
        MNN {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return mnn(y, alpha, l);
            }
        },
        MAN {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return man(y, alpha, betaStar, phi, l, b);
            }
        },
        MNA {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return mna(y, m, alpha, gamma, l, work);
            }
        },
        MAA {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return maa(y, m, alpha, betaStar, gamma, phi, l, b, work);
            }
        },
        MNM {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return mnm(y, m, alpha, gamma, l, work);
            }
        },
        MAM {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                return mam(y, m, alpha, betaStar, gamma, phi, l, b, work);
            }
        },
        /** A multiplicative trend: {@link EtsRecursion#run}. */
        GENERAL {
            @Override
            double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work) {
                throw new IllegalStateException("a multiplicative trend takes EtsRecursion.run");
            }
        };

        /** The criterion from the initial state, {@code b} and {@code work} unused where the form has no trend or season. */
        abstract double lik(double[] y, int m, double alpha, double betaStar, double gamma, double phi, double l, double b, double[] work);
    }

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
        return form.lik(y, m, alpha, betaStar, gamma, phi, level, trend, work);
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
