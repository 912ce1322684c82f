package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemandProfileTest {

    private static DemandProfile of(double... v) {
        return DemandProfile.of(v, 0, v.length);
    }

    @Test
    void intermittent() {
        DemandProfile p = of(0, 3, 0, 0, 5, 0);
        assertEquals(6, p.observed());
        assertEquals(4.0 / 6, p.zeroShare(), 1e-12);
        assertEquals(2.5, p.adi(), 1e-12, "intervals 2 and 3");
        assertEquals(1.0 / 16, p.cv2(), 1e-12, "sizes 3 and 5: variance 1, mean 4");
        assertEquals(DemandClass.INTERMITTENT, p.demandClass());
    }

    @Test
    void otherClasses() {
        assertEquals(DemandClass.SMOOTH, of(2, 2, 2).demandClass());
        DemandProfile erratic = of(1, 10, 1, 10);
        assertEquals(20.25 / 30.25, erratic.cv2(), 1e-12);
        assertEquals(DemandClass.ERRATIC, erratic.demandClass());
        DemandProfile lumpy = of(0, 0, 1, 0, 0, 10);
        assertEquals(3.0, lumpy.adi(), 1e-12);
        assertEquals(DemandClass.LUMPY, lumpy.demandClass());
    }

    @Test
    void allZeroIsNoDemandAndNaNIsSkipped() {
        DemandProfile none = of(0, 0, Double.NaN);
        assertEquals(DemandClass.NO_DEMAND, none.demandClass());
        assertEquals(2, none.observed());
        assertTrue(Double.isNaN(none.adi()));
        assertEquals(2.0, of(Double.NaN, 0, 4, Double.NaN, 0, 4).adi(), 1e-12, "observed 0,4,0,4: intervals 2 and 2");
    }

    @Test
    void cutOffsAreInclusiveAbove() {
        assertEquals(DemandClass.INTERMITTENT, DemandClass.of(1.32, 0.48));
        assertEquals(DemandClass.ERRATIC, DemandClass.of(1.31, 0.49));
        assertEquals(DemandClass.LUMPY, DemandClass.of(1.32, 0.49));
    }
}
