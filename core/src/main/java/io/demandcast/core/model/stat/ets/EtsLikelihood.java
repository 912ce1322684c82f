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

    /** Whether {@link #pair} has a loop for the damped and undamped models of {@code form}. */
    static boolean pairable(Form form) {
        return form == Form.AAN || form == Form.AAA || form == Form.MAN || form == Form.MAA || form == Form.MAM;
    }

    /**
     * The criteria of a damped model (lane 1) and its undamped twin (lane 2), same form, in one pass
     * over {@code y}: {@code out[0]}, {@code out[1]}, each the same value to the last bit as
     * {@link Form#lik} of its lane. Why: each loop is one long chain of dependent operations (the
     * level and slope of step t need those of step t - 1), so the processor waits on latencies; two
     * independent chains in one loop fill those waits. Lane 2 skips {@code phi * b}, which is
     * {@code b} exactly when phi is 1.
     *
     * @param w1 lane 1's seasonal states, as {@link Form#lik}'s {@code work} (overwritten); unused without a season
     * @param w2 lane 2's
     */
    static void pair(Form form, double[] y, int m, double a1, double bs1, double g1, double phi1, double l1, double b1,
                     double[] w1, double a2, double bs2, double g2, double l2, double b2, double[] w2, double[] out) {
        switch (form) {
            case AAN -> aanPair(y, a1, bs1, phi1, l1, b1, a2, bs2, l2, b2, out);
            case MAN -> manPair(y, a1, bs1, phi1, l1, b1, a2, bs2, l2, b2, out);
            case AAA -> aaaPair(y, m, a1, bs1, g1, phi1, l1, b1, w1, a2, bs2, g2, l2, b2, w2, out);
            case MAA -> maaPair(y, m, a1, bs1, g1, phi1, l1, b1, w1, a2, bs2, g2, l2, b2, w2, out);
            case MAM -> mamPair(y, m, a1, bs1, g1, phi1, l1, b1, w1, a2, bs2, g2, l2, b2, w2, out);
            default -> throw new IllegalArgumentException("no paired loop for " + form);
        }
    }

    // The paired loops: each lane is its single loop below, statement for statement.

    private static void aanPair(double[] y, double a1, double bs1, double phi1, double l1, double b1,
                                double a2, double bs2, double l2, double b2, double[] out) {
        double sse1 = 0;
        double sse2 = 0;
        for (double yt : y) {
            double phib1 = phi1 * b1;
            double q1 = l1 + phib1;
            double e1 = yt - q1;
            sse1 += e1 * e1;
            double newLevel1 = q1 + a1 * (yt - q1);
            b1 = phib1 + bs1 * (newLevel1 - l1 - phib1);
            l1 = newLevel1;

            double q2 = l2 + b2;
            double e2 = yt - q2;
            sse2 += e2 * e2;
            double newLevel2 = q2 + a2 * (yt - q2);
            b2 = b2 + bs2 * (newLevel2 - l2 - b2);
            l2 = newLevel2;
        }
        out[0] = criterion(y.length, sse1, 0, false);
        out[1] = criterion(y.length, sse2, 0, false);
    }

    private static void manPair(double[] y, double a1, double bs1, double phi1, double l1, double b1,
                                double a2, double bs2, double l2, double b2, double[] out) {
        double sse1 = 0;
        double sumLog1 = 0;
        double sse2 = 0;
        double sumLog2 = 0;
        for (double yt : y) {
            double phib1 = phi1 * b1;
            double q1 = l1 + phib1;
            double e1 = (yt - q1) / q1;
            sumLog1 += Math.log(Math.abs(q1));
            sse1 += e1 * e1;
            double newLevel1 = q1 + a1 * (yt - q1);
            b1 = phib1 + bs1 * (newLevel1 - l1 - phib1);
            l1 = newLevel1;

            double q2 = l2 + b2;
            double e2 = (yt - q2) / q2;
            sumLog2 += Math.log(Math.abs(q2));
            sse2 += e2 * e2;
            double newLevel2 = q2 + a2 * (yt - q2);
            b2 = b2 + bs2 * (newLevel2 - l2 - b2);
            l2 = newLevel2;
        }
        out[0] = criterion(y.length, sse1, sumLog1, true);
        out[1] = criterion(y.length, sse2, sumLog2, true);
    }

    private static void aaaPair(double[] y, int m, double a1, double bs1, double g1, double phi1, double l1, double b1,
                                double[] w1, double a2, double bs2, double g2, double l2, double b2, double[] w2, double[] out) {
        double sse1 = 0;
        double sse2 = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib1 = phi1 * b1;
                double q1 = l1 + phib1;
                double s1 = w1[j];
                double e1 = yt - (q1 + s1);
                sse1 += e1 * e1;
                double newLevel1 = q1 + a1 * (yt - s1 - q1);
                b1 = phib1 + bs1 * (newLevel1 - l1 - phib1);
                w1[j] = s1 + g1 * (yt - q1 - s1);
                l1 = newLevel1;

                double q2 = l2 + b2;
                double s2 = w2[j];
                double e2 = yt - (q2 + s2);
                sse2 += e2 * e2;
                double newLevel2 = q2 + a2 * (yt - s2 - q2);
                b2 = b2 + bs2 * (newLevel2 - l2 - b2);
                w2[j] = s2 + g2 * (yt - q2 - s2);
                l2 = newLevel2;
            }
        }
        out[0] = criterion(n, sse1, 0, false);
        out[1] = criterion(n, sse2, 0, false);
    }

    private static void maaPair(double[] y, int m, double a1, double bs1, double g1, double phi1, double l1, double b1,
                                double[] w1, double a2, double bs2, double g2, double l2, double b2, double[] w2, double[] out) {
        double sse1 = 0;
        double sumLog1 = 0;
        double sse2 = 0;
        double sumLog2 = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib1 = phi1 * b1;
                double q1 = l1 + phib1;
                double s1 = w1[j];
                double f1 = q1 + s1;
                double e1 = (yt - f1) / f1;
                sumLog1 += Math.log(Math.abs(f1));
                sse1 += e1 * e1;
                double newLevel1 = q1 + a1 * (yt - s1 - q1);
                b1 = phib1 + bs1 * (newLevel1 - l1 - phib1);
                w1[j] = s1 + g1 * (yt - q1 - s1);
                l1 = newLevel1;

                double q2 = l2 + b2;
                double s2 = w2[j];
                double f2 = q2 + s2;
                double e2 = (yt - f2) / f2;
                sumLog2 += Math.log(Math.abs(f2));
                sse2 += e2 * e2;
                double newLevel2 = q2 + a2 * (yt - s2 - q2);
                b2 = b2 + bs2 * (newLevel2 - l2 - b2);
                w2[j] = s2 + g2 * (yt - q2 - s2);
                l2 = newLevel2;
            }
        }
        out[0] = criterion(n, sse1, sumLog1, true);
        out[1] = criterion(n, sse2, sumLog2, true);
    }

    private static void mamPair(double[] y, int m, double a1, double bs1, double g1, double phi1, double l1, double b1,
                                double[] w1, double a2, double bs2, double g2, double l2, double b2, double[] w2, double[] out) {
        double sse1 = 0;
        double sumLog1 = 0;
        double sse2 = 0;
        double sumLog2 = 0;
        int n = y.length;
        for (int start = 0; start < n; start += m) {
            int len = Math.min(m, n - start);
            for (int j = 0; j < len; j++) {
                double yt = y[start + j];
                double phib1 = phi1 * b1;
                double q1 = l1 + phib1;
                double s1 = w1[j];
                double f1 = q1 * s1;
                double e1 = (yt - f1) / f1;
                sumLog1 += Math.log(Math.abs(f1));
                sse1 += e1 * e1;
                double p1 = Math.abs(s1) < TOL ? HUGE : yt / s1;
                double newLevel1 = q1 + a1 * (p1 - q1);
                b1 = phib1 + bs1 * (newLevel1 - l1 - phib1);
                double target1 = Math.abs(q1) < TOL ? HUGE : yt / q1;
                w1[j] = s1 + g1 * (target1 - s1);
                l1 = newLevel1;

                double q2 = l2 + b2;
                double s2 = w2[j];
                double f2 = q2 * s2;
                double e2 = (yt - f2) / f2;
                sumLog2 += Math.log(Math.abs(f2));
                sse2 += e2 * e2;
                double p2 = Math.abs(s2) < TOL ? HUGE : yt / s2;
                double newLevel2 = q2 + a2 * (p2 - q2);
                b2 = b2 + bs2 * (newLevel2 - l2 - b2);
                double target2 = Math.abs(q2) < TOL ? HUGE : yt / q2;
                w2[j] = s2 + g2 * (target2 - s2);
                l2 = newLevel2;
            }
        }
        out[0] = criterion(n, sse1, sumLog1, true);
        out[1] = criterion(n, sse2, sumLog2, true);
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
