package io.demandcast.core.model.stat.ets;

/**
 * R's default {@code bounds = "both"}: smoothing parameters must satisfy the "usual" bounds
 * ({@code lower <= alpha <= upper}, {@code lower <= beta <= min(alpha, upper)},
 * {@code lower <= gamma <= min(1 - alpha, upper)}, {@code 0.8 <= phi <= 0.98}) and the
 * "admissible" (forecastability) conditions of Hyndman et al. (2008, ch. 10).
 *
 * <p>The seasonal admissibility condition asks that every root of the characteristic polynomial
 * lies inside the unit circle. R finds the roots ({@code polyroot}) and accepts a largest modulus
 * up to {@code 1 + 1e-10}. This is evaluated at every likelihood evaluation, so instead of
 * computing roots we run the Schur-Cohn-Jury test (a few multiply-adds per coefficient, no
 * allocation), which decides "all roots inside the circle of radius r" directly; with
 * {@code r = 1 + 1e-8} it accepts the unit root that models without trend always have.
 * Hand-written because Hipparchus offers root finders, not a stability test.
 */
final class Admissibility {
    static final double ALPHA_LOW = 1e-4;
    static final double ALPHA_HIGH = 0.9999;
    static final double PHI_LOW = 0.8;
    static final double PHI_HIGH = 0.98;
    private static final double RADIUS = 1 + 1e-8;

    private Admissibility() {
    }

    /** The usual bounds (R's defaults for lower/upper). Pass NaN for parameters the model lacks. */
    static boolean usual(EtsModel model, double alpha, double beta, double gamma, double phi) {
        if (!(alpha >= ALPHA_LOW && alpha <= ALPHA_HIGH)) {
            return false;
        }
        if (model.hasTrend() && !(beta >= ALPHA_LOW && beta <= alpha && beta <= ALPHA_HIGH)) {
            return false;
        }
        if (model.damped() && !(phi >= PHI_LOW && phi <= PHI_HIGH)) {
            return false;
        }
        return !model.hasSeason() || (gamma >= ALPHA_LOW && gamma <= 1 - alpha && gamma <= ALPHA_HIGH);
    }

    /**
     * The admissible region. {@code phi} is 1 for undamped models, {@code beta} 0 without trend.
     *
     * @param scratchA scratch of length &gt;= m + 2
     * @param scratchB scratch of length &gt;= m + 2
     */
    static boolean admissible(EtsModel model, int m, double alpha, double beta, double gamma, double phi,
                              double[] scratchA, double[] scratchB) {
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (!model.hasSeason() || m <= 1) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            return !model.hasTrend() || !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
        }
        if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        // characteristic polynomial, coefficients in increasing powers (degree m + 1, monic)
        double[] a = scratchA;
        int d = m + 1;
        a[0] = phi * (1 - alpha - gamma);
        a[1] = alpha + beta - alpha * phi + gamma - 1;
        for (int i = 2; i < m; i++) {
            a[i] = alpha + beta - alpha * phi;
        }
        a[m] = alpha + beta - phi;
        a[m + 1] = 1;
        return rootsWithin(a, d, RADIUS, scratchB);
    }

    /**
     * Schur-Cohn-Jury: whether all roots of {@code sum a[i] z^i} (degree d, a[d] != 0) have modulus
     * below {@code radius}. Overwrites {@code a}.
     */
    static boolean rootsWithin(double[] a, int d, double radius, double[] scratch) {
        double r = 1;
        for (int i = 0; i <= d; i++) {
            a[i] *= r;
            r *= radius;
        }
        double[] cur = a;
        double[] next = scratch;
        while (d > 0) {
            double k = cur[0] / cur[d];
            if (!(Math.abs(k) < 1)) {
                return false;
            }
            for (int i = 0; i < d; i++) {
                next[i] = cur[i + 1] - k * cur[d - 1 - i];
            }
            double[] tmp = cur;
            cur = next;
            next = tmp;
            d--;
        }
        return true;
    }
}
