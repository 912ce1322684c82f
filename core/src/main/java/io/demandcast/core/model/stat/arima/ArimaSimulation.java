package io.demandcast.core.model.stat.arima;

import io.demandcast.core.model.stat.SeriesSimulation;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Sample paths of a fitted ARIMA model from its final Kalman state, in the state-space form its
 * forecasts use (differencing carried as states): the predicted state is drawn from
 * {@code N(a(n+1|n), sigma2 P(n+1|n)}, then each step observes {@code y = z . alpha} plus the constant and
 * moves the state {@code alpha <- T alpha + R eta} with Gaussian innovations {@code eta ~ N(0, sigma2)}.
 * The paths' mean and variance at each step are exactly those of {@link ArimaModel#forecast}.
 */
final class ArimaSimulation implements SeriesSimulation {
    private final ArimaModel model;
    /** T's non-zero entries per row (a shift, the AR column, the differencing rows: sparse), columns and values. */
    private final int[][] columns;
    private final double[][] entries;
    private final double[] z;
    private final double[] shock;
    private final double[] start;
    /** B with B B' = P(n+1|n) (r x r), from its eigen-decomposition with negative rounding noise set to 0. */
    private final double[][] root;
    private final double sd;

    ArimaSimulation(ArimaModel model) {
        this.model = model;
        double[] state = model.predictedState();
        int r = state.length;
        double[] delta = ArimaModel.differencingCoefficients(model.order());
        double[][] t = ArimaModel.transition(model.expandedAr(), r, delta);
        this.columns = new int[t.length][];
        this.entries = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            double[] row = t[i];
            int[] nonZero = java.util.stream.IntStream.range(0, row.length).filter(j -> row[j] != 0).toArray();
            columns[i] = nonZero;
            entries[i] = java.util.Arrays.stream(nonZero).mapToDouble(j -> row[j]).toArray();
        }
        this.z = ArimaModel.observation(r, delta);
        this.shock = ArimaModel.shockLoadings(model.expandedMa(), r);
        this.start = new double[r + delta.length];
        System.arraycopy(state, 0, start, 0, r);
        System.arraycopy(model.lastValues(), 0, start, r, delta.length);
        this.root = squareRoot(model.predictedCovariance(), r);
        double s2 = model.sigma2();
        this.sd = Double.isFinite(s2) && s2 > 0 ? Math.sqrt(s2) : 0;
    }

    private static double[][] squareRoot(double[] covariance, int r) {
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                p[i][j] = 0.5 * (covariance[i * r + j] + covariance[j * r + i]);
                if (!Double.isFinite(p[i][j])) {
                    return new double[r][r];
                }
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(p);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(m);
        double[] values = eigen.getEigenvalues();
        RealMatrix v = eigen.getV();
        double[][] out = new double[r][r];
        for (int k = 0; k < r; k++) {
            double s = Math.sqrt(Math.max(values[k], 0));
            for (int i = 0; i < r; i++) {
                out[i][k] = v.getEntry(i, k) * s;
            }
        }
        return out;
    }

    @Override
    public String pathMethod() {
        return "arima_simulation";
    }

    @Override
    public void simulate(double[] y, SplittableRandom random, double[][] paths) {
        int rd = start.length;
        int r = root.length;
        double[] alpha = new double[rd];
        double[] next = new double[rd];
        double[] draw = new double[r];
        for (double[] path : paths) {
            System.arraycopy(start, 0, alpha, 0, rd);
            for (int k = 0; k < r; k++) {
                draw[k] = random.nextGaussian();
            }
            for (int i = 0; i < r; i++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += root[i][k] * draw[k];
                }
                alpha[i] += sd * s;
            }
            for (int h = 0; h < path.length; h++) {
                double f = 0;
                for (int i = 0; i < rd; i++) {
                    f += z[i] * alpha[i];
                }
                path[h] = f + model.constantAhead(h);
                double eta = sd * random.nextGaussian();
                for (int i = 0; i < rd; i++) {
                    double s = 0;
                    int[] cols = columns[i];
                    double[] values = entries[i];
                    for (int c = 0; c < cols.length; c++) {
                        s += values[c] * alpha[cols[c]];
                    }
                    next[i] = s + (i < r ? shock[i] * eta : 0);
                }
                double[] swap = alpha;
                alpha = next;
                next = swap;
            }
        }
    }
}
