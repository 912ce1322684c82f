package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** STL against R's {@code forecast::mstl()} (which calls {@code stl(s.window = 11)}). */
class StlTest {

    @Test
    void airPassengersComponentsMatchR() {
        // mstl(AirPassengers)[c(1, 2, 70, 144), ]: trend 123.1450569 123.7250692 251.1623084 496.6832540,
        // seasonal -16.97707409 -17.17763334 -21.71100531 -44.19632498
        Stl.Decomposition d = Stl.decompose(ArimaFixtures.airPassengers(), 12, 11);
        int[] at = {0, 1, 69, 143};
        double[] trend = {123.1450569, 123.7250692, 251.1623084, 496.6832540};
        double[] seasonal = {-16.97707409, -17.17763334, -21.71100531, -44.19632498};
        for (int i = 0; i < at.length; i++) {
            assertEquals(trend[i], d.trend()[at[i]], 1e-6);
            assertEquals(seasonal[i], d.seasonal()[at[i]], 1e-6);
        }
    }

    @Test
    void seasonalStrengthMatchesRsHeuristic() {
        // forecast:::seas.heuristic(AirPassengers) = 0.9406725
        assertEquals(0.9406725, Stl.seasonalStrength(ArimaFixtures.airPassengers(), 12), 1e-6);
        // seas.heuristic(ts(c(5,3,8,1,9,2,7,4,6,3,8,2, 6,4,9,...) + (1:36)/3, frequency = 12)) = 0.9923888
        double[] base = {5, 3, 8, 1, 9, 2, 7, 4, 6, 3, 8, 2, 6, 4, 9, 2, 10, 3, 8, 5, 7, 4, 9, 3, 7, 5, 10, 3, 11, 4, 9, 6, 8, 5, 10, 4};
        double[] y = new double[36];
        for (int t = 0; t < 36; t++) {
            y[t] = base[t] + (t + 1) / 3.0;
        }
        assertEquals(0.9923888, Stl.seasonalStrength(y, 12), 1e-6);
    }

    @Test
    void needsMoreThanTwoPeriods() {
        assertThrows(IllegalArgumentException.class, () -> Stl.decompose(new double[24], 12, 11));
    }
}
