package io.demandcast.core.model.stat.theta;

/**
 * {@link io.demandcast.core.model.stat.ets.NashNelderMead} specialised to the two-parameter search
 * R's {@code ses} makes (alpha and the initial level, on ets's running mean squared error): the same
 * simplex, the same steps, the same values compared, so it stops at the same point after the same
 * number of counted evaluations, bit for bit.
 *
 * <p>Why a specialised copy: one evaluation walks the whole series through a loop-carried chain
 * (the running mean's multiply, add and divide, about 20 cycles a value) that leaves the CPU mostly
 * idle. Each Nelder-Mead step evaluates the reflection and then either the expansion or one of two
 * contractions, which depend only on the step's simplex and the reflection; this class evaluates
 * all four candidates in one pass (four independent chains run in about the time of one) and keeps
 * the one Nash's rules pick. The start and the two other vertices of the first simplex (which depend
 * on the start only), the two vertices a shrink moves, and the sum of squared errors at the point
 * where the search stops are evaluated in such passes too. Only the points Nash's search evaluates
 * are counted against the budget.
 */
final class SesNelderMead {
    private static final double BIG = 1.0e35;
    private static final double REFLECT = 1.0;
    private static final double CONTRACT = 0.5;
    private static final double EXPAND = 2.0;

    private final double[] y;
    private final double alphaLower;
    private final double alphaUpper;
    private static final int LANES = 4;
    private static final int CHUNK = 256;
    /** The four values of the last {@link #evaluate} pass. */
    private final double[] out = new double[LANES];
    /** The lanes' running means [0, 4), levels [4, 8) and lane 0's sse [8] between chunks ({@link #run}). */
    private final double[] lanes = new double[2 * LANES + 1];
    private final double[] alphas = new double[LANES];

    private SesNelderMead(double[] y, double alphaLower, double alphaUpper) {
        this.y = y;
        this.alphaLower = alphaLower;
        this.alphaUpper = alphaUpper;
    }

    /**
     * The point {@code {alpha, l0}} where the search stops, its value, the evaluations counted as
     * Nash's search counts them, and SES's sum of squared errors and last level at that point.
     */
    record Result(double alpha, double level0, double value, int evaluations, double sse, double level) {
    }

    /**
     * Minimises ets's mean squared one-step error of SES over {@code {alpha, l0}} from
     * {@code (alpha0, level0)} as {@code NashNelderMead.minimise} would, with alpha outside
     * {@code [alphaLower, alphaUpper]} valued +Inf.
     */
    static Result minimise(double[] y, double alphaLower, double alphaUpper, double alpha0, double level0,
            double relTol, int maxEvals) {
        return new SesNelderMead(y, alphaLower, alphaUpper).search(alpha0, level0, relTol, maxEvals);
    }

    private Result search(double alpha0, double level0, double relTol, int maxEvals) {
        double[] start = {alpha0, level0};
        // vertex j is (pa[j], pl[j]); v[j] its value
        double[] pa = {alpha0, alpha0, alpha0};
        double[] pl = {level0, level0, level0};
        double step = 0;
        for (double s : start) {
            step = Math.max(step, 0.1 * Math.abs(s));
        }
        if (step == 0) {
            step = 0.1;
        }
        double size = 0;
        double tryStep = step;
        while (pa[1] == alpha0) {
            pa[1] = alpha0 + tryStep;
            tryStep *= 10;
        }
        size += tryStep;
        tryStep = step;
        while (pl[2] == level0) {
            pl[2] = level0 + tryStep;
            tryStep *= 10;
        }
        size += tryStep;
        // the first simplex depends on the start only, so its three vertices are valued in one pass
        evaluate(alpha0, level0, pa[1], pl[1], pa[2], pl[2], alpha0, level0);
        double fStart = out[0];
        if (!Double.isFinite(fStart)) {
            return finish(alpha0, level0, fStart, 1);
        }
        double[] v = {fStart, finite(out[1]), finite(out[2])};
        int evals = 3;
        double convTol = relTol * (Math.abs(fStart) + relTol);
        double oldSize = size;
        boolean evaluateVertices = false;
        int low = 0;
        while (true) {
            if (evaluateVertices) {
                int j1 = low == 0 ? 1 : 0;
                int j2 = low == 2 ? 1 : 2;
                evaluate(pa[j1], pl[j1], pa[j2], pl[j2], pa[j1], pl[j1], pa[j2], pl[j2]);
                v[j1] = finite(out[0]);
                v[j2] = finite(out[1]);
                evals += 2;
                evaluateVertices = false;
            }
            double vLow = v[low];
            double vHigh = vLow;
            int high = low;
            for (int j = 0; j < 3; j++) {
                if (j != low) {
                    double vj = v[j];
                    if (vj < vLow) {
                        low = j;
                        vLow = vj;
                    }
                    if (vj > vHigh) {
                        high = j;
                        vHigh = vj;
                    }
                }
            }
            if (vHigh <= vLow + convTol) {
                break;
            }
            // as NashNelderMead: the sum over all vertices less the high one, divided by n = 2
            double ca = -pa[high];
            double cl = -pl[high];
            for (int j = 0; j < 3; j++) {
                ca += pa[j];
                cl += pl[j];
            }
            ca /= 2;
            cl /= 2;
            double ra = (1 + REFLECT) * ca - REFLECT * pa[high];
            double rl = (1 + REFLECT) * cl - REFLECT * pl[high];
            double ea = EXPAND * ra + (1 - EXPAND) * ca;
            double el = EXPAND * rl + (1 - EXPAND) * cl;
            // the contraction towards the reflection (taken when it replaced the high vertex) or the old high vertex
            double ia = (1 - CONTRACT) * ra + CONTRACT * ca;
            double il = (1 - CONTRACT) * rl + CONTRACT * cl;
            double oa = (1 - CONTRACT) * pa[high] + CONTRACT * ca;
            double ol = (1 - CONTRACT) * pl[high] + CONTRACT * cl;
            evaluate(ra, rl, ea, el, ia, il, oa, ol);
            double vReflect = finite(out[0]);
            evals += 2;
            if (vReflect < vLow) {
                double vExpand = finite(out[1]);
                if (vExpand < vReflect) {
                    pa[high] = ea;
                    pl[high] = el;
                    v[high] = vExpand;
                } else {
                    pa[high] = ra;
                    pl[high] = rl;
                    v[high] = vReflect;
                }
            } else {
                double vContract;
                double ka;
                double kl;
                if (vReflect < vHigh) {
                    pa[high] = ra;
                    pl[high] = rl;
                    v[high] = vReflect;
                    vContract = finite(out[2]);
                    ka = ia;
                    kl = il;
                } else {
                    vContract = finite(out[3]);
                    ka = oa;
                    kl = ol;
                }
                if (vContract < v[high]) {
                    pa[high] = ka;
                    pl[high] = kl;
                    v[high] = vContract;
                } else if (vReflect >= vHigh) {
                    evaluateVertices = true;
                    size = 0;
                    for (int j = 0; j < 3; j++) {
                        if (j != low) {
                            pa[j] = CONTRACT * (pa[j] - pa[low]) + pa[low];
                            size += Math.abs(pa[j] - pa[low]);
                            pl[j] = CONTRACT * (pl[j] - pl[low]) + pl[low];
                            size += Math.abs(pl[j] - pl[low]);
                        }
                    }
                    if (size < oldSize) {
                        oldSize = size;
                    } else {
                        break;
                    }
                }
            }
            if (evals > maxEvals) {
                break;
            }
        }
        return finish(pa[low], pl[low], v[low], evals);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }

