package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link WillemainBootstrap}: count-aware paths of intermittent series. */
class WillemainBootstrapTest {

    private static double[][] simulate(double[] y, int paths, int h, long seed) {
        double[][] out = new double[paths][h];
        WillemainBootstrap.INSTANCE.simulate(y, new SplittableRandom(seed), out);
        return out;
    }

    private static double[] history() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = new double[400];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.25 ? 1 + r.nextInt(6) : 0;
        }
        return y;
    }

    @Test
    void pathsAreNonNegativeIntegersWithTheHistorysDemandRateAndMeanSize() {
        double[] y = history();
        double rate = Arrays.stream(y).filter(v -> v > 0).count() / (double) y.length;
        double meanSize = Arrays.stream(y).filter(v -> v > 0).average().orElseThrow();
        double[][] paths = simulate(y, 4000, 28, 3);
        long cells = 0;
        long demands = 0;
        double total = 0;
        for (double[] p : paths) {
            for (double v : p) {
                assertTrue(v >= 0 && v == Math.rint(v), "a non-negative integer: " + v);
                cells++;
                demands += v > 0 ? 1 : 0;
                total += v;
            }
        }
        assertEquals(rate, demands / (double) cells, 0.01, "demand rate of the chain");
        // jitter round(x + Z sqrt(x)) keeps sizes >= 1 and nearly unbiased
        assertEquals(meanSize, total / demands, 0.15 * meanSize, "mean demand size");
    }

    @Test
    void theChainStartsFromTheLastPeriodsState() {
        // demand always follows demand and never follows no demand: the chain stays where it starts
        double[] endsWithDemand = {0, 0, 0, 3, 3, 3};
        double[] endsWithout = {3, 3, 0, 0, 0, 0};
        for (double[] p : simulate(endsWithDemand, 100, 10, 1)) {
            assertTrue(Arrays.stream(p).allMatch(v -> v >= 1), Arrays.toString(p));
        }
        for (double[] p : simulate(endsWithout, 100, 10, 1)) {
            assertTrue(Arrays.stream(p).allMatch(v -> v == 0), Arrays.toString(p));
        }
    }

    @Test
    void fractionalHistoriesResampleObservedSizesAndNoDemandGivesZeros() {
        double[] y = {0, 0.5, 0, 0, 2.25, 0, 1.75, 0, 0, 0.5};
        Set<Double> seen = Set.of(0.0, 0.5, 2.25, 1.75);
        Set<Double> drawn = Arrays.stream(simulate(y, 500, 7, 2)).flatMapToDouble(Arrays::stream).boxed().collect(Collectors.toSet());
        assertTrue(seen.containsAll(drawn), "only observed sizes: " + drawn);
        for (double[] p : simulate(new double[] {0, 0, 0}, 10, 5, 2)) {
            assertArrayEquals(new double[5], p);
        }
        for (double[] p : simulate(new double[0], 10, 5, 2)) {
            assertArrayEquals(new double[5], p);
        }
    }

    @Test
    void theSameSeedGivesTheSamePaths() {
        double[][] a = simulate(history(), 200, 14, 99);
        double[][] b = simulate(history(), 200, 14, 99);
        double[][] c = simulate(history(), 200, 14, 100);
        assertTrue(Arrays.deepEquals(a, b));
        assertTrue(!Arrays.deepEquals(a, c), "another seed, other paths");
    }
}
