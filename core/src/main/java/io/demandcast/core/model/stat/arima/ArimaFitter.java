package io.demandcast.core.model.stat.arima;

import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.ValueAndJacobianFunction;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.util.Pair;

/**
 * Estimates one ARIMA model the way R's {@code stats::arima} does: the constant (mean or drift) is a
 * regression coefficient estimated jointly; "CSS-ML" fits conditional sum of squares for starting
 * values (untransformed; a non-stationary AR start fails the fit, as in R), then maximises the exact
 * likelihood over AR coefficients reparameterised to stay stationary, and finally reflects MA roots
 * into invertibility. "CSS" stops after the first stage. Optimisation uses Hipparchus' BOBYQA
 * (Nelder-Mead for a single parameter) on coordinates scaled by R's {@code parscale}.
 *
 * <p>Coefficient layout, as R's: {@code ar(p), ma(q), sar(P), sma(Q), [intercept|drift]}.
 */
final class ArimaFitter {
    /** Value returned for parameters with no finite likelihood. */
    private static final double BAD = 1e10;

    private final ArimaOrder order;
    private final double[] y;
    private final int n;
    private final int nUsed;
    private final double[] dy;
    /** Differenced regressor (constant): 1 for a mean or a drift after one difference, m after one seasonal difference. */
    private final double xc;
    private final boolean hasX;
    private final int nCoef;
    private final int arDeg;
    private final int maDeg;
    private final ArmaLikelihood lik;
    private final double[] parscale;
    // work arrays
    private final double[] coefWork;
    private final double[] trWork;
    private final double[] phi;
    private final double[] theta;
    private final double[] w;

    private ArimaFitter(double[] y, ArimaOrder order) {
        this.order = order;
        this.y = y;
        this.n = y.length;
        this.dy = difference(y, order);
        this.nUsed = dy.length;
        this.hasX = order.constant();
        this.xc = ArimaState.differencedConstant(order);
        this.nCoef = order.coefficientCount();
        this.arDeg = order.arDegree();
        this.maDeg = order.maDegree();
        this.lik = new ArmaLikelihood(arDeg, maDeg, nUsed);
        this.parscale = new double[nCoef];
        Arrays.fill(parscale, 1);
        this.coefWork = new double[nCoef];
        this.trWork = new double[Math.max(1, Math.max(order.p(), order.seasonalP()))];
        this.phi = new double[Math.max(1, arDeg)];
        this.theta = new double[Math.max(1, maDeg)];
        this.w = new double[Math.max(1, nUsed)];
    }

    /** {@code (1-B)^d (1-B^m)^D y}. */
    static double[] difference(double[] y, ArimaOrder order) {
        double[] x = y.clone();
        for (int i = 0; i < order.seasonalD(); i++) {
            x = lagDiff(x, order.period());
        }
        for (int i = 0; i < order.d(); i++) {
            x = lagDiff(x, 1);
        }
        return x;
    }

    private static double[] lagDiff(double[] x, int lag) {
        if (x.length <= lag) {
            return new double[0];
        }
        double[] out = new double[x.length - lag];
        for (int t = 0; t < out.length; t++) {
            out[t] = x[t + lag] - x[t];
        }
        return out;
    }

    /**
     * Fits the model; null when R's {@code arima} would fail (too few observations, non-stationary
     * CSS start, no finite likelihood).
     */
    static Fit fit(double[] y, ArimaOrder order, EstimationMethod method) {
        ArimaFitter f = new ArimaFitter(y, order);
        if (f.nUsed <= 0) {
            return null;
        }
        return switch (method) {
            case CSS -> f.fitCss();
            case CSS_ML -> f.fitCssMl();
            case ML -> f.fitMl(f.initialCoefficients());
        };
    }

    /**
     * CSS-ML started from a CSS fit of the same order: what R's {@code arima(method = "CSS-ML")} computes,
     * whose CSS stage is the very optimisation of {@code method = "CSS"}; auto.arima's refit of the
     * approximated models. Null as {@link #fit} (a non-stationary AR start fails, as in R).
     */
    static Fit fitExactFrom(double[] y, Fit css) {
        ArimaFitter f = new ArimaFitter(y, css.order());
        if (f.nUsed <= 0) {
            return null;
        }
        f.initialCoefficients(); // sets the constant's parscale
        return f.fitMl(css.coef.clone());
    }

