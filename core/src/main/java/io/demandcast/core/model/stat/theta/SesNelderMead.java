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
 * the one Nash's rules pick. The two vertices of the first simplex and of a shrink are evaluated
 * together the same way. Only the points Nash's search evaluates are counted against the budget.
 */
final class SesNelderMead {
    private static final double BIG = 1.0e35;
    private static final double REFLECT = 1.0;
    private static final double CONTRACT = 0.5;
    private static final double EXPAND = 2.0;

    private final double[] y;
    private final double alphaLower;
    private final double alphaUpper;
    /** The four values of the last {@link #evaluate4} pass. */
    private final double[] out = new double[4];

    private SesNelderMead(double[] y, double alphaLower, double alphaUpper) {
        this.y = y;
        this.alphaLower = alphaLower;
        this.alphaUpper = alphaUpper;
    }

    /** The point {@code {alpha, l0}} where the search stops. */
    record Result(double alpha, double level0, double value, int evaluations) {
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
        double fStart = value(alpha0, level0);
        if (!Double.isFinite(fStart)) {
            return new Result(alpha0, level0, fStart, 1);
        }
        int evals = 1;
        double convTol = relTol * (Math.abs(fStart) + relTol);
        // vertex j is (pa[j], pl[j]); v[j] its value
        double[] pa = {alpha0, alpha0, alpha0};
        double[] pl = {level0, level0, level0};
        double[] v = {fStart, 0, 0};
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
        double oldSize = size;
        boolean evaluateVertices = true;
        int low = 0;
        while (true) {
            if (evaluateVertices) {
                int j1 = low == 0 ? 1 : 0;
                int j2 = low == 2 ? 1 : 2;
                evaluate2(pa[j1], pl[j1], pa[j2], pl[j2]);
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
            evaluate4(ra, rl, ea, el, ia, il, oa, ol);
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
        return new Result(pa[low], pl[low], v[low], evals);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }

    private boolean outside(double alpha) {
        return alpha < alphaLower || alpha > alphaUpper;
    }

    /** A valid alpha to run a lane whose result is discarded (+Inf) through the shared loop. */
    private double inside(double alpha) {
        return outside(alpha) ? alphaLower : alpha;
    }

    /** ets's criterion at one point: R's running mean of the squared one-step errors (etscalc), not sse / n, so values match R's to the last bit. */
    double value(double alpha, double level) {
        if (outside(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] y = this.y;
        double mse = 0;
        for (int t = 0; t < y.length; t++) {
            double e = y[t] - level;
            mse = (mse * t + e * e) / (t + 1);
            level += alpha * e;
        }
        return mse;
    }

    /** {@link #value} at two points, into {@code out[0..1]}. */
    private void evaluate2(double a0, double l0, double a1, double l1) {
        double[] y = this.y;
        double x0 = inside(a0);
        double x1 = inside(a1);
        double m0 = 0;
        double m1 = 0;
        for (int t = 0; t < y.length; t++) {
            double yt = y[t];
            double e0 = yt - l0;
            double e1 = yt - l1;
            m0 = (m0 * t + e0 * e0) / (t + 1);
            m1 = (m1 * t + e1 * e1) / (t + 1);
            l0 += x0 * e0;
            l1 += x1 * e1;
        }
        out[0] = outside(a0) ? Double.POSITIVE_INFINITY : m0;
        out[1] = outside(a1) ? Double.POSITIVE_INFINITY : m1;
    }

    /** {@link #value} at four points, into {@code out[0..3]}. */
    private void evaluate4(double a0, double l0, double a1, double l1, double a2, double l2, double a3, double l3) {
        double[] y = this.y;
        double x0 = inside(a0);
        double x1 = inside(a1);
        double x2 = inside(a2);
        double x3 = inside(a3);
        double m0 = 0;
        double m1 = 0;
        double m2 = 0;
        double m3 = 0;
        for (int t = 0; t < y.length; t++) {
            double yt = y[t];
            double e0 = yt - l0;
            double e1 = yt - l1;
            double e2 = yt - l2;
            double e3 = yt - l3;
            double n0 = t;
            double n1 = t + 1;
            m0 = (m0 * n0 + e0 * e0) / n1;
            m1 = (m1 * n0 + e1 * e1) / n1;
            m2 = (m2 * n0 + e2 * e2) / n1;
            m3 = (m3 * n0 + e3 * e3) / n1;
            l0 += x0 * e0;
            l1 += x1 * e1;
            l2 += x2 * e2;
            l3 += x3 * e3;
        }
        out[0] = outside(a0) ? Double.POSITIVE_INFINITY : m0;
        out[1] = outside(a1) ? Double.POSITIVE_INFINITY : m1;
        out[2] = outside(a2) ? Double.POSITIVE_INFINITY : m2;
        out[3] = outside(a3) ? Double.POSITIVE_INFINITY : m3;
    }
}
