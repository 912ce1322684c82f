package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Differencing tests against R's urca::ur.kpss and forecast's ndiffs/nsdiffs. */
class UnitRootsTest {

    @Test
    void kpssStatisticMatchesUrca() {
        // urca::ur.kpss(WWWusage, use.lag = trunc(3 * sqrt(100) / 13))@teststat = 0.7219743
        assertEquals(0.7219743, UnitRoots.kpss(ArimaFixtures.wwwUsage()), 1e-6);
    }

    @Test
    void differencesMatchR() {
        // ndiffs(WWWusage) = 1; nsdiffs(AirPassengers) = 1; ndiffs(diff(AirPassengers, 12)) = 1
        assertEquals(1, UnitRoots.ndiffs(ArimaFixtures.wwwUsage(), 2));
        double[] air = ArimaFixtures.airPassengers();
        assertEquals(1, UnitRoots.nsdiffs(air, 12, 1));
        double[] sdiff = ArimaFitter.difference(air, new ArimaOrder(0, 0, 0, 0, 1, 0, 12, false));
        assertEquals(1, UnitRoots.ndiffs(sdiff, 2));
    }

    @Test
    void constantDetectionUsesRelativeTolerance() {
        assertTrue(UnitRoots.isConstant(new double[] {1e6, 1e6 + 1e-4, 1e6}));
        assertFalse(UnitRoots.isConstant(new double[] {1, 1.001, 1}));
        assertTrue(UnitRoots.isConstant(new double[0]));
        assertEquals(0, UnitRoots.ndiffs(new double[] {2, 2, 2, 2}, 2));
        assertEquals(0, UnitRoots.nsdiffs(new double[] {1, 2, 3}, 12, 1));
    }
}