    /**
     * The model with the given coefficients, nothing estimated (R's {@code Arima(fixed = ...)}); its
     * variance is the mean squared standardised prediction error. Null when the series is too short
     * for the differencing or the coefficients give no finite likelihood.
     */
    static ArimaModel fixed(double[] y, ArimaOrder order, double[] coef) {
        ArimaFitter f = new ArimaFitter(y, order);
        if (f.nUsed <= 0 || coef.length != f.nCoef) {
            return null;
        }
        f.expand(coef);
        f.demean(coef);
        double[] resid = new double[f.nUsed];
        if (!f.lik.exact(f.w, f.nUsed, f.phi, f.arDeg, f.theta, f.maDeg, resid)) {
            return null;
        }
        double rss = 0;
        for (double e : resid) {
            rss += e * e;
        }
        double sigma2 = rss / f.nUsed;
        double value = f.lik.used == 0 || !(sigma2 > 0) ? Double.NaN : 0.5 * (Math.log(f.lik.ssq / f.lik.used) + f.lik.sumLog / f.lik.used);
        double loglik = -0.5 * (2 * f.nUsed * value + f.nUsed + f.nUsed * Math.log(2 * Math.PI));
        Fit fit = new Fit(f, EstimationMethod.CSS_ML, coef.clone(), coef.clone(), value, sigma2, loglik, rss, resid);
        return fit.toModel(sigma2);
    }

    private double[] initialCoefficients() {
        double[] init = new double[nCoef];
        if (hasX) {
            double mean = 0;
            for (double v : dy) {
                mean += v;
            }
            mean /= nUsed;
            double ss = 0;
            for (double v : dy) {
                ss += (v - mean) * (v - mean);
            }
            double se = nUsed > 1 ? Math.sqrt(ss / (nUsed - 1) / nUsed) / xc : 0;
            init[nCoef - 1] = mean / xc;
            double scale = 10 * se;
            if (!(scale > 0) || !Double.isFinite(scale)) {
                scale = Math.max(1e-3, Math.abs(mean / xc) * 1e-3);
            }
            parscale[nCoef - 1] = scale;
        }
        return init;
    }

    private Fit fitCss() {
        double[] init = initialCoefficients();
        if (nUsed - arDeg <= 0) {
            return null;
        }
        // here the CSS value ranks the models, so the minimum must be the one R's BFGS reaches: a
        // gradient descent from zero. Levenberg-Marquardt follows the gradient as BFGS does; a
        // derivative-free search can settle in another basin (M4 weekly W248, ARIMA(0,2,1): Nelder-Mead
        // stopped at theta 0.50, R at -1, a unit root that rejects the model; our pick of it forecast
        // -5,153 where R's ARIMA(5,2,0) forecast 17,606). It is also ~5x cheaper than BOBYQA run to a 1e-6 radius.
        Opt css = leastSquares(this::cssResiduals, this::cssObjective, init);
        if (!Double.isFinite(css.value) || css.value >= BAD) {
            return null;
        }
        double[] coef = css.par;
        double sigma2 = Math.exp(2 * css.value);
        expand(coef);
        demean(coef);
        double s2 = lik.css(w, nUsed, phi, arDeg, theta, maDeg);
        double[] resid = new double[nUsed];
        lik.cssResiduals(nUsed, resid);
        // residual sum of squares over the CSS residuals (zero before the conditioning lags)
        double rss = s2 * (nUsed - arDeg);
        return new Fit(this, EstimationMethod.CSS, coef, coef.clone(), css.value, sigma2, Double.NaN, rss, resid);
    }

    private Fit fitCssMl() {
        double[] init = initialCoefficients();
        if (nUsed - arDeg > 0 && nCoef > 0) {
            Opt css = cssOptimum(init);
            if (Double.isFinite(css.value) && css.value < BAD) {
                init = css.par;
            }
        }
        return fitMl(init);
    }

