package io.demandcast.core.model.stat.intermittent;

import io.demandcast.core.model.stat.SeriesSimulation;
import java.util.SplittableRandom;

/**
 * Count-aware sample paths of an intermittent series: Willemain, Smart and Schwarz's bootstrap
 * (International Journal of Forecasting 20, 2004). Whether a period has demand follows a two-state
 * Markov chain (no demand / demand) whose transition probabilities are counted on the series'
 * history, started from the state of its last period; the size of each demand is drawn uniformly
 * from the history's non-zero values. When those are all whole numbers (unit sales) a drawn size
 * {@code x} is jittered to {@code round(x + Z sqrt(x))}, {@code Z} standard normal, kept at {@code x}
 * when that is below 1, so sizes not seen before occur; otherwise sizes are the observed values.
 * Paths are never negative, and integer-valued for integer history. A state never left in the
 * history (no transition out of it) moves with the history's overall demand rate; a history with
 * no demand gives paths of zeros.
 *
 * <p>The chain and sizes read the whole history the model holds; the model's own smoothed level
 * (Croston, SBA, TSB) does not enter, so a series whose demand has recently changed is simulated
 * from its long-run behaviour.
 */
final class WillemainBootstrap implements SeriesSimulation {
    static final WillemainBootstrap INSTANCE = new WillemainBootstrap();

    private WillemainBootstrap() {
    }

    @Override
    public String pathMethod() {
        return "willemain_bootstrap";
    }

    @Override
    public void simulate(double[] y, SplittableRandom random, double[][] paths) {
        int n = y.length;
        int demands = 0;
        boolean integral = true;
        // transitions[from][to], 0 = no demand, 1 = demand
        long[][] transitions = new long[2][2];
        for (int t = 0; t < n; t++) {
            boolean demand = y[t] > 0;
            if (demand) {
                demands++;
                integral &= y[t] == Math.rint(y[t]);
            }
            if (t > 0) {
                transitions[y[t - 1] > 0 ? 1 : 0][demand ? 1 : 0]++;
            }
        }
        if (demands == 0) {
            for (double[] path : paths) {
                java.util.Arrays.fill(path, 0);
            }
            return;
        }
        double[] sizes = new double[demands];
        int d = 0;
        for (double v : y) {
            if (v > 0) {
                sizes[d++] = v;
            }
        }
        double rate = (double) demands / n;
        double[] toDemand = new double[2];
        for (int from = 0; from < 2; from++) {
            long out = transitions[from][0] + transitions[from][1];
            toDemand[from] = out == 0 ? rate : (double) transitions[from][1] / out;
        }
        int start = y[n - 1] > 0 ? 1 : 0;
        for (double[] path : paths) {
            int state = start;
            for (int k = 0; k < path.length; k++) {
                state = random.nextDouble() < toDemand[state] ? 1 : 0;
                path[k] = state == 0 ? 0 : size(sizes, integral, random);
            }
        }
    }

    private static double size(double[] sizes, boolean integral, SplittableRandom random) {
        double x = sizes[random.nextInt(sizes.length)];
        if (!integral) {
            return x;
        }
        double jittered = Math.rint(x + random.nextGaussian() * Math.sqrt(x));
        return jittered < 1 ? x : jittered;
    }
}
