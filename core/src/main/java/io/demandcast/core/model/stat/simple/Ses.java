package io.demandcast.core.model.stat.simple;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Simple exponential smoothing, {@code l(t) = alpha * y(t) + (1 - alpha) * l(t-1)}, the one-step
 * forecast of {@code y(t)} being {@code l(t-1)}. Shared by the theta and intermittent-demand methods.
 *
 * <p>Two initialisations, as R's forecast package has them:
 * <ul>
 *   <li>{@link #optimal}: alpha and the initial level {@code l0} both chosen to minimise the in-sample
 *       mean squared one-step error, as {@code ses(initial = "optimal")} (= {@code ets(y, "ANN",
 *       opt.crit = "mse")}) does. For a given alpha the errors are linear in {@code l0}, so {@code l0}
 *       is solved exactly by least squares and only alpha is searched: a grid over
 *       [{@value #ETS_ALPHA_LOWER}, {@value #ETS_ALPHA_UPPER}] (ets's bounds), then Brent's method
 *       around the best grid point. ets instead runs Nelder–Mead on both, so the two can stop at
 *       slightly different optima.</li>
 *   <li>{@link #simpleLevel}/{@link #optimizeSimple}: {@code l0 = y(0)}, as
 *       {@code ses(initial = "simple")} and the intermittent methods (Croston, TSB, ADIDA) use.</li>
 * </ul>
 * All methods leave their inputs unchanged.
 */
public final class Ses {
    /** ets's default lower bound for alpha. */
    public static final double ETS_ALPHA_LOWER = 1e-4;
    /** ets's default upper bound for alpha. */
    public static final double ETS_ALPHA_UPPER = 0.9999;
    private static final int GRID = 40;

    private Ses() {
    }

    /**
     * An optimised SES fit.
     *
     * @param alpha     smoothing weight
     * @param l0        initial level
     * @param level     level after the last observation (the flat forecast)
     * @param sse       sum of squared one-step errors over all n observations
     * @param n         number of observations
     */
    public record Fit(double alpha, double l0, double level, double sse, int n) {
        /**
         * Residual variance as ets reports it, {@code sse / (n - 2)} (two estimated parameters:
         * alpha and l0); {@code sse / n} when n &lt;= 2 (0 for an empty series).
         */
        public double sigma2() {
            if (n > 2) {
                return sse / (n - 2);
            }
            return n == 0 ? 0 : sse / n;
        }
    }

    /**
     * SES with alpha and {@code l0} chosen by least squares ({@code ses(initial = "optimal")}).
     * An empty series gives level 0; a single value is its own level.
     */
    public static Fit optimal(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new Fit(ETS_ALPHA_LOWER, 0, 0, 0, 0);
        }
        if (n == 1) {
            return new Fit(ETS_ALPHA_LOWER, y[0], y[0], 0, 1);
        }
        double lo = ETS_ALPHA_LOWER;
        double hi = ETS_ALPHA_UPPER;
        double step = (hi - lo) / GRID;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double v = profileSse(y, lo + i * step);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(GRID, best + 1) * step;
        double alpha = lo + best * step;
        UnivariatePointValuePair p = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(x -> profileSse(y, x)), new SearchInterval(a, b, alpha));
        if (p.getValue() < bestValue) {
            alpha = p.getPoint();
        }
        double l0 = bestL0(y, alpha);
        double[] r = run(y, alpha, l0);
        return new Fit(alpha, l0, r[0], r[1], n);
    }

    /** Sum of squared one-step errors with the least-squares {@code l0} for this alpha. */
    static double profileSse(double[] y, double alpha) {
        return run(y, alpha, bestL0(y, alpha))[1];
    }

    /**
     * The {@code l0} minimising the squared one-step errors for a fixed alpha: the forecast of
     * {@code y(t)} is {@code (1-alpha)^t * l0 + b(t)} with {@code b(t)} the forecast started from 0.
     */
    static double bestL0(double[] y, double alpha) {
        double keep = 1 - alpha;
        double b = 0;
        double a = 1;
        double num = 0;
        double den = 0;
        for (double v : y) {
            num += a * (v - b);
            den += a * a;
            b = alpha * v + keep * b;
            a *= keep;
        }
        return num / den;
    }

    /** The level after the last value of SES with this alpha started at {@code l0} ({@code l0} for an empty series). */
    public static double level(double[] y, double alpha, double l0) {
        return run(y, alpha, l0)[0];
    }

    /** {final level, sse} of SES from {@code l0}. */
    static double[] run(double[] y, double alpha, double l0) {
        double level = l0;
        double sse = 0;
        for (double v : y) {
            double e = v - level;
            sse += e * e;
            level += alpha * e;
        }
        return new double[] {level, sse};
    }

    /**
     * Level after the last value of SES started at {@code l0 = x(0)} ({@code ses(initial = "simple")});
     * 0 for an empty series.
     */
    public static double simpleLevel(double[] x, double alpha) {
        if (x.length == 0) {
            return 0;
        }
        double level = x[0];
        for (int i = 1; i < x.length; i++) {
            level += alpha * (x[i] - level);
        }
        return level;
    }

    /** Squared one-step errors of SES started at {@code l0 = x(0)}, over x(1..n-1). */
    public static double simpleSse(double[] x, double alpha) {
        if (x.length < 2) {
            return 0;
        }
        double level = x[0];
        double sse = 0;
        for (int i = 1; i < x.length; i++) {
            double e = x[i] - level;
            sse += e * e;
            level += alpha * e;
        }
        return sse;
    }

    /**
     * The alpha in [lower, upper] minimising {@link #simpleSse} (Brent's method), as statsforecast's
     * optimised SES for Croston/ADIDA/IMAPA does with bounds [0.1, 0.3]. Fewer than 3 values leave
     * nothing to fit: the lower bound is returned.
     */
    public static double optimizeSimple(double[] x, double lower, double upper) {
        if (x.length < 3) {
            return lower;
        }
        UnivariatePointValuePair p = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(a -> simpleSse(x, a)), new SearchInterval(lower, upper, (lower + upper) / 2));
        return p.getPoint();
    }
}