    /** Exact maximum likelihood from the given starting coefficients; null when R's arima would fail. */
    private Fit fitMl(double[] init) {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        int sq = order.seasonalQ();
        if (p > 0 && !Polynomials.isStationary(Arrays.copyOfRange(init, 0, p))) {
            return null;
        }
        if (sp > 0 && !Polynomials.isStationary(Arrays.copyOfRange(init, p + q, p + q + sp))) {
            return null;
        }
        // to the optimiser's space: AR blocks unconstrained, MA blocks invertible
        double[] start = init.clone();
        if (p > 0) {
            Polynomials.fromStationary(init, 0, p, start);
        }
        if (sp > 0) {
            Polynomials.fromStationary(init, p + q, sp, start);
        }
        if (q > 0) {
            System.arraycopy(Polynomials.invertMa(Arrays.copyOfRange(init, p, p + q)), 0, start, p, q);
        }
        if (sq > 0) {
            System.arraycopy(Polynomials.invertMa(Arrays.copyOfRange(init, p + q + sp, p + q + sp + sq)), 0, start, p + q + sp, sq);
        }
        Opt ml = leastSquares(this::mlResiduals, this::mlObjective, start);
        if (!Double.isFinite(ml.value) || ml.value >= BAD) {
            return null;
        }
        if (order.armaCount() > 0 && onBoundary(ml.par)) {
            // a local search that ends on the unit circle has often missed an interior optimum that R's
            // BFGS, taking longer steps, reaches: search again from zero ARMA coefficients, keep the better
            double[] zero = initialCoefficients();
            Opt again = leastSquares(this::mlResiduals, this::mlObjective, zero);
            if (again.value < ml.value) {
                ml = again;
            }
        }
        double[] par = ml.par;
        double value = ml.value;
        boolean changed = false;
        if (q > 0) {
            double[] inv = Polynomials.invertMa(Arrays.copyOfRange(par, p, p + q));
            for (int i = 0; i < q; i++) {
                changed |= inv[i] != par[p + i];
                par[p + i] = inv[i];
            }
        }
        if (sq > 0) {
            double[] inv = Polynomials.invertMa(Arrays.copyOfRange(par, p + q + sp, p + q + sp + sq));
            for (int i = 0; i < sq; i++) {
                changed |= inv[i] != par[p + q + sp + i];
                par[p + q + sp + i] = inv[i];
            }
        }
        if (changed) {
            value = mlObjective(par);
            if (!Double.isFinite(value) || value >= BAD) {
                return null;
            }
        }
        double[] coef = toCoefficients(par).clone();
        expand(coef);
        demean(coef);
        double[] resid = new double[nUsed];
        if (!lik.exact(w, nUsed, phi, arDeg, theta, maDeg, resid)) {
            return null;
        }
        double sigma2 = lik.ssq / nUsed;
        double loglik = -0.5 * (2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI));
        double rss = 0;
        for (double e : resid) {
            rss += e * e;
        }
        return new Fit(this, EstimationMethod.CSS_ML, coef, par, value, sigma2, loglik, rss, resid);
    }

    /** True when the AR or MA polynomial of the optimiser's parameters has a root within 1.01 of the unit circle. */
    private boolean onBoundary(double[] par) {
        double[] coef = toCoefficients(par).clone();
        expand(coef);
        boolean ar = arDeg == 0 || Polynomials.arRootsOutside(Arrays.copyOf(phi, arDeg), 1.01);
        boolean ma = maDeg == 0 || Polynomials.maRootsOutside(Arrays.copyOf(theta, maDeg), 1.01);
        return !(ar && ma);
    }

    /** Coefficients from optimiser parameters: the AR blocks through the stationarity transform (into a work array). */
    private double[] toCoefficients(double[] par) {
        System.arraycopy(par, 0, coefWork, 0, nCoef);
        int p = order.p();
        int sp = order.seasonalP();
        if (p > 0) {
            Polynomials.toStationary(par, 0, p, coefWork, trWork);
        }
        if (sp > 0) {
            Polynomials.toStationary(par, p + order.q(), sp, coefWork, trWork);
        }
        return coefWork;
    }

    /** Expanded phi/theta of the multiplicative model into the work arrays. */
    private void expand(double[] coef) {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        int sq = order.seasonalQ();
        int m = order.period();
        Arrays.fill(phi, 0);
        Arrays.fill(theta, 0);
        System.arraycopy(coef, 0, phi, 0, p);
        System.arraycopy(coef, p, theta, 0, q);
        for (int j = 0; j < sp; j++) {
            double s = coef[p + q + j];
            phi[(j + 1) * m - 1] += s;
            for (int i = 0; i < p; i++) {
                phi[(j + 1) * m + i] -= coef[i] * s;
            }
        }
        for (int j = 0; j < sq; j++) {
            double s = coef[p + q + sp + j];
            theta[(j + 1) * m - 1] += s;
            for (int i = 0; i < q; i++) {
                theta[(j + 1) * m + i] += coef[p + i] * s;
            }
        }
    }

    private void demean(double[] coef) {
        double shift = hasX ? coef[nCoef - 1] * xc : 0;
        for (int t = 0; t < nUsed; t++) {
            w[t] = dy[t] - shift;
        }
    }


    private double cssObjective(double[] par) {
        expand(par);
        demean(par);
        double s = lik.css(w, nUsed, phi, arDeg, theta, maDeg);
        double v = 0.5 * Math.log(s);
        return Double.isFinite(v) ? v : BAD;
    }

    private double mlObjective(double[] par) {
        double[] coef = toCoefficients(par);
        expand(coef);
        demean(coef);
        if (!lik.exact(w, nUsed, phi, arDeg, theta, maDeg, null) || lik.used == 0) {
            return BAD;
        }
        double s2 = lik.ssq / lik.used;
        double v = 0.5 * (Math.log(s2) + lik.sumLog / lik.used);
        return Double.isFinite(v) ? v : BAD;
    }

    private record Opt(double[] par, double value) {
    }

    /**
     * CSS starting values by BOBYQA from zero (radius 0.5, stopped at 1e-2 in parscale units: the
     * exact-likelihood stage refines them). A derivative-free trust region explores more of the
     * multimodal CSS surface than a local least-squares descent, which from zero can stop in a poor
     * local minimum (AirPassengers ARIMA(2,1,1)(0,1,0) is one such case).
     */
    private Opt cssOptimum(double[] init) {
        Opt coarse = minimise(this::cssObjective, init, 0.5, 1e-2);
        if (!(coarse.value < BAD)) {
            return coarse;
        }
        // polish with Levenberg-Marquardt, which converges fast from near the minimum
        Opt fine = leastSquares(this::cssResiduals, this::cssObjective, coarse.par);
        return fine.value <= coarse.value ? fine : coarse;
    }

    /** Residuals whose sum of squares is a monotone function of an objective; false when not computable. */
    private interface Residuals {
        boolean fill(double[] par, double[] out);
    }

    /** CSS residuals: minimising their sum of squares minimises the CSS objective. */
    private boolean cssResiduals(double[] par, double[] out) {
        expand(par);
        demean(par);
        double s = lik.css(w, nUsed, phi, arDeg, theta, maDeg);
        if (!Double.isFinite(s)) {
            return false;
        }
        lik.cssResiduals(nUsed, out);
        return true;
    }

    /**
     * Exact-likelihood residuals: standardised prediction errors times the geometric mean of the
     * prediction standard deviations, whose sum of squares is {@code ssq * exp(sumlog / n)}, so
     * minimising it maximises the concentrated Gaussian likelihood (the usual exact-least-squares
     * form of the ARMA likelihood).
     */
    private boolean mlResiduals(double[] par, double[] out) {
        double[] coef = toCoefficients(par);
        expand(coef);
        demean(coef);
        if (!lik.exact(w, nUsed, phi, arDeg, theta, maDeg, out) || lik.used == 0) {
            return false;
        }
        double g = Math.exp(lik.sumLog / (2.0 * lik.used));
        if (!Double.isFinite(g)) {
            return false;
        }
        for (int t = 0; t < nUsed; t++) {
            out[t] *= g;
        }
        return true;
    }

    /**
     * Minimises a sum of squared residuals by Levenberg-Marquardt (Hipparchus) with a forward-difference
     * Jacobian; falls back to BOBYQA on the objective when it fails.
     */
    private Opt leastSquares(Residuals fn, java.util.function.ToDoubleFunction<double[]> objective, double[] start) {
        int k = start.length;
        if (k == 0) {
            return new Opt(start, objective.applyAsDouble(start));
        }
        double startValue = objective.applyAsDouble(start);
        double[] penalty = new double[nUsed];
        double[] startRes = new double[nUsed];
        if (!fn.fill(start, startRes)) {
            return minimise(objective, start, 0.1);
        }
        double big = 0;
        for (double v : startRes) {
            big = Math.max(big, Math.abs(v));
        }
        Arrays.fill(penalty, 1e3 * (big + 1));
        LmModel model = new LmModel(fn, k, start, startRes, penalty);
        try {
            LeastSquaresProblem problem = new LeastSquaresBuilder()
                    .start(start.clone())
                    .model(model)
                    .lazyEvaluation(true)
                    .target(new double[nUsed])
                    .maxEvaluations(100)
                    .maxIterations(100)
                    .build();
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-9)
                    .withParameterRelativeTolerance(1e-7)
                    .optimize(problem);
            double[] par = opt.getPoint().toArray();
            double value = objective.applyAsDouble(par);
            if (Double.isFinite(value) && value <= startValue) {
                return new Opt(par, value);
            }
        } catch (RuntimeException e) {
            // iteration limit: keep the best point the iterations reached
            double value = objective.applyAsDouble(model.bestX);
            if (Double.isFinite(value) && value <= startValue) {
                return new Opt(model.bestX, value);
            }
            // iteration limit or a degenerate Jacobian: fall through to the derivative-free search
        }
        return minimise(objective, start, 0.1);
    }

    /**
     * The residuals and forward-difference Jacobian for Levenberg-Marquardt, evaluated lazily: the
     * optimiser asks for the residuals at every trial point (twice: for them and for their norm) but
     * for the Jacobian only at accepted points, so a rejected step costs one residual evaluation
     * instead of k + 1, the repeated request is answered from the last evaluation, and the Jacobian
     * reuses the residuals of its own point. Residual and Jacobian arrays are reused (Hipparchus
     * copies them before changing anything), so an evaluation allocates only the optimiser's own
     * wrappers. The numbers are exactly those of evaluating everything at every point.
     */
    private final class LmModel implements ValueAndJacobianFunction {
        private final Residuals fn;
        private final int k;
        private final double[] penalty;
        /** The last point whose residuals were computed, and whether they could be. */
        private final double[] lastX;
        private final double[] lastR;
        private boolean lastOk;
        private final double[] x;
        private final double[] r1;
        private final double[][] jac;
        /** The point of lowest sum of squares evaluated so far (the answer when the iteration limit stops the search). */
        final double[] bestX;
        private double bestCost = Double.POSITIVE_INFINITY;

        LmModel(Residuals fn, int k, double[] start, double[] startRes, double[] penalty) {
            this.fn = fn;
            this.k = k;
            this.penalty = penalty;
            this.lastX = start.clone();
            this.lastR = startRes.clone();
            this.lastOk = true;
            this.x = new double[k];
            this.r1 = new double[nUsed];
            this.jac = new double[nUsed][k];
            this.bestX = start.clone();
            track(lastX, lastR);
        }

        private void track(double[] point, double[] r) {
            double cost = 0;
            for (double v : r) {
                cost += v * v;
            }
            if (cost < bestCost) {
                bestCost = cost;
                System.arraycopy(point, 0, bestX, 0, k);
            }
        }

        /** Residuals at point into lastR (false when not computable), unless they are already there. */
        private boolean evaluate(double[] point) {
            if (Arrays.equals(point, lastX)) {
                return lastOk;
            }
            System.arraycopy(point, 0, lastX, 0, k);
            lastOk = fn.fill(lastX, lastR);
            if (lastOk) {
                track(lastX, lastR);
            }
            return lastOk;
        }

        @Override
        public RealVector computeValue(double[] point) {
            return new ArrayRealVector(evaluate(point) ? lastR : penalty, false);
        }

        @Override
        public RealMatrix computeJacobian(double[] point) {
            if (!evaluate(point)) {
                for (double[] row : jac) {
                    Arrays.fill(row, 0);
                }
                return new Array2DRowRealMatrix(jac, false);
            }
            System.arraycopy(point, 0, x, 0, k);
            for (int i = 0; i < k; i++) {
                double hstep = 1e-7 * Math.max(Math.abs(x[i]), parscale[i]);
                double xi = x[i];
                x[i] = xi + hstep;
                boolean ok = fn.fill(x, r1);
                x[i] = xi;
                for (int t = 0; t < nUsed; t++) {
                    jac[t][i] = ok ? (r1[t] - lastR[t]) / hstep : 0;
                }
            }
            return new Array2DRowRealMatrix(jac, false);
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] p = point.toArray();
            RealMatrix j = computeJacobian(p);
            return new Pair<>(computeValue(p), j);
        }
    }

    /** Minimises f from start, in coordinates scaled by parscale. */
    private Opt minimise(java.util.function.ToDoubleFunction<double[]> f, double[] start, double radius) {
        return minimise(f, start, radius, 1e-6);
    }

    private Opt minimise(java.util.function.ToDoubleFunction<double[]> f, double[] start, double radius, double stopRadius) {
        int k = start.length;
        if (k == 0) {
            return new Opt(start, f.applyAsDouble(start));
        }
        double[] x = new double[k];
        java.util.function.ToDoubleFunction<double[]> scaled = u -> {
            for (int i = 0; i < k; i++) {
                x[i] = start[i] + parscale[i] * u[i];
            }
            return f.applyAsDouble(x);
        };
        double[] u0 = new double[k];
        double bestValue = scaled.applyAsDouble(u0);
        double[] bestU = u0;
        try {
            PointValuePair result;
            if (k == 1) {
                SimplexOptimizer opt = new SimplexOptimizer(1e-10, 1e-10);
                result = opt.optimize(new MaxEval(500), new ObjectiveFunction(scaled::applyAsDouble), GoalType.MINIMIZE,
                        new InitialGuess(u0), new NelderMeadSimplex(new double[] {radius}));
            } else {
                double[] lo = new double[k];
                double[] hi = new double[k];
                Arrays.fill(lo, -50);
                Arrays.fill(hi, 50);
                BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, radius, stopRadius);
                result = opt.optimize(new MaxEval(200 * (k + 1)), new ObjectiveFunction(scaled::applyAsDouble), GoalType.MINIMIZE,
                        new InitialGuess(u0), new SimpleBounds(lo, hi));
            }
            if (result.getValue() < bestValue) {
                bestValue = result.getValue();
                bestU = result.getPoint();
            }
        } catch (RuntimeException e) {
            // too many evaluations or a degenerate surface: keep the best point seen so far
        }
        double[] par = new double[k];
        for (int i = 0; i < k; i++) {
            par[i] = start[i] + parscale[i] * bestU[i];
        }
        return new Opt(par, bestValue);
    }

    /**
     * One fitted model with what the automatic search needs: information criteria, residual sum
     * of squares, the variance check and the final model for forecasting.
     */
    static final class Fit {
        private final ArimaFitter fitter;
        final EstimationMethod method;
        /** Coefficients, R layout. */
        final double[] coef;
        /** Optimiser parameters at the optimum (AR blocks untransformed for CSS-ML). */
        private final double[] par;
        private final double value;
        /** ML (or CSS) innovation variance. */
        final double sigma2;
        final double loglik;
        final double rss;
        private final double[] resid;

        Fit(ArimaFitter fitter, EstimationMethod method, double[] coef, double[] par, double value, double sigma2, double loglik,
            double rss, double[] resid) {
            this.fitter = fitter;
            this.method = method;
            this.coef = coef;
            this.par = par;
            this.value = value;
            this.sigma2 = sigma2;
            this.loglik = loglik;
            this.rss = rss;
            this.resid = resid;
        }

        ArimaOrder order() {
            return fitter.order;
        }

        int nUsed() {
            return fitter.nUsed;
        }

        /** R's aic: {@code -2 loglik + 2 (k + 1)}; NaN for CSS. */
        double aic() {
            return method == EstimationMethod.CSS ? Double.NaN : -2 * loglik + 2 * (coef.length + 1);
        }

        double[] expandedAr() {
            return Polynomials.expandAr(Arrays.copyOfRange(coef, 0, order().p()),
                    Arrays.copyOfRange(coef, order().p() + order().q(), order().p() + order().q() + order().seasonalP()), order().period());
        }

        double[] expandedMa() {
            int p = order().p();
            int q = order().q();
            int sp = order().seasonalP();
            return Polynomials.expandMa(Arrays.copyOfRange(coef, p, p + q),
                    Arrays.copyOfRange(coef, p + q + sp, p + q + sp + order().seasonalQ()), order().period());
        }

        /**
         * R's {@code checkarima}: the coefficient covariance from the numerical Hessian of the
         * objective (step 1e-3 in parscale units, as {@code optimHess}) must be computable with a
         * non-negative diagonal. False also when the Hessian is singular (R's {@code solve} fails).
         */
        boolean varianceOk() {
            int k = par.length;
            if (k == 0) {
                return true;
            }
            java.util.function.ToDoubleFunction<double[]> f = method == EstimationMethod.CSS ? fitter::cssObjective : fitter::mlObjective;
            double[] eps = new double[k];
            for (int i = 0; i < k; i++) {
                eps[i] = 1e-3 * fitter.parscale[i];
            }
            double[] x = par.clone();
            double f0 = f.applyAsDouble(x);
            double[][] h = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    double v;
                    if (i == j) {
                        x[i] = par[i] + 2 * eps[i];
                        double fp = f.applyAsDouble(x);
                        x[i] = par[i] - 2 * eps[i];
                        double fm = f.applyAsDouble(x);
                        x[i] = par[i];
                        v = (fp - 2 * f0 + fm) / (4 * eps[i] * eps[i]);
                    } else {
                        double s = 0;
                        for (int si = -1; si <= 1; si += 2) {
                            for (int sj = -1; sj <= 1; sj += 2) {
                                x[i] = par[i] + si * eps[i];
                                x[j] = par[j] + sj * eps[j];
                                s += si * sj * f.applyAsDouble(x);
                            }
                        }
                        x[i] = par[i];
                        x[j] = par[j];
                        v = s / (4 * eps[i] * eps[j]);
                    }
                    h[i][j] = v * fitter.nUsed;
                    h[j][i] = v * fitter.nUsed;
                }
            }
            double[][] a = jacobian();
            RealMatrix hm = new Array2DRowRealMatrix(h, false);
            LUDecomposition lu = new LUDecomposition(hm, 1e-300);
            if (!lu.getSolver().isNonSingular()) {
                return false;
            }
            RealMatrix am = new Array2DRowRealMatrix(a, false);
            RealMatrix var = am.transpose().multiply(lu.getSolver().solve(am));
            for (int i = 0; i < k; i++) {
                double d = var.getEntry(i, i);
                if (!(d >= 0)) {
                    return false;
                }
            }
            return true;
        }

        /** d coef_j / d par_i of the stationarity transform (identity outside the AR blocks; R's ARIMA_Gradtrans). */
        private double[][] jacobian() {
            int k = par.length;
            double[][] a = new double[k][k];
            for (int i = 0; i < k; i++) {
                a[i][i] = 1;
            }
            if (method == EstimationMethod.CSS) {
                return a;
            }
            ArimaOrder o = order();
            block(a, 0, o.p());
            block(a, o.p() + o.q(), o.seasonalP());
            return a;
        }

        private void block(double[][] a, int from, int len) {
            if (len == 0) {
                return;
            }
            double eps = 1e-3;
            double[] raw = Arrays.copyOfRange(par, from, from + len);
            double[] base = new double[len];
            double[] work = new double[len];
            Polynomials.toStationary(raw, 0, len, base, work);
            for (int i = 0; i < len; i++) {
                double[] moved = raw.clone();
                moved[i] += eps;
                double[] out = new double[len];
                Polynomials.toStationary(moved, 0, len, out, work);
                for (int j = 0; j < len; j++) {
                    a[from + i][from + j] = (out[j] - base[j]) / eps;
                }
            }
        }

        /** The forecasting model with the given innovation variance; null when its state cannot be computed. */
        ArimaModel toModel(double modelSigma2) {
            ArimaFitter f = fitter;
            ArimaState state = ArimaState.after(f.y, f.order, coef);
            if (state == null) {
                return null;
            }
            double aic = aic();
            int npar = coef.length + 1;
            int nstar = f.nUsed;
            double aicc = aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
            if (nstar - npar - 1 <= 0) {
                aicc = Double.POSITIVE_INFINITY;
            }
            double bic = aic + npar * (Math.log(nstar) - 2);
            return new ArimaModel(f.order, coef.clone(), modelSigma2, loglik, aic, aicc, bic, f.n, state.state(), state.covariance(),
                    state.lastZ());
        }
    }
}
