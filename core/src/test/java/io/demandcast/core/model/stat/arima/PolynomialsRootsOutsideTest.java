package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialsRootsOutsideTest {
    @Test
    void agreesWithTheRootModuliOfTheFactorsOnRandomSeasonalPolynomials() {
        Random rnd = new Random(7);
        int agreed = 0;
        for (int trial = 0; trial < 2000; trial++) {
            double[] ar = new double[rnd.nextInt(4)];
            double[] sar = new double[rnd.nextInt(3)];
            for (int i = 0; i < ar.length; i++) {
                ar[i] = rnd.nextGaussian() * 0.6;
            }
            for (int i = 0; i < sar.length; i++) {
                sar[i] = rnd.nextGaussian() * 0.6;
            }
            double[] poly = Polynomials.expandAr(ar, sar, 12);
            // the roots of the product: those of the low-degree factors (z^12 = w for the seasonal one),
            // computed reliably, where the companion matrix of degree up to 27 is not (it once put a
            // root of modulus 0.991 above 1.01)
            double min = Math.min(ar.length == 0 ? 2 : Polynomials.minArRootModulus(ar),
                    sar.length == 0 ? 2 : Math.pow(Polynomials.minArRootModulus(sar), 1.0 / 12));
            if (Math.abs(min - 1.01) < 1e-6) {
                continue; // too close to the threshold for either method to be exact
            }
            assertEquals(min >= 1.01, Polynomials.arRootsOutside(poly, 1.01), () -> java.util.Arrays.toString(poly));
            double[] ma = new double[poly.length];
            for (int i = 0; i < ma.length; i++) {
                ma[i] = -poly[i];
            }
            assertEquals(min >= 1.01, Polynomials.maRootsOutside(ma, 1.01));
            agreed++;
        }
        assertTrue(agreed > 1900);
    }

    @Test
    void rootsOnOrInsideTheRadiusFail() {
        // 1 - 0.5 z: root 2; 1 - z: root 1; (1 - 0.99 z): root 1.0101
        assertTrue(Polynomials.arRootsOutside(new double[] {0.5}, 1.01));
        assertFalse(Polynomials.arRootsOutside(new double[] {1.0}, 1.01));
        assertTrue(Polynomials.arRootsOutside(new double[] {0.99}, 1.01));
        assertFalse(Polynomials.arRootsOutside(new double[] {0.991}, 1.01));
        // trailing coefficients of 1e-8 or less are ignored, as R's auto.arima does
        assertTrue(Polynomials.maRootsOutside(new double[] {0.5, 1e-9}, 1.01));
        assertTrue(Polynomials.isStationary(new double[] {0.5, 0.3}));
        assertFalse(Polynomials.isStationary(new double[] {0.5, 0.6}));
    }
}