    /** The result at {@code (alpha, l0)}, with SES's sum of squared errors and last level there. */
    private Result finish(double alpha, double level0, double value, int evals) {
        evaluate(alpha, level0, alpha, level0, alpha, level0, alpha, level0);
        return new Result(alpha, level0, value, evals, lanes[2 * LANES], lanes[LANES]);
    }

    private boolean outside(double alpha) {
        return alpha < alphaLower || alpha > alphaUpper;
    }

    /**
     * ets's criterion at four points {@code (a_i, l_i)} into {@code out[0..3]}: R's running mean of the
     * squared one-step errors (etscalc), not sse / n, so the values match R's to the last bit; +Inf
     * where alpha is out of bounds (such a lane runs with the others and is discarded).
     */
    private void evaluate(double a0, double l0, double a1, double l1, double a2, double l2, double a3, double l3) {
        double[] s = lanes;
        s[0] = 0;
        s[1] = 0;
        s[2] = 0;
        s[3] = 0;
        s[4] = l0;
        s[5] = l1;
        s[6] = l2;
        s[7] = l3;
        s[8] = 0;
        alphas[0] = a0;
        alphas[1] = a1;
        alphas[2] = a2;
        alphas[3] = a3;
        int n = y.length;
        // in chunks: a small method called often reaches the optimising compiler after a few series
        // instead of hundreds of whole-series calls (JIT warm-up was about half of a short run)
        for (int from = 0; from < n; from += CHUNK) {
            run(y, from, Math.min(n, from + CHUNK), s, alphas);
        }
        out[0] = outside(a0) ? Double.POSITIVE_INFINITY : s[0];
        out[1] = outside(a1) ? Double.POSITIVE_INFINITY : s[1];
        out[2] = outside(a2) ? Double.POSITIVE_INFINITY : s[2];
        out[3] = outside(a3) ? Double.POSITIVE_INFINITY : s[3];
    }

    /**
     * Runs the four lanes over {@code y[from..to)}: {@code s[0..3]} the running means, {@code s[4..7]}
     * the levels, {@code s[8]} lane 0's sum of squared errors; four independent chains.
     */
    private static void run(double[] y, int from, int to, double[] s, double[] x) {
        double m0 = s[0];
        double m1 = s[1];
        double m2 = s[2];
        double m3 = s[3];
        double l0 = s[4];
        double l1 = s[5];
        double l2 = s[6];
        double l3 = s[7];
        double sse = s[8];
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        for (int t = from; t < to; t++) {
            double yt = y[t];
            double e0 = yt - l0;
            double e1 = yt - l1;
            double e2 = yt - l2;
            double e3 = yt - l3;
            double n0 = t;
            double n1 = t + 1;
            double q0 = e0 * e0;
            m0 = (m0 * n0 + q0) / n1;
            m1 = (m1 * n0 + e1 * e1) / n1;
            m2 = (m2 * n0 + e2 * e2) / n1;
            m3 = (m3 * n0 + e3 * e3) / n1;
            sse += q0;
            l0 += x0 * e0;
            l1 += x1 * e1;
            l2 += x2 * e2;
            l3 += x3 * e3;
        }
        s[0] = m0;
        s[1] = m1;
        s[2] = m2;
        s[3] = m3;
        s[4] = l0;
        s[5] = l1;
        s[6] = l2;
        s[7] = l3;
        s[8] = sse;
    }
}
