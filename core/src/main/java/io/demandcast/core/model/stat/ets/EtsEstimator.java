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
        return fit(y, model, m, EtsInit.states(y, model.hasSeason() ? m : 1, model));
    }

    /** {@link #fit} from the initial states {@code states} ({@link EtsInit#states} of the model). */
    private static EtsFit fit(double[] y, EtsModel model, int m, double[] states) {
        Objective objective = objective(y, model, m);
        if (objective == null) {
            return null;
        }
        double[] start = objective.start(states);
        if (!Double.isFinite(objective.value(start))) {
            return null;
        }
        NashNelderMead.Result best = NashNelderMead.minimise(objective, start, RELATIVE_TOLERANCE, MAX_EVALUATIONS);
        return objective.toFit(best.point());
    }

    /** The objective of {@code model}, or null when it has too many parameters for {@code y} (R: {@code parameters < n - 1}). */
    private static Objective objective(double[] y, EtsModel model, int m) {
        int period = model.hasSeason() ? m : 1;
        int np = parameterCount(model, period);
        if (np >= y.length - 1) {
            return null;
        }
        return new Objective(y, model, period, EtsInit.parameters(model, period).length, np);
    }

    /** Whether {@link #fitPair} fits these two models together: a damped model and the same model undamped, of a form with a paired loop. */
    static boolean pairable(EtsModel damped, EtsModel undamped) {
        return damped.damped() && !undamped.damped()
                && new EtsModel(damped.error(), damped.trend(), false, damped.season()).equals(undamped)
                && EtsLikelihood.pairable(EtsLikelihood.formOf(undamped));
    }

    /**
     * {@link #fit} of both models ({@link #pairable}), the same two fits to the last bit: the two
     * searches run side by side, and whenever both need the likelihood it is computed for both in
     * one pass over the data ({@link EtsLikelihood#pair}). Their initial states are the same
     * (they do not depend on damping), so they are computed once.
     *
     * @return {@code {damped fit, undamped fit}}, either null where {@link #fit} gives null
     */
    static EtsFit[] fitPair(double[] y, EtsModel damped, EtsModel undamped, int m) {
        double[] states = EtsInit.states(y, damped.hasSeason() ? m : 1, damped);
        Objective o1 = objective(y, damped, m);
        Objective o2 = objective(y, undamped, m);
        double[] start1 = o1 == null ? null : o1.start(states);
        double[] start2 = o2 == null ? null : o2.start(states);
        if (o1 == null || o2 == null || !Double.isFinite(o1.value(start1)) || !Double.isFinite(o2.value(start2))) {
            return new EtsFit[] {fit(y, damped, m, states), fit(y, undamped, m, states)};
        }
        NashNelderMead.Search s1 = new NashNelderMead.Search(start1, RELATIVE_TOLERANCE, MAX_EVALUATIONS);
        NashNelderMead.Search s2 = new NashNelderMead.Search(start2, RELATIVE_TOLERANCE, MAX_EVALUATIONS);
        double[] both = new double[2];
        while (true) {
            // a point outside the region scores +Inf without a pass over the data, so each search
            // is first answered up to its next point inside it: the two then share a pass instead
            // of one running alone while the other is told +Inf (each search's own questions and
            // answers are the same, so are its steps)
            while (!s1.done() && !o1.prepare(s1.point())) {
                s1.tell(Double.POSITIVE_INFINITY);
            }
            while (!s2.done() && !o2.prepare(s2.point())) {
                s2.tell(Double.POSITIVE_INFINITY);
            }
            if (s1.done() || s2.done()) {
                break;
            }
            EtsLikelihood.pair(o1.form, y, o1.m, o1.alpha, o1.betaStar, o1.gamma, o1.phi, o1.level, o1.trend, o1.work,
                    o2.alpha, o2.betaStar, o2.gamma, o2.level, o2.trend, o2.work, both);
            s1.tell(both[0]);
            s2.tell(both[1]);
        }
        // the longer search finishes alone (most of the single-lane passes left on short series)
        NashNelderMead.Search alone = s1.done() ? s2 : s1;
        Objective objective = s1.done() ? o2 : o1;
        while (!alone.done()) {
            alone.tell(objective.value(alone.point()));
        }
        return new EtsFit[] {o1.toFit(s1.result().point()), o2.toFit(s2.result().point())};
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

        private final int parameterCount;
        // the point last prepared (prepare), as the likelihood loops take it
        private double alpha;
        private double beta;
        private double betaStar;
        private double gamma;
        private double phi;
        private double level;
        private double trend;

        Objective(double[] y, EtsModel model, int m, int smoothingCount, int parameterCount) {
            this.y = y;
            this.model = model;
            this.form = EtsLikelihood.formOf(model);
            this.m = m;
            this.smoothingCount = smoothingCount;
            this.parameterCount = parameterCount;
            this.seasons = new double[m];
            this.work = new double[m];
            this.scratchA = new double[m + 2];
            this.scratchB = new double[m + 2];
        }

        /** The search's start: {@link EtsInit#parameters} followed by {@code states}. */
        double[] start(double[] states) {
            double[] smoothing = EtsInit.parameters(model, m);
            double[] start = new double[smoothing.length + states.length];
            System.arraycopy(smoothing, 0, start, 0, smoothing.length);
            System.arraycopy(states, 0, start, smoothing.length, states.length);
            return start;
        }

        @Override
        public double value(double[] x) {
            return prepare(x) ? run() : Double.POSITIVE_INFINITY;
        }

        /** Reads the point {@code x} for {@link #run}; false where the criterion is +Inf (outside the bounds, or a negative multiplicative season). */
        boolean prepare(double[] x) {
            int k = 0;
            alpha = x[k++];
            beta = model.hasTrend() ? x[k++] : 0;
            gamma = model.hasSeason() ? x[k++] : 0;
            phi = model.damped() ? x[k] : 1;
            if (!Admissibility.usual(model, alpha, beta, gamma, phi)
                    || !Admissibility.admissible(model, m, alpha, beta, gamma, phi, scratchA, scratchB)) {
                return false;
            }
            int s = smoothingCount;
            level = x[s++];
            trend = model.hasTrend() ? x[s++] : 0;
            if (model.hasSeason() && !seasonsFrom(x, s)) {
                return false;
            }
            if (form != EtsLikelihood.Form.GENERAL) {
                if (model.hasSeason()) {
                    for (int j = 0; j < m; j++) {
                        work[j] = seasons[m - 1 - j];
                    }
                }
                betaStar = model.hasTrend() ? beta / alpha : 0;
            }
            return true;
        }

        /** The criterion at the point last {@link #prepare}d (true). */
        double run() {
            if (form == EtsLikelihood.Form.GENERAL) {
                return EtsRecursion.run(y, model, m, alpha, beta, gamma, phi, level, trend, seasons, work, null, null);
            }
            return form.lik(y, m, alpha, betaStar, gamma, phi, level, trend, work);
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

        EtsFit toFit(double[] x) {
            int np = parameterCount;
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
