package io.demandcast.core.evaluate.elasticity;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * The per-series regression {@code ln(units) = a + e ln(price) + c1 x1 + ... + ck xk} by ordinary
 * least squares (Hipparchus, QR decomposition), the controls {@code x} entered as they are (0/1
 * dummies for deals and feature ads, or any numeric value). No seasonal or trend term: the plain
 * regression a category manager would run, whose slope {@code e} is the own-price elasticity.
 *
 * <p>Periods enter only when units &gt; 0 (a zero has no logarithm: zero-sales periods are left out,
 * which reads the estimate as the elasticity of demand given that something sold), price &gt; 0 and
 * every value is finite. A control constant over the used periods is dropped for that series
 * (it would be collinear with the intercept). Not estimable, with the reason: fewer than
 * {@code minObservations} periods, no price variation, no degree of freedom left, or collinear
 * columns (a control that moves exactly with price).
 */
public final class LogLogRegression {
    /** Two-sided confidence level of the interval. */
    public static final double LEVEL = 0.95;

    private final int minObservations;

    /** @param minObservations fewest usable periods, at least 3 */
    public LogLogRegression(int minObservations) {
        if (minObservations < 3) {
            throw new IllegalArgumentException("minObservations must be at least 3 (got " + minObservations + ")");
        }
        this.minObservations = minObservations;
    }

    /**
     * @param units    units sold per period (NaN = missing)
     * @param price    price per period, same length
     * @param controls one array per control, same length (may be empty)
     * @return the estimate, or a not-estimable result with its reason; the arrays are left unchanged
     */
    public SeriesElasticity fit(String seriesId, double[] units, double[] price, List<double[]> controls) {
        int length = units.length;
        boolean[] use = new boolean[length];
        int n = 0;
        for (int t = 0; t < length; t++) {
            boolean ok = units[t] > 0 && price[t] > 0 && Double.isFinite(units[t]) && Double.isFinite(price[t]);
            for (double[] c : controls) {
                ok &= Double.isFinite(c[t]);
            }
            use[t] = ok;
            n += ok ? 1 : 0;
        }
        if (n < minObservations) {
            return SeriesElasticity.notEstimable(seriesId, n, "too few periods with units > 0 and price > 0 (" + n + " < " + minObservations + ")");
        }
        double[] y = new double[n];
        double[] logPrice = new double[n];
        int i = 0;
        for (int t = 0; t < length; t++) {
            if (use[t]) {
                y[i] = Math.log(units[t]);
                logPrice[i] = Math.log(price[t]);
                i++;
            }
        }
        if (constant(logPrice)) {
            return SeriesElasticity.notEstimable(seriesId, n, "no price variation");
        }
        List<double[]> columns = new ArrayList<>();
        columns.add(logPrice);
        for (double[] c : controls) {
            double[] used = new double[n];
            i = 0;
            for (int t = 0; t < length; t++) {
                if (use[t]) {
                    used[i++] = c[t];
                }
            }
            if (!constant(used)) {
                columns.add(used);
            }
        }
        int k = columns.size() + 1;
        if (n - k < 1) {
            return SeriesElasticity.notEstimable(seriesId, n, "no degree of freedom left (" + n + " periods, " + k + " coefficients)");
        }
        double[][] x = new double[n][columns.size()];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns.size(); j++) {
                x[r][j] = columns.get(j)[r];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
        double[] beta;
        double[] se;
        try {
            ols.newSampleData(y, x);
            beta = ols.estimateRegressionParameters();
            se = ols.estimateRegressionParametersStandardErrors();
        } catch (MathIllegalArgumentException e) {
            return SeriesElasticity.notEstimable(seriesId, n, "collinear columns (a control moves with price)");
        }
        double e = beta[1];
        double s = se[1];
        if (!Double.isFinite(e) || !Double.isFinite(s)) {
            return SeriesElasticity.notEstimable(seriesId, n, "collinear columns (a control moves with price)");
        }
        double t = new TDistribution(n - k).inverseCumulativeProbability(0.5 + LEVEL / 2);
        return new SeriesElasticity(seriesId, e, s, e - t * s, e + t * s, n, null);
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
