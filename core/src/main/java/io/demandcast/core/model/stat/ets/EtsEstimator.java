package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.stat.ets.EtsModel.Component;
import org.hipparchus.analysis.MultivariateFunction;

/**
 * Maximum-likelihood estimation of one ETS model, as R's {@code etsmodel()}: the smoothing
 * parameters and the free initial states are searched together with Nash's Nelder-Mead
 * ({@link NashNelderMead}, as R) from {@link EtsInit}'s starting point; points outside the usual or
 * admissible region, or with a negative multiplicative seasonal state, score +Inf.
 */
final class EtsEstimator {
    /** Evaluation cap of the simplex search (R's {@code maxit}). */
    static final int MAX_EVALUATIONS = 2000;
    /** R's {@code sqrt(.Machine$double.eps)}. */
    private static final double RELATIVE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private EtsEstimator() {
    }

    /** Number of estimated parameters (smoothing parameters plus free initial states). */
    static int parameterCount(EtsModel model, int m) {
        int smoothing = 1 + (model.hasTrend() ? 1 : 0) + (model.hasSeason() ? 1 : 0) + (model.damped() ? 1 : 0);
        int states = 1 + (model.hasTrend() ? 1 : 0) + (model.hasSeason() ? m - 1 : 0);
        return smoothing + states;
    }

    /**
     * Fits {@code model} to {@code y}, or returns null when it cannot be (too few observations for
     * its parameters, as R requires {@code parameters < n - 1}, or no admissible start).
     */
    static EtsFit fit(double[] y, EtsModel model, int m) {
        int period = model.hasSeason() ? m : 1;
        int np = parameterCount(model, period);
        if (np >= y.length - 1) {
            return null;
        }
        double[] smoothing = EtsInit.parameters(model, period);
        double[] states = EtsInit.states(y, period, model);
        double[] start = new double[smoothing.length + states.length];
        System.arraycopy(smoothing, 0, start, 0, smoothing.length);
        System.arraycopy(states, 0, start, smoothing.length, states.length);
        Objective objective = new Objective(y, model, period, smoothing.length);
        if (!Double.isFinite(objective.value(start))) {
            return null;
        }
        NashNelderMead.Result best = NashNelderMead.minimise(objective, start, RELATIVE_TOLERANCE, MAX_EVALUATIONS);
        return objective.toFit(best.point(), np);
    }

    /** The search criterion over {@code [alpha, beta?, gamma?, phi?, l, b?, s_0 .. s_(m-2)]}; reuses its buffers. */
    static final class Objective implements MultivariateFunction {
        private final double[] y;
        private final EtsModel model;
        private final EtsLikelihood.Form form;
        private final int m;
        private final int smoothingCount;
        private final double[] seasons;
        private final double[] work;
        private final double[] scratchA;
        private final double[] scratchB;

        Objective(double[] y, EtsModel model, int m, int smoothingCount) {
            this.y = y;
            this.model = model;
            this.form = EtsLikelihood.formOf(model);
            this.m = m;
            this.smoothingCount = smoothingCount;
            this.seasons = new double[m];
            this.work = new double[m];
            this.scratchA = new double[m + 2];
            this.scratchB = new double[m + 2];
        }

        @Override
        public double value(double[] x) {
            int k = 0;
            double alpha = x[k++];
            double beta = model.hasTrend() ? x[k++] : 0;
            double gamma = model.hasSeason() ? x[k++] : 0;
            double phi = model.damped() ? x[k] : 1;
            if (!Admissibility.usual(model, alpha, beta, gamma, phi)
                    || !Admissibility.admissible(model, m, alpha, beta, gamma, phi, scratchA, scratchB)) {
                return Double.POSITIVE_INFINITY;
            }
            int s = smoothingCount;
            double level = x[s++];
            double trend = model.hasTrend() ? x[s++] : 0;
            if (model.hasSeason() && !seasonsFrom(x, s)) {
                return Double.POSITIVE_INFINITY;
            }
            return EtsLikelihood.of(form, y, model, m, alpha, beta, gamma, phi, level, trend, seasons, work);
        }

        /** Fills {@link #seasons} with the free states and the implied last one; false if a multiplicative state is negative. */
        private boolean seasonsFrom(double[] x, int offset) {
            boolean mult = model.season() == Component.M;
            double sum = 0;
            for (int j = 0; j < m - 1; j++) {
                seasons[j] = x[offset + j];
                sum += seasons[j];
            }
            seasons[m - 1] = (mult ? m : 0) - sum;
            if (mult) {
                for (int j = 0; j < m; j++) {
                    if (seasons[j] < 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        EtsFit toFit(double[] x, int np) {
            int k = 0;
            double alpha = x[k++];
            double beta = model.hasTrend() ? x[k++] : 0;
            double gamma = model.hasSeason() ? x[k++] : 0;
            double phi = model.damped() ? x[k] : 1;
            int s = smoothingCount;
            double level = x[s++];
            double trend = model.hasTrend() ? x[s++] : 0;
            if (model.hasSeason()) {
                seasonsFrom(x, s);
            }
            int n = y.length;
            double[] residuals = new double[n];
            double[] last = new double[1 + (model.hasTrend() ? 1 : 0) + (model.hasSeason() ? m : 0)];
            double[] initial = new double[last.length];
            initial[0] = level;
            if (model.hasTrend()) {
                initial[1] = trend;
            }
            if (model.hasSeason()) {
                System.arraycopy(seasons, 0, initial, initial.length - m, m);
            }
            double lik = EtsRecursion.run(y, model, m, alpha, beta, gamma, phi, level, trend, seasons, work, residuals, last);
            double sse = 0;
            for (double e : residuals) {
                sse += e * e;
            }
            double sigma2 = sse / (n - np);
            return new EtsFit(model, m, alpha, beta, gamma, phi, initial, last, sigma2, new EtsFit.Stats(n, np, lik));
        }
    }
}
